package org.rnn4j.tensor;

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
    if (Shapes.size(shape) != data.length) {
      throw new IllegalArgumentException(
          "custom op: data length must equal the product of shape " + Shapes.str(shape)
              + ": expected " + Shapes.size(shape) + ", got " + data.length);
    }
    Tensor[] in = inputs.clone();
    Gradients grads = new Gradients(in);
    return Tensor.result(data, shape.clone(), dy -> backward.backward(dy, grads), in);
  }
}
