package org.rnn4j.tensor;

import org.rnn4j.kernel.Sizes;

/**
 * Ops that move elements without arithmetic: reshape, 2-D transpose, slice and concatenation
 * along an axis. Seen along an axis, a tensor is (outer, len, inner); a slice or a part of a
 * concatenation is a contiguous run of {@code len'·inner} elements in each of the outer blocks.
 */
final class ShapeOps {
  private ShapeOps() {}

  static Tensor reshape(Tensor x, int[] newShape) {
    int[] s = inferShape(x, newShape);
    return Tensor.result(x.data(), s, dy -> {
      float[] dx = x.gradBuffer();
      for (int i = 0; i < dy.length; i++) {
        dx[i] += dy[i];
      }
    }, x);
  }

  private static int[] inferShape(Tensor x, int[] newShape) {
    int[] s = newShape.clone();
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < s.length; i++) {
      if (s[i] == -1 && unknown < 0) {
        unknown = i;
      } else if (s[i] < 0) {
        throw new IllegalArgumentException(
            "reshape: dimensions must be non-negative with at most one -1, got " + Shapes.str(s));
      } else {
        known *= s[i];
      }
    }
    if (unknown >= 0 && known > 0 && x.size() % known == 0) {
      s[unknown] = (int) (x.size() / known);
    }
    if (unknown >= 0 && s[unknown] == -1 || Shapes.size(s) != x.size()) {
      throw new IllegalArgumentException(
          "reshape: the new shape must hold the same number of elements: tensor shape "
              + Shapes.str(x.shape()) + " (" + x.size() + " elements), requested "
              + Shapes.str(newShape));
    }
    return s;
  }

  /** y (C, R) = xᵀ for x (R, C). */
  static Tensor transpose(Tensor x) {
    if (x.rank() != 2) {
      throw new IllegalArgumentException(
          "transpose: needs a 2-D tensor, got shape " + Shapes.str(x.shape()));
    }
    int r = x.dim(0);
    int c = x.dim(1);
    float[] y = new float[Sizes.product(r, c)];
    transposeInto(y, x.data(), r, c);
    return Tensor.result(y, new int[] {c, r}, dy -> {
      float[] dx = x.gradBuffer();
      for (int i = 0; i < r; i++) {
        for (int j = 0; j < c; j++) {
          dx[i * c + j] += dy[j * r + i];
        }
      }
    }, x);
  }

  private static void transposeInto(float[] y, float[] x, int r, int c) {
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        y[j * r + i] = x[i * c + j];
      }
    }
  }

  static Tensor slice(Tensor x, int axis, int from, int to) {
    int[] shape = x.shape();
    int ax = Shapes.axis("slice", axis, shape);
    if (from < 0 || to > shape[ax] || from > to) {
      throw new IllegalArgumentException(
          "slice: range [" + from + ", " + to + ") must lie within [0, " + shape[ax] + "] on axis "
              + ax + " of shape " + Shapes.str(shape));
    }
    int outer = Shapes.outer(shape, ax);
    int inner = Shapes.inner(shape, ax);
    int srcBlock = shape[ax] * inner;
    int run = (to - from) * inner;
    float[] y = new float[Sizes.product(outer, run)];
    for (int o = 0; o < outer; o++) {
      System.arraycopy(x.data(), o * srcBlock + from * inner, y, o * run, run);
    }
    return Tensor.result(y, Shapes.with(shape, ax, to - from), dy -> {
      float[] dx = x.gradBuffer();
      for (int o = 0; o < outer; o++) {
        int src = o * srcBlock + from * inner;
        for (int i = 0; i < run; i++) {
          dx[src + i] += dy[o * run + i];
        }
      }
    }, x);
  }

  static Tensor concat(int axis, Tensor... parts) {
    if (parts.length == 0) {
      throw new IllegalArgumentException("concat: needs at least one tensor");
    }
    int[] first = parts[0].shape();
    int ax = Shapes.axis("concat", axis, first);
    int total = 0;
    for (int p = 0; p < parts.length; p++) {
      int[] s = parts[p].shape();
      if (s.length != first.length || !java.util.Arrays.equals(
          Shapes.with(s, ax, 0), Shapes.with(first, ax, 0))) {
        throw new IllegalArgumentException(
            "concat: every tensor must match the first except on axis " + ax + ": tensor 0 has "
                + Shapes.str(first) + ", tensor " + p + " has " + Shapes.str(s));
      }
      total += s[ax];
    }
    int outer = Shapes.outer(first, ax);
    int inner = Shapes.inner(first, ax);
    int dstBlock = total * inner;
    float[] y = new float[Sizes.product(outer, dstBlock)];
    int[] starts = new int[parts.length]; // offset of each part within an outer block of y
    for (int p = 0, at = 0; p < parts.length; p++) {
      starts[p] = at;
      int run = parts[p].dim(ax) * inner;
      for (int o = 0; o < outer; o++) {
        System.arraycopy(parts[p].data(), o * run, y, o * dstBlock + at, run);
      }
      at += run;
    }
    return Tensor.result(y, Shapes.with(first, ax, total), dy -> {
      for (int p = 0; p < parts.length; p++) {
        if (!parts[p].requiresGrad()) {
          continue;
        }
        float[] dx = parts[p].gradBuffer();
        int run = parts[p].dim(ax) * inner;
        for (int o = 0; o < outer; o++) {
          for (int i = 0; i < run; i++) {
            dx[o * run + i] += dy[o * dstBlock + starts[p] + i];
          }
        }
      }
    }, parts);
  }
}
