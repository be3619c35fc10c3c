package org.rnn4j.tensor;

import java.util.Arrays;

/** Small helpers on shapes (int arrays of dimension sizes); they never allocate tensors. */
final class Shapes {
  private Shapes() {}

  /** The number of values of a new tensor of this shape, charged to any {@link AllocationLimit}. */
  static int allocation(int[] shape) {
    int n = size(shape);
    AllocationLimit.charge(n);
    return n;
  }

  /** Number of elements of a shape; the empty shape (a scalar) has one. */
  static int size(int[] shape) {
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("shape dimensions must be non-negative, got " + str(shape));
      }
      n *= d;
      if (n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("shape " + str(shape) + " has more than 2^31-1 elements");
      }
    }
    return (int) n;
  }

  static String str(int[] shape) {
    return Arrays.toString(shape);
  }

  /** Product of the dimensions before {@code axis}. */
  static int outer(int[] shape, int axis) {
    int n = 1;
    for (int i = 0; i < axis; i++) {
      n *= shape[i];
    }
    return n;
  }

  /** Product of the dimensions after {@code axis}. */
  static int inner(int[] shape, int axis) {
    int n = 1;
    for (int i = axis + 1; i < shape.length; i++) {
      n *= shape[i];
    }
    return n;
  }

  /** Normalises a possibly negative axis ({@code -1} is the last) and checks its range. */
  static int axis(String op, int axis, int[] shape) {
    int a = axis < 0 ? axis + shape.length : axis;
    if (a < 0 || a >= shape.length) {
      throw new IllegalArgumentException(
          op + ": axis " + axis + " is out of range for shape " + str(shape));
    }
    return a;
  }

  /** A copy of {@code shape} with dimension {@code axis} replaced by {@code size}. */
  static int[] with(int[] shape, int axis, int size) {
    int[] s = shape.clone();
    s[axis] = size;
    return s;
  }

  /** A copy of {@code shape} without dimension {@code axis}. */
  static int[] without(int[] shape, int axis) {
    int[] s = new int[shape.length - 1];
    for (int i = 0, j = 0; i < shape.length; i++) {
      if (i != axis) {
        s[j++] = shape[i];
      }
    }
    return s;
  }

  /** Whether {@code suffix} equals the last dimensions of {@code shape}. */
  static boolean isSuffix(int[] suffix, int[] shape) {
    if (suffix.length > shape.length) {
      return false;
    }
    int off = shape.length - suffix.length;
    for (int i = 0; i < suffix.length; i++) {
      if (suffix[i] != shape[off + i]) {
        return false;
      }
    }
    return true;
  }
}
