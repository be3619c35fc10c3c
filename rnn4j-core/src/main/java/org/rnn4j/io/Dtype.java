package org.rnn4j.io;

import java.util.Arrays;
import java.util.Optional;

/**
 * The element types of the safetensors format that have a whole number of bytes, named as in the
 * file header. {@link Safetensors#readHeader} accepts all of them; {@link Safetensors#read}
 * converts the floating-point ones ({@link #isReadable()}) to float32 and rejects the rest; {@link
 * Safetensors#write} writes {@link #F32} only.
 */
public enum Dtype {
  BOOL(1, false),
  U8(1, false),
  I8(1, false),
  F8_E5M2(1, false),
  F8_E4M3(1, false),
  I16(2, false),
  U16(2, false),
  F16(2, true),
  BF16(2, true),
  I32(4, false),
  U32(4, false),
  F32(4, true),
  F64(8, true),
  I64(8, false),
  U64(8, false),
  C64(8, false);

  private final int byteSize;
  private final boolean readable;

  Dtype(int byteSize, boolean readable) {
    this.byteSize = byteSize;
    this.readable = readable;
  }

  /**
   * Bytes per element.
   *
   * @return 1, 2, 4 or 8
   */
  public int byteSize() {
    return byteSize;
  }

  /**
   * Whether {@link Safetensors#read} can load tensors of this type (as float32).
   *
   * @return true for F32, F64, F16 and BF16
   */
  public boolean isReadable() {
    return readable;
  }

  /**
   * The type with this header name (case-sensitive, as the format requires).
   *
   * @param name a dtype string from a header, e.g. {@code "F32"}
   * @return the type, or empty if the name is not a known whole-byte safetensors dtype
   */
  public static Optional<Dtype> fromName(String name) {
    return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
  }

  /** The readable types, for error messages. */
  static String readableNames() {
    return Arrays.toString(Arrays.stream(values()).filter(Dtype::isReadable).toArray());
  }
}
