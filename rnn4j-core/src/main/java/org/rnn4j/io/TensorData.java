package org.rnn4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;

/**
 * Moves tensor data between a file channel and {@code float[]}s in bounded chunks, converting
 * F64, F16 and BF16 to float32 on the way in. Nothing here allocates more than one chunk beyond
 * the result array.
 */
final class TensorData {
  static final int CHUNK_BYTES = 1 << 16;

  private TensorData() {}

  /**
   * Reads the elements of {@code info} from the data section starting at file position {@code
   * dataStart}; the caller has checked that the element count fits a {@code float[]}.
   */
  static float[] read(String file, FileChannel channel, long dataStart, TensorInfo info)
      throws IOException {
    int n = (int) info.elementCount();
    int size = info.dtype().byteSize();
    float[] out = new float[n];
    int perChunk = CHUNK_BYTES / size;
    ByteBuffer buf = ByteBuffer.allocate(Math.min(perChunk, n) * size)
        .order(ByteOrder.LITTLE_ENDIAN);
    for (int done = 0; done < n; ) {
      int k = Math.min(perChunk, n - done);
      buf.clear().limit(k * size);
      readFully(file, channel, buf, dataStart + info.begin() + (long) done * size);
      buf.flip();
      decode(info.dtype(), buf, out, done, k);
      done += k;
    }
    return out;
  }

  private static void decode(Dtype dtype, ByteBuffer buf, float[] out, int offset, int count) {
    switch (dtype) {
      case F32 -> buf.asFloatBuffer().get(out, offset, count);
      case F64 -> {
        for (int i = 0; i < count; i++) {
          out[offset + i] = (float) buf.getDouble();
        }
      }
      case F16 -> {
        for (int i = 0; i < count; i++) {
          out[offset + i] = halfToFloat(buf.getShort());
        }
      }
      case BF16 -> {
        for (int i = 0; i < count; i++) {
          out[offset + i] = Float.intBitsToFloat((buf.getShort() & 0xffff) << 16);
        }
      }
      default -> throw new IllegalStateException("not a readable dtype: " + dtype);
    }
  }

  /** IEEE 754 binary16 to binary32, exact (every half value is a float). */
  static float halfToFloat(short half) {
    int bits = half & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exponent = (bits >>> 10) & 0x1f;
    int mantissa = bits & 0x3ff;
    if (exponent == 0x1f) { // infinity or NaN, payload kept
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
    }
    if (exponent == 0) { // zero or subnormal: mantissa · 2^-24
      float magnitude = mantissa * 0x1p-24f;
      return sign == 0 ? magnitude : -magnitude;
    }
    return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
  }

  /** Fills {@code buf} from {@code position}; a short file is a format error. */
  static void readFully(String file, FileChannel channel, ByteBuffer buf, long position)
      throws IOException {
    long at = position;
    while (buf.hasRemaining()) {
      int read = channel.read(buf, at);
      if (read < 0) {
        throw new ModelFormatException(file + ": file ends at byte " + at + " but its header"
            + " says there is more (was it truncated or changed while being read?)");
      }
      at += read;
    }
  }

  /** Writes {@code data} as little-endian float32, one chunk at a time. */
  static void write(FileChannel channel, float[] data) throws IOException {
    int perChunk = CHUNK_BYTES / Float.BYTES;
    ByteBuffer buf = ByteBuffer.allocate(Math.min(perChunk, data.length) * Float.BYTES)
        .order(ByteOrder.LITTLE_ENDIAN);
    FloatBuffer floats = buf.asFloatBuffer();
    for (int done = 0; done < data.length; ) {
      int k = Math.min(perChunk, data.length - done);
      floats.clear();
      floats.put(data, done, k);
      buf.clear().limit(k * Float.BYTES);
      writeFully(channel, buf);
      done += k;
    }
  }

  static void writeFully(FileChannel channel, ByteBuffer buf) throws IOException {
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
  }
}
