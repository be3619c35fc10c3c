package org.rnn4j.tensor;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.rnn4j.kernel.BufferPool;
import org.rnn4j.kernel.Gemm;
import org.rnn4j.kernel.PackedMatrix;

/**
 * A float32 tensor: a shape and a contiguous, row-major {@code float[]}, with an optional gradient
 * and the record of the op that made it (reverse-mode autograd over a dynamic graph).
 *
 * <p>Every op on tensors that require gradients records its inputs and a backward function;
 * {@link #backward()} on a scalar result walks that graph in reverse topological order and
 * accumulates ({@code +=}) gradients into every tensor that requires them. Inside a {@link NoGrad}
 * scope no graph is kept.
 *
 * <p>Shapes name their dimensions in the javadoc of each method (B batch, T time, K input
 * features, N output features, V vocabulary, E embedding size).
 */
public final class Tensor {
  private final int[] shape;
  private final float[] data; // (size()) row-major
  private float[] grad; // (size()) or null until a backward pass reaches this tensor
  private boolean requiresGrad;
  private volatile boolean frozen;
  private volatile PackedMatrix packedTranspose; // of a frozen (N, K) tensor: Wᵀ (K, N)
  private final Tensor[] inputs; // of the op that made this tensor; empty for leaves
  private final BackwardFunction backwardFunction; // null for leaves

  private Tensor(
      float[] data, int[] shape, boolean requiresGrad, Tensor[] inputs, BackwardFunction bw) {
    this.shape = shape;
    this.data = data;
    this.requiresGrad = requiresGrad;
    this.inputs = inputs;
    this.backwardFunction = bw;
  }

  // ------------------------------------------------------------------ creation

  /**
   * A tensor over {@code data} (not copied) with the given shape.
   *
   * @param data the values, row-major; the tensor keeps this array
   * @param shape the dimensions; their product must equal {@code data.length}
   * @return a leaf tensor that does not require gradients
   * @throws IllegalArgumentException if the sizes differ
   */
  public static Tensor of(float[] data, int... shape) {
    int[] s = shape.clone();
    int n = Shapes.size(s);
    if (n != data.length) {
      throw new IllegalArgumentException(
          "data length must equal the product of shape " + Shapes.str(s) + ": expected " + n
              + ", got " + data.length);
    }
    return new Tensor(data, s, false, new Tensor[0], null);
  }

  /** A scalar (shape {@code []}) holding {@code value}. */
  public static Tensor scalar(float value) {
    return of(new float[] {value});
  }

  /** A tensor of zeros. */
  public static Tensor zeros(int... shape) {
    return of(new float[Shapes.allocation(shape)], shape);
  }

  /** A tensor of ones. */
  public static Tensor ones(int... shape) {
    return full(1f, shape);
  }

  /** A tensor with every element equal to {@code value}. */
  public static Tensor full(float value, int... shape) {
    float[] d = new float[Shapes.allocation(shape)];
    Arrays.fill(d, value);
    return of(d, shape);
  }

  /**
   * Samples of the normal distribution N(mean, std²).
   *
   * @param rng the source of randomness (seed it for reproducible results)
   */
  public static Tensor normal(RandomGenerator rng, float mean, float std, int... shape) {
    float[] d = new float[Shapes.allocation(shape)];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (mean + std * rng.nextGaussian());
    }
    return of(d, shape);
  }

  /**
   * Samples of the uniform distribution on [low, high).
   *
   * @param rng the source of randomness (seed it for reproducible results)
   */
  public static Tensor uniform(RandomGenerator rng, float low, float high, int... shape) {
    if (!(low < high)) {
      throw new IllegalArgumentException(
          "uniform: low must be below high, got low=" + low + ", high=" + high);
    }
    float[] d = new float[Shapes.allocation(shape)];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (low + (high - low) * rng.nextDouble());
    }
    return of(d, shape);
  }

  /**
   * The result of an op: records {@code inputs} and {@code bw} unless no input requires gradients
   * or a {@link NoGrad} scope is active.
   */
  static Tensor result(float[] data, int[] shape, BackwardFunction bw, Tensor... inputs) {
    boolean track = false;
    if (!NoGrad.isActive()) {
      for (Tensor t : inputs) {
        track |= t.requiresGrad;
      }
    }
    return track
        ? new Tensor(data, shape, true, inputs, bw)
        : new Tensor(data, shape, false, new Tensor[0], null);
  }

  // ------------------------------------------------------------------ access

  /** The dimensions (a copy). */
  public int[] shape() {
    return shape.clone();
  }

  /** Size of dimension {@code axis}; negative axes count from the end. */
  public int dim(int axis) {
    return shape[Shapes.axis("dim", axis, shape)];
  }

  /** Number of dimensions. */
  public int rank() {
    return shape.length;
  }

  /** Number of elements. */
  public int size() {
    return data.length;
  }

  /**
   * The backing array, row-major (live, not a copy). Writing to it changes the tensor; do so only
   * outside any graph that uses this tensor (e.g. parameter updates inside {@link NoGrad}).
   */
  public float[] data() {
    return data;
  }

  /** The element at the given index, one coordinate per dimension. */
  public float get(int... index) {
    return data[flatIndex(index)];
  }

  /** Sets the element at the given index (see {@link #data()} for when this is safe). */
  public void set(float value, int... index) {
    data[flatIndex(index)] = value;
  }

  /**
   * The value of a one-element tensor.
   *
   * @throws IllegalStateException if the tensor has more than one element
   */
  public float item() {
    if (data.length != 1) {
      throw new IllegalStateException(
          "item() needs a tensor of one element, got shape " + Shapes.str(shape));
    }
    return data[0];
  }

  private int flatIndex(int[] index) {
    if (index.length != shape.length) {
      throw new IllegalArgumentException(
          "index must have one coordinate per dimension: expected " + shape.length + ", got "
              + index.length + " (shape " + Shapes.str(shape) + ")");
    }
    int flat = 0;
    for (int i = 0; i < index.length; i++) {
      if (index[i] < 0 || index[i] >= shape[i]) {
        throw new IndexOutOfBoundsException(
            "index " + Arrays.toString(index) + " is out of bounds for shape " + Shapes.str(shape));
      }
      flat = flat * shape[i] + index[i];
    }
    return flat;
  }

  /** A copy of the values as a new leaf tensor that does not require gradients. */
  public Tensor copy() {
    return of(data.clone(), shape);
  }

  /**
   * The same values as a leaf that keeps no graph and does not require gradients (shares the data
   * array). Truncated backpropagation through time detaches the carried state this way.
   */
  public Tensor detach() {
    return new Tensor(data, shape, false, new Tensor[0], null);
  }

  @Override
  public String toString() {
    int shown = Math.min(data.length, 8);
    StringBuilder sb = new StringBuilder("Tensor").append(Shapes.str(shape)).append('[');
    for (int i = 0; i < shown; i++) {
      sb.append(i == 0 ? "" : ", ").append(data[i]);
    }
    return sb.append(data.length > shown ? ", ...]" : "]").toString();
  }

  // ------------------------------------------------------------------ gradients

  /**
   * Marks this leaf as one whose gradient is wanted (a parameter, or an input under test).
   *
   * @return this tensor
   * @throws IllegalStateException if this tensor was made by an op (only leaves can be marked)
   */
  public Tensor requiresGrad(boolean value) {
    if (backwardFunction != null) {
      throw new IllegalStateException(
          "requiresGrad can be set only on leaf tensors; this one was made by an op");
    }
    if (value && frozen) {
      throw new IllegalStateException("a frozen tensor cannot require gradients: its values are"
          + " fixed for inference (see freeze())");
    }
    this.requiresGrad = value;
    return this;
  }

  /**
   * Fixes this leaf's values for inference: it stops requiring gradients, and products by it
   * ({@link #matmulT}, the recurrent layers' weights) pack it for the GEMM kernels once, on first
   * use, and reuse the packed copy in every later call instead of packing it again each time.
   * That matters most when decoding one token at a time, where packing the weights would cost as
   * much as the product. The inference classes of the task families freeze their models'
   * parameters; their values must not change afterwards (the packed copy would not follow).
   * Results are bit-identical to those of the same tensor unfrozen.
   *
   * @return this tensor
   * @throws IllegalStateException if this tensor was made by an op
   */
  public Tensor freeze() {
    requiresGrad(false);
    frozen = true;
    return this;
  }

  /** Whether {@link #freeze} was called: the values are fixed and products reuse a packing. */
  public boolean frozen() {
    return frozen;
  }

  /**
   * This frozen 2-D tensor W (N, K), the layout of a Linear weight, as the right operand Wᵀ
   * (K, N) of {@link Gemm#multiply(float[], int, float[], int, boolean, int, PackedMatrix,
   * boolean)}: packed on the first call, then the same copy (thread-safe).
   *
   * @return Wᵀ packed, (K, N)
   * @throws IllegalStateException if this tensor is not frozen or not 2-D
   */
  public PackedMatrix packedTranspose() {
    if (!frozen || shape.length != 2) {
      throw new IllegalStateException("packedTranspose() needs a frozen 2-D tensor, this one is "
          + (frozen ? "" : "not frozen, ") + "shape " + Shapes.str(shape));
    }
    PackedMatrix packed = packedTranspose;
    if (packed == null) {
      synchronized (this) {
        packed = packedTranspose;
        if (packed == null) {
          packed = Gemm.pack(data, 0, shape[1], shape[0], true);
          packedTranspose = packed;
        }
      }
    }
    return packed;
  }

  /** Whether gradients flow into this tensor. */
  public boolean requiresGrad() {
    return requiresGrad;
  }

  /** Whether this tensor was made by a recorded op (false for leaves). */
  public boolean isLeaf() {
    return backwardFunction == null;
  }

  /**
   * The accumulated gradient dLoss/dThis of this leaf as a tensor of the same shape (sharing the
   * buffer). An op's result has none after {@link #backward()}: its gradient is used and given
   * back during the pass.
   *
   * @throws IllegalStateException if no backward pass has reached this tensor, or it is an op's
   *     result
   */
  public Tensor grad() {
    if (grad == null) {
      throw new IllegalStateException("no gradient: this tensor " + (!requiresGrad
          ? "does not require grad"
          : isLeaf() ? "has not been reached by backward() yet"
          : "is an op's result, whose gradient exists only during backward()"));
    }
    return of(grad, shape);
  }

  /** Whether a gradient buffer exists (a backward pass reached this tensor). */
  public boolean hasGrad() {
    return grad != null;
  }

  /** Clears the accumulated gradient (keeps the buffer, fills it with zeros). */
  public void zeroGrad() {
    if (grad != null) {
      Arrays.fill(grad, 0f);
    }
  }

  /**
   * The gradient buffer, made zero on first use; ops' backward functions add into it. A leaf's
   * is its own for good; an op result's comes from the {@link BufferPool} and goes back to it as
   * soon as the backward pass has used it.
   */
  float[] gradBuffer() {
    if (grad == null) {
      grad = isLeaf() ? new float[data.length] : BufferPool.take(data.length);
    }
    return grad;
  }

  /**
   * Backpropagates from this scalar: sets dThis = 1 and accumulates the gradient of this value
   * with respect to every tensor in its graph that requires gradients. Gradients of leaves add up
   * over calls. Gradients of intermediate results exist only during the pass: each is given back
   * to the {@link BufferPool} once its op's backward function has used it, so a training step
   * reuses the same buffers instead of allocating them, and {@link #grad()} is for leaves.
   *
   * @throws IllegalStateException if this tensor is not a scalar or does not require gradients
   */
  public void backward() {
    if (data.length != 1) {
      throw new IllegalStateException(
          "backward() starts from a scalar (one element), got shape " + Shapes.str(shape));
    }
    if (!requiresGrad) {
      throw new IllegalStateException(
          "backward() on a tensor that does not require grad: no input of its graph requires grad"
              + (NoGrad.isActive() ? " (a NoGrad scope is active)" : ""));
    }
    List<Tensor> order = Graph.topologicalOrder(this);
    for (Tensor t : order) {
      if (!t.isLeaf()) {
        t.grad = null; // the buffers are taken, zeroed, when an op first adds into them
      }
    }
    gradBuffer()[0] += 1f;
    for (int i = order.size() - 1; i >= 0; i--) {
      Tensor t = order.get(i);
      if (!t.isLeaf()) { // every op that reads t has added into t.grad: it is complete
        t.backwardFunction.backward(t.gradBuffer());
        BufferPool.give(t.grad);
        t.grad = null;
      }
    }
  }

  Tensor[] inputs() {
    return inputs;
  }

  // ------------------------------------------------------------------ ops (see the op classes)

  /** Elementwise sum; {@code other} may also be a suffix of this shape (e.g. a bias row). */
  public Tensor add(Tensor other) {
    return ElementwiseOps.binary(ElementwiseOps.Binary.ADD, this, other);
  }

  /** Elementwise difference, broadcasting a suffix-shaped operand like {@link #add}. */
  public Tensor sub(Tensor other) {
    return ElementwiseOps.binary(ElementwiseOps.Binary.SUB, this, other);
  }

  /** Elementwise (Hadamard) product, broadcasting a suffix-shaped operand like {@link #add}. */
  public Tensor mul(Tensor other) {
    return ElementwiseOps.binary(ElementwiseOps.Binary.MUL, this, other);
  }

  /** Elementwise quotient, broadcasting a suffix-shaped operand like {@link #add}. */
  public Tensor div(Tensor other) {
    return ElementwiseOps.binary(ElementwiseOps.Binary.DIV, this, other);
  }

  /** {@code this · s} for a constant s. */
  public Tensor mul(float s) {
    return ElementwiseOps.affine(this, s, 0f);
  }

  /** {@code this + s} for a constant s. */
  public Tensor add(float s) {
    return ElementwiseOps.affine(this, 1f, s);
  }

  /** Elementwise tanh. */
  public Tensor tanh() {
    return ElementwiseOps.unary(ElementwiseOps.Unary.TANH, this);
  }

  /** Elementwise logistic sigmoid σ(x) = 1 / (1 + e^−x). */
  public Tensor sigmoid() {
    return ElementwiseOps.unary(ElementwiseOps.Unary.SIGMOID, this);
  }

  /** Elementwise max(x, 0); its gradient at 0 is taken as 0. */
  public Tensor relu() {
    return ElementwiseOps.unary(ElementwiseOps.Unary.RELU, this);
  }

  /** Elementwise e^x. */
  public Tensor exp() {
    return ElementwiseOps.unary(ElementwiseOps.Unary.EXP, this);
  }

  /** Elementwise natural logarithm. */
  public Tensor log() {
    return ElementwiseOps.unary(ElementwiseOps.Unary.LOG, this);
  }

  /**
   * Matrix product with a 2-D {@code other} (K, N): this (M, K) gives (M, N); this (B, T, K) gives
   * (B, T, N) (every leading dimension is kept).
   */
  public Tensor matmul(Tensor other) {
    return MatmulOps.matmul(this, other, false);
  }

  /**
   * Product with the transpose of {@code other} (N, K), the layout of a PyTorch Linear weight:
   * this (…, K) gives (…, N) = this · otherᵀ.
   */
  public Tensor matmulT(Tensor other) {
    return MatmulOps.matmul(this, other, true);
  }

  /** Softmax over the last axis. */
  public Tensor softmax() {
    return SoftmaxOps.softmax(this);
  }

  /** log(softmax(x)) over the last axis, computed stably. */
  public Tensor logSoftmax() {
    return SoftmaxOps.logSoftmax(this);
  }

  /** Sum of all elements, a scalar. */
  public Tensor sum() {
    return ReduceOps.sumAll(this, false);
  }

  /** Mean of all elements, a scalar. */
  public Tensor mean() {
    return ReduceOps.sumAll(this, true);
  }

  /** Sum over one axis, which is removed from the shape. */
  public Tensor sum(int axis) {
    return ReduceOps.sumAxis(this, axis, false);
  }

  /** Mean over one axis, which is removed from the shape. */
  public Tensor mean(int axis) {
    return ReduceOps.sumAxis(this, axis, true);
  }

  /**
   * The same data with another shape of equal size (shares the data array). One dimension may be
   * -1, inferred from the others.
   */
  public Tensor reshape(int... newShape) {
    return ShapeOps.reshape(this, newShape);
  }

  /** The transpose of a 2-D tensor (a copy). */
  public Tensor transpose() {
    return ShapeOps.transpose(this);
  }

  /** Elements {@code from} (inclusive) to {@code to} (exclusive) along {@code axis} (a copy). */
  public Tensor slice(int axis, int from, int to) {
    return ShapeOps.slice(this, axis, from, to);
  }

  /** Concatenation along {@code axis}; all other dimensions must be equal. */
  public static Tensor concat(int axis, Tensor... parts) {
    return ShapeOps.concat(axis, parts);
  }

  /**
   * Embedding lookup: row {@code ids[i]} of {@code weight} (V, E) for each id.
   *
   * @param weight the embedding table (V, E)
   * @param ids token ids in [0, V), row-major over {@code idsShape}
   * @param idsShape the shape of the ids, e.g. (B, T)
   * @return (idsShape…, E)
   */
  public static Tensor embedding(Tensor weight, int[] ids, int... idsShape) {
    return IndexOps.embedding(weight, ids, idsShape);
  }

  /**
   * The position of the largest value in every row along the last axis, the first one on ties.
   * Not differentiable.
   *
   * @return (size / dim(-1)) indices in [0, dim(-1))
   * @throws IllegalStateException if the tensor is a scalar
   */
  public int[] argmax() {
    if (rank() < 1) {
      throw new IllegalStateException("argmax needs at least one axis, got a scalar");
    }
    int n = dim(-1);
    float[] z = data();
    int[] best = new int[z.length / n];
    for (int row = 0; row < best.length; row++) {
      int at = row * n;
      for (int j = 1; j < n; j++) {
        if (z[at + j] > z[at + best[row]]) {
          best[row] = j;
        }
      }
    }
    return best;
  }

  /**
   * Inverted dropout: zeroes each element with probability {@code p} and scales the rest by
   * 1/(1−p), so the expectation is unchanged. {@code p = 0} returns this tensor.
   *
   * @param p drop probability in [0, 1)
   * @param rng the source of randomness (seed it for reproducible results)
   */
  public Tensor dropout(float p, RandomGenerator rng) {
    return IndexOps.dropout(this, p, rng);
  }
}
