package org.rnn4j.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * One tensor entry of a safetensors header, validated: its name, element type, shape and byte
 * range within the data section (which starts right after the header).
 *
 * @param name the tensor name, e.g. {@code rnn.weight_ih_l0}
 * @param dtype the element type
 * @param shape the dimensions, each non-negative; {@code []} for a scalar (a copy is returned)
 * @param begin first byte of the data, relative to the start of the data section
 * @param end one past the last byte; {@code end - begin == elementCount() * dtype.byteSize()}
 */
public record TensorInfo(String name, Dtype dtype, int[] shape, long begin, long end) {

  /** Copies {@code shape} so the record stays immutable. */
  public TensorInfo {
    shape = shape.clone();
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  /**
   * The number of elements: the product of the shape (1 for a scalar).
   *
   * @return the element count; fits a long because the header was validated against the file
   */
  public long elementCount() {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorInfo t
        && name.equals(t.name)
        && dtype == t.dtype
        && Arrays.equals(shape, t.shape)
        && begin == t.begin
        && end == t.end;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, dtype, Arrays.hashCode(shape), begin, end);
  }

  @Override
  public String toString() {
    return name + ": " + dtype + " " + Arrays.toString(shape) + " [" + begin + ", " + end + ")";
  }
}
