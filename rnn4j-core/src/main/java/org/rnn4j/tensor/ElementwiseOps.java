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

    float apply(float a, float b) {
      return switch (this) {
        case ADD -> a + b;
        case SUB -> a - b;
        case MUL -> a * b;
        case DIV -> a / b;
      };
    }

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
    int sa = x.length;
    int sb = z.length;
    float[] y = new float[Shapes.size(outShape)];
    for (int i = 0; i < y.length; i++) {
      y[i] = op.apply(x[i % sa], z[i % sb]);
    }
    return Tensor.result(y, outShape, dy -> binaryBackward(op, a, b, dy), a, b);
  }

  /**
   * add: da += g, db += g;  sub: da += g, db −= g;  mul: da += g·b, db += g·a;
   * div: da += g/b, db −= g·a/b².
   */
  private static void binaryBackward(Binary op, Tensor a, Tensor b, float[] dy) {
    float[] x = a.data();
    float[] z = b.data();
    int sa = x.length;
    int sb = z.length;
    if (a.requiresGrad()) {
      float[] da = a.gradBuffer();
      for (int i = 0; i < dy.length; i++) {
        int ia = i % sa;
        da[ia] += switch (op) {
          case ADD, SUB -> dy[i];
          case MUL -> dy[i] * z[i % sb];
          case DIV -> dy[i] / z[i % sb];
        };
      }
    }
    if (b.requiresGrad()) {
      float[] db = b.gradBuffer();
      for (int i = 0; i < dy.length; i++) {
        int ib = i % sb;
        db[ib] += switch (op) {
          case ADD -> dy[i];
          case SUB -> -dy[i];
          case MUL -> dy[i] * x[i % sa];
          case DIV -> -dy[i] * x[i % sa] / (z[ib] * z[ib]);
        };
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
