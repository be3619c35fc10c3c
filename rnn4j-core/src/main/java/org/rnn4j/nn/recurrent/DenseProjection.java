package org.rnn4j.nn.recurrent;

import org.rnn4j.kernel.BufferPool;
import org.rnn4j.kernel.Gemm;
import org.rnn4j.kernel.GemmShape;
import org.rnn4j.kernel.Sizes;
import org.rnn4j.tensor.Tensor;

/**
 * P = X·W_ihᵀ for dense inputs: x (B, T, I) gathered into the direction's step order, then one
 * GEMM over all T·B rows; without a backward pass, the GEMM over x as stored instead, its rows
 * read in place.
 *
 * <pre>
 * forward:   X = gather(x) (T, B, I);   P = X·W_ihᵀ (T·B, GH)     W_ihᵀ packed once when frozen
 * in place:  P = x·W_ihᵀ (B·T, GH), batch-first; row (s, b) at its position in x
 * backward:  dW_ih += dPᵀ·X (GH, I);    dx += scatter(dP·W_ih)  (B, T, I)
 * </pre>
 */
final class DenseProjection implements InputProjection {
  private final StepOrder order;
  private final Tensor input; // x (B, T, I)
  private final Tensor weightIh; // W_ih (GH, I)
  private final int rows; // T·B
  private final int inputSize; // I
  private float[] x; // (T, B, I) step order, zero at padded steps; gathered by forward
  private float[] inPlace; // (B·T, GH) P of forwardInPlace
  private boolean released;

  /**
   * @param x the layer's input (B, T, I)
   * @param weightIh W_ih (GH, I)
   * @param order this direction's step order
   */
  DenseProjection(Tensor x, Tensor weightIh, StepOrder order) {
    this.order = order;
    this.input = x;
    this.weightIh = weightIh;
    this.inputSize = x.dim(2);
    this.rows = x.dim(0) * x.dim(1);
  }

  @Override
  public void forward(float[] preIh) {
    x = order.gather(input.data(), inputSize, 0, inputSize);
    project(preIh, x, rows, weightIh);
  }

  @Override
  public ProjectedRows forwardInPlace() {
    int gh = weightIh.dim(0);
    inPlace = BufferPool.takeToOverwrite(Sizes.product(rows, gh));
    project(inPlace, input.data(), rows, weightIh);
    return new ProjectedRows(inPlace, order.rowOffsets(gh));
  }

  @Override
  public StepProjection byStep(int hidden) {
    return StepProjection.pays(input.dim(0), weightIh.dim(0), inputSize, hidden)
        ? StepProjection.of(input, weightIh, order) : null;
  }

  /**
   * out = X·W_ihᵀ, through the packed W_ihᵀ when W_ih is frozen (bit-identical either way).
   *
   * @param out (rows, GH) overwritten
   * @param x (rows, I)
   * @param rows the rows of X
   * @param weightIh W_ih (GH, I)
   */
  static void project(float[] out, float[] x, int rows, Tensor weightIh) {
    if (weightIh.frozen()) {
      Gemm.multiply(out, 0, x, 0, false, rows, weightIh.packedTranspose(), false);
    } else {
      Gemm.multiply(out, 0, x, 0, weightIh.data(), 0,
          new GemmShape(rows, weightIh.dim(0), weightIh.dim(1), false, true), false);
    }
  }

  @Override
  public void backward(float[] dPre, float[] dWeightIh, float[] dInput) {
    if (x == null) {
      throw new IllegalStateException("backward needs the step-order forward pass");
    }
    int gh = weightIh.dim(0);
    if (dWeightIh != null) {
      Gemm.multiply(dWeightIh, 0, dPre, 0, x, 0,
          new GemmShape(gh, inputSize, rows, true, false), true);
    }
    if (dInput != null) {
      float[] dx = BufferPool.take(x.length); // (T, B, I) step order
      Gemm.multiply(dx, 0, dPre, 0, weightIh.data(), 0,
          new GemmShape(rows, inputSize, gh, false, false), false);
      order.scatterAdd(dInput, inputSize, 0, dx, 0, inputSize);
      BufferPool.give(dx);
    }
  }

  @Override
  public float[] gradientOperand() {
    return x;
  }

  @Override
  public void release() {
    if (!released) {
      released = true;
      BufferPool.give(x, inPlace);
    }
  }
}
