package org.rnn4j.tensor;

import org.rnn4j.kernel.Activations;

/**
 * Elementwise ops, forward and backward side by side.
 *
 * <p>Binary ops broadcast a smaller operand whose shape is a suffix of the other's (a bias (N)
 * against (B, T, N)) or which has one element. Because the smaller operand is a suffix, element
 * i of the result pairs with element {@code i mod size} of each operand, and the backward pass
 * sums the gradient of a broadcast operand over its repeats.
 */
final class ElementwiseOps {
  private ElementwiseOps() {}

  enum Binary {
    ADD, SUB, MUL, DIV;

    String opName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  enum Unary { TANH, SIGMOID, RELU, EXP, LOG }

  /** y = a ∘ b with suffix broadcasting. */
  static Tensor binary(Binary op, Tensor a, Tensor b) {
    int[] outShape = broadcastShape(op.opName(), a, b);
    float[] x = a.data(); // (sa)
    float[] z = b.data(); // (sb)
    float[] y = new float[Shapes.size(outShape)];
    switch (op) {
      case ADD -> forEachPair(x, z, y, (u, v) -> u + v);
      case SUB -> forEachPair(x, z, y, (u, v) -> u - v);
      case MUL -> forEachPair(x, z, y, (u, v) -> u * v);
      case DIV -> forEachPair(x, z, y, (u, v) -> u / v);
    }
    return Tensor.result(y, outShape, dy -> binaryBackward(op, a, b, dy), a, b);
  }

  /** A float function of two floats: the op as a lambda to inline, not a switch per element. */
  @FunctionalInterface
  private interface FloatPair {
    float apply(float u, float v);
  }

  /**
   * y[i] = f(x[i mod |x|], z[i mod |z|]) for i &lt; |y|, where |x| and |z| each divide |y| (a
   * suffix-broadcast operand repeats whole): the loops walk the repeats instead of taking a
   * remainder per element.
   */
  private static void forEachPair(float[] x, float[] z, float[] y, FloatPair f) {
    int n = y.length;
    if (x.length == n && z.length == n) {
      for (int i = 0; i < n; i++) {
        y[i] = f.apply(x[i], z[i]);
      }
    } else if (x.length == n) { // z repeats
      int m = z.length;
      for (int from = 0; from < n; from += m) {
        for (int j = 0; j < m; j++) {
          y[from + j] = f.apply(x[from + j], z[j]);
        }
      }
    } else { // x repeats
      int m = x.length;
      for (int from = 0; from < n; from += m) {
        for (int j = 0; j < m; j++) {
          y[from + j] = f.apply(x[j], z[from + j]);
        }
      }
    }
  }

  /**
   * add: da += g, db += g;  sub: da += g, db −= g;  mul: da += g·b, db += g·a;
   * div: da += g/b, db −= g·a/b².
   *
   * <p>A broadcast operand's gradient sums its repeats in the order of i, as a per-element
   * loop over i would.
   */
  private static void binaryBackward(Binary op, Tensor a, Tensor b, float[] dy) {
    float[] x = a.data();
    float[] z = b.data();
    if (a.requiresGrad()) {
      float[] da = a.gradBuffer();
      switch (op) {
        case ADD, SUB -> accumulate(da, x, z, dy, (g, own, other) -> g);
        case MUL -> accumulate(da, x, z, dy, (g, own, other) -> g * other);
        case DIV -> accumulate(da, x, z, dy, (g, own, other) -> g / other);
      }
    }
    if (b.requiresGrad()) {
      float[] db = b.gradBuffer();
      switch (op) {
        case ADD -> accumulate(db, z, x, dy, (g, own, other) -> g);
        case SUB -> accumulate(db, z, x, dy, (g, own, other) -> -g);
        case MUL -> accumulate(db, z, x, dy, (g, own, other) -> g * other);
        case DIV -> accumulate(db, z, x, dy, (g, own, other) -> -g * other / (own * own));
      }
    }
  }

  /** One operand's gradient term from the output gradient g, its own value and the other's. */
  @FunctionalInterface
  private interface GradientTerm {
    float apply(float g, float own, float other);
  }

  /**
   * d[i mod |d|] += term(dy[i], own[i mod |d|], other[i mod |other|]) for i &lt; |dy|, where d
   * is the gradient of the operand with values {@code own}. One operand has |dy| elements; the
   * other's size divides |dy|.
   */
  private static void accumulate(float[] d, float[] own, float[] other, float[] dy,
      GradientTerm term) {
    int n = dy.length;
    if (d.length == n && other.length == n) {
      for (int i = 0; i < n; i++) {
        d[i] += term.apply(dy[i], own[i], other[i]);
      }
    } else if (d.length == n) { // the other operand repeats
      int m = other.length;
      for (int from = 0; from < n; from += m) {
        for (int j = 0; j < m; j++) {
          d[from + j] += term.apply(dy[from + j], own[from + j], other[j]);
        }
      }
    } else { // this operand repeats: sum over its repeats
      int m = d.length;
      for (int from = 0; from < n; from += m) {
        for (int j = 0; j < m; j++) {
          d[j] += term.apply(dy[from + j], own[j], other[from + j]);
        }
      }
    }
  }

  private static int[] broadcastShape(String op, Tensor a, Tensor b) {
    int[] sa = a.shape();
    int[] sb = b.shape();
    if (a.size() >= b.size() && (Shapes.isSuffix(sb, sa) || b.size() == 1)) {
      return sa;
    }
    if (Shapes.isSuffix(sa, sb) || a.size() == 1) {
      return sb;
    }
    throw new IllegalArgumentException(
        op + ": shapes do not broadcast: a " + Shapes.str(sa) + ", b " + Shapes.str(sb)
            + "; one shape must equal the other or be a suffix of it (or have one element)");
  }

  /** y = s·x + t for constants s and t; dx += s·g. */
  static Tensor affine(Tensor x, float s, float t) {
    float[] in = x.data();
    float[] y = new float[in.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = s * in[i] + t;
    }
    return Tensor.result(y, x.shape(), dy -> {
      float[] dx = x.gradBuffer();
      for (int i = 0; i < dy.length; i++) {
        dx[i] += s * dy[i];
      }
    }, x);
  }

  /**
   * Forward: tanh, σ, max(x,0), eˣ, ln x. Backward, written with the output y where it is
   * cheaper: tanh' = 1 − y², σ' = y(1 − y), relu' = [x &gt; 0], exp' = y, log' = 1/x.
   */
  static Tensor unary(Unary op, Tensor x) {
    float[] in = x.data();
    float[] y = new float[in.length];
    switch (op) {
      case TANH -> Activations.tanh(y, 0, in, 0, in.length);
      case SIGMOID -> Activations.sigmoid(y, 0, in, 0, in.length);
      case EXP -> Activations.exp(y, 0, in, 0, in.length);
      case RELU -> {
        for (int i = 0; i < y.length; i++) {
          y[i] = Math.max(in[i], 0f);
        }
      }
      case LOG -> {
        for (int i = 0; i < y.length; i++) {
          y[i] = (float) Math.log(in[i]);
        }
      }
    }
    return Tensor.result(y, x.shape(), dy -> {
      float[] dx = x.gradBuffer();
      for (int i = 0; i < dy.length; i++) {
        dx[i] += dy[i] * switch (op) {
          case TANH -> 1f - y[i] * y[i];
          case SIGMOID -> y[i] * (1f - y[i]);
          case RELU -> in[i] > 0f ? 1f : 0f;
          case EXP -> y[i];
          case LOG -> 1f / in[i];
        };
      }
    }, x);
  }
}
