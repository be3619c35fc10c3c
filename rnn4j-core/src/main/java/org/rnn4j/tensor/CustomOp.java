package org.rnn4j.tensor;

import org.rnn4j.kernel.BufferPool;

/**
 * Ops defined outside this package, such as a fused recurrent layer whose backward pass is a
 * hand-written backpropagation-through-time loop. The caller computes the forward result itself;
 * {@link #record} wraps it as a tensor and, when any input requires gradients, records a node
 * whose backward step is {@code backward}.
 */
public final class CustomOp {
  private CustomOp() {}

  /** The backward step of a custom op. */
  @FunctionalInterface
  public interface Backward {
    /**
     * Adds ({@code +=}) the gradients with respect to the op's inputs.
     *
     * @param dOut gradient of the loss with respect to the op's output (its shape); read only
     * @param grads where to accumulate the inputs' gradients
     */
    void backward(float[] dOut, Gradients grads);
  }

  /** The backward step of a custom op with several outputs ({@link #recordAll}). */
  @FunctionalInterface
  public interface MultiBackward {
    /**
     * Adds ({@code +=}) the gradients with respect to the op's inputs.
     *
     * @param dOuts the gradient of the loss with respect to each output (its shape), in the order
     *     of the outputs; null for an output that the loss does not depend on; read only
     * @param grads where to accumulate the inputs' gradients
     */
    void backward(float[][] dOuts, Gradients grads);
  }

  /** Access to the gradient buffers of a custom op's inputs during its backward step. */
  public static final class Gradients {
    private final Tensor[] inputs;

    private Gradients(Tensor[] inputs) {
      this.inputs = inputs;
    }

    /** Whether input {@code i} requires a gradient; skip computing it when not. */
    public boolean wanted(int i) {
      return inputs[i].requiresGrad();
    }

    /**
     * The gradient buffer of input {@code i} (its shape, row-major), to add into.
     *
     * @throws IllegalStateException if that input does not require gradients
     */
    public float[] buffer(int i) {
      if (!inputs[i].requiresGrad()) {
        throw new IllegalStateException("input " + i + " of this op does not require grad");
      }
      return inputs[i].gradBuffer();
    }
  }

  /**
   * Whether {@link #record} with these inputs will record a node: some input requires gradients
   * and no {@link NoGrad} scope is active. An op can skip keeping what only its backward step
   * needs when this is false.
   */
  public static boolean willRecord(Tensor... inputs) {
    if (NoGrad.isActive()) {
      return false;
    }
    for (Tensor t : inputs) {
      if (t.requiresGrad()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Wraps a forward result computed outside the graph as the output of a recorded op.
   *
   * @param data the result, row-major (kept, not copied)
   * @param shape its shape
   * @param backward the backward step; it must only add into the inputs' gradients
   * @param inputs the tensors the result depends on, indexed as in {@link Gradients}
   * @return the result; it requires gradients when an input does and no {@link NoGrad} scope is
   *     active
   */
  public static Tensor record(float[] data, int[] shape, Backward backward, Tensor... inputs) {
    checkSize(data, shape);
    Tensor[] in = inputs.clone();
    Gradients grads = new Gradients(in);
    return Tensor.result(data, shape.clone(), dy -> backward.backward(dy, grads), in);
  }

  /**
   * Wraps the several results of one op, computed outside the graph, as its outputs: one
   * backward step receives the gradients of all of them. A recurrent layer returns its outputs
   * at every step and its final states this way, without copying them out of one result.
   *
   * <p>Output 0 is the node that records the inputs; each later output is recorded as a node
   * whose only input is output 0 and whose backward step keeps a copy of its gradient for output
   * 0's, which runs after it (a graph orders a node after everything that reads it).
   *
   * @param data the results, row-major (kept, not copied); at least one
   * @param shapes their shapes, one per result
   * @param backward the backward step; it must only add into the inputs' gradients
   * @param inputs the tensors the results depend on, indexed as in {@link Gradients}
   * @return the results as tensors, in the order of {@code data}; they require gradients when an
   *     input does and no {@link NoGrad} scope is active
   */
  public static Tensor[] recordAll(float[][] data, int[][] shapes, MultiBackward backward,
      Tensor... inputs) {
    if (data.length == 0 || shapes.length != data.length) {
      throw new IllegalArgumentException("custom op: needs one shape per result and at least one"
          + " result, got " + data.length + " results and " + shapes.length + " shapes");
    }
    for (int i = 0; i < data.length; i++) {
      checkSize(data[i], shapes[i]);
    }
    Tensor[] in = inputs.clone();
    Gradients grads = new Gradients(in);
    float[][] kept = new float[data.length][]; // gradients of outputs 1…, until output 0's step
    Tensor[] out = new Tensor[data.length];
    out[0] = Tensor.result(data[0], shapes[0].clone(), dy -> {
      float[][] dOuts = kept.clone();
      dOuts[0] = dy;
      try {
        backward.backward(dOuts, grads);
      } finally {
        for (int i = 1; i < kept.length; i++) {
          BufferPool.give(kept[i]);
          kept[i] = null;
        }
      }
    }, in);
    for (int i = 1; i < data.length; i++) {
      int output = i;
      out[i] = Tensor.result(data[i], shapes[i].clone(), dy -> {
        float[] copy = BufferPool.takeToOverwrite(dy.length);
        System.arraycopy(dy, 0, copy, 0, dy.length);
        kept[output] = copy;
      }, out[0]);
    }
    return out;
  }

  private static void checkSize(float[] data, int[] shape) {
    if (Shapes.size(shape) != data.length) {
      throw new IllegalArgumentException(
          "custom op: data length must equal the product of shape " + Shapes.str(shape)
              + ": expected " + Shapes.size(shape) + ", got " + data.length);
    }
  }
}
