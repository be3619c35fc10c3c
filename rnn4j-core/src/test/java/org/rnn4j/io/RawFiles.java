package org.rnn4j.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Builds safetensors bytes by hand, valid or not, for tests of the reader. */
final class RawFiles {
  private RawFiles() {}

  /** The length field, {@code header} as UTF-8 (unpadded) and {@code dataLength} bytes of data. */
  static byte[] file(String header, int dataLength) {
    return file(header.getBytes(StandardCharsets.UTF_8), new byte[dataLength]);
  }

  /** A correct length field followed by {@code header} and {@code data}. */
  static byte[] file(byte[] header, byte[] data) {
    return file(header.length, header, data);
  }

  /** Any length field followed by {@code header} and {@code data}. */
  static byte[] file(long lengthField, byte[] header, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(8 + header.length + data.length)
        .order(ByteOrder.LITTLE_ENDIAN);
    return b.putLong(lengthField).put(header).put(data).array();
  }

  /** The header length N stored in the first 8 bytes. */
  static int headerLength(byte[] file) {
    return (int) ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
  }

  /** The header bytes of a well-formed file. */
  static byte[] header(byte[] file) {
    return Arrays.copyOfRange(file, 8, 8 + headerLength(file));
  }

  /** The data section of a well-formed file. */
  static byte[] data(byte[] file) {
    return Arrays.copyOfRange(file, 8 + headerLength(file), file.length);
  }

  /** Little-endian bytes of the given element values, each {@code size} bytes wide. */
  static byte[] littleEndian(int size, long... bits) {
    ByteBuffer b = ByteBuffer.allocate(size * bits.length).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : bits) {
      switch (size) {
        case 2 -> b.putShort((short) v);
        case 4 -> b.putInt((int) v);
        case 8 -> b.putLong(v);
        default -> throw new IllegalArgumentException("size " + size);
      }
    }
    return b.array();
  }
}
