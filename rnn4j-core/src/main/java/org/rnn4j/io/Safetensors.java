package org.rnn4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rnn4j.tensor.Tensor;

/**
 * Reads and writes safetensors files, the container of rnn4j model files, strictly.
 *
 * <p>Byte layout (the standard safetensors layout, as written by the Python {@code safetensors}
 * package):
 *
 * <pre>
 * offset 0      8 bytes   N, the header length: unsigned 64-bit little-endian
 * offset 8      N bytes   header: a UTF-8 JSON object, padded with spaces (0x20); rnn4j pads N
 *                         to a multiple of 8
 *                           {"__metadata__": {"key": "value", ...},          (optional)
 *                            "name": {"dtype": "F32", "shape": [d0, d1, ...],
 *                                     "data_offsets": [begin, end]}, ...}
 * offset 8+N    D bytes   data section: raw little-endian elements, row-major; tensor "name"
 *                         occupies bytes [begin, end) of it, end − begin = d0·d1·…·dtype size
 * file size = 8 + N + D
 * </pre>
 *
 * <p>Validation (any violation is a {@link ModelFormatException} naming the file, what was
 * expected and what was found; checked before anything large is allocated): the file has at
 * least 8 bytes; 2 ≤ N ≤ {@link #MAX_HEADER_LENGTH} and N ≤ file size − 8; the header starts
 * with <code>'{'</code>, is valid UTF-8 and one JSON object with nothing but whitespace after it, no
 * key twice; {@code __metadata__}, if present, is an object of string values; every other key is
 * a non-empty tensor name mapped to an object with exactly {@code dtype} (a {@link Dtype} name),
 * {@code shape} (integers in [0, 2^31−1]) and {@code data_offsets} (two integers, begin ≤ end);
 * end − begin equals the shape's product times the dtype size (without overflow); and, ordered
 * by offset, the tensors tile the data section exactly — starting at 0, with no overlap, no gap
 * and no trailing byte.
 *
 * <p>Writing is atomic: the file is written to a temporary file in the same directory, forced
 * to disk and renamed over the target, so a crash leaves either the old file or the new one.
 */
public final class Safetensors {
  /**
   * The largest header accepted or written, in bytes (100 MB, the limit of the reference
   * implementation). A header is checked against it before any buffer is allocated.
   */
  public static final int MAX_HEADER_LENGTH = 100_000_000;

  private Safetensors() {}

  /**
   * Writes {@code tensors} as F32 in the map's iteration order, contiguously, and {@code
   * metadata} as the header's {@code __metadata__} (omitted when empty), atomically replacing
   * {@code file}.
   *
   * @param file the target; its directory must exist
   * @param tensors tensors by name; names non-empty and not {@code __metadata__}; large tensors
   *     are streamed in chunks
   * @param metadata string pairs for {@code __metadata__}, in iteration order; {@code Map.of()}
   *     for none
   * @throws IllegalArgumentException if a name, tensor or metadata entry is null or invalid, or
   *     the header would exceed {@link #MAX_HEADER_LENGTH}
   * @throws IOException if writing, flushing or renaming fails; the target is then unchanged and
   *     the temporary file deleted
   */
  public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata)
      throws IOException {
    SafetensorsWriter.write(file, tensors, metadata, SafetensorsWriter.Hook.NONE);
  }

  /**
   * Reads and validates a whole file, converting F64, F16 and BF16 tensors to float32.
   *
   * @param file a safetensors file
   * @return the tensors in data-offset order and the metadata
   * @throws ModelFormatException if the file breaks any rule of the class description, holds a
   *     tensor of a type that is not {@linkplain Dtype#isReadable() readable}, or a tensor with
   *     more elements than a Java array holds
   * @throws IOException if the file cannot be opened or read
   */
  public static SafetensorsFile read(Path file) throws IOException {
    String name = file.toString();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      SafetensorsHeader header = readHeader(name, channel);
      for (TensorInfo t : header.tensors().values()) {
        checkReadable(name, t);
      }
      long dataStart = 8 + header.headerLength();
      Map<String, Tensor> tensors = new LinkedHashMap<>();
      for (TensorInfo t : header.tensors().values()) {
        float[] data = TensorData.read(name, channel, dataStart, t);
        tensors.put(t.name(), Tensor.of(data, t.shape()));
      }
      return new SafetensorsFile(tensors, header.metadata());
    }
  }

  /**
   * Reads and validates the header only: names, dtypes, shapes, offsets and metadata, checked
   * against the file size exactly as {@link #read} does. Tensors of any {@link Dtype} are
   * accepted here.
   *
   * @param file a safetensors file
   * @return the validated header
   * @throws ModelFormatException if the file breaks any rule of the class description
   * @throws IOException if the file cannot be opened or read
   */
  public static SafetensorsHeader readHeader(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return readHeader(file.toString(), channel);
    }
  }

  private static SafetensorsHeader readHeader(String name, FileChannel channel)
      throws IOException {
    long size = channel.size();
    if (size < 8) {
      throw new ModelFormatException(name + ": file has " + size
          + " bytes; a safetensors file starts with an 8-byte header length");
    }
    ByteBuffer lengthField = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    TensorData.readFully(name, channel, lengthField, 0);
    long n = lengthField.getLong(0); // unsigned on disk: negative here means ≥ 2^63
    if (n < 0 || n > MAX_HEADER_LENGTH) {
      throw new ModelFormatException(name + ": header length " + Long.toUnsignedString(n)
          + " exceeds the limit of " + MAX_HEADER_LENGTH + " bytes");
    }
    if (n > size - 8) {
      throw new ModelFormatException(name + ": header length " + n + " exceeds the "
          + (size - 8) + " bytes that follow the length field (file size " + size + ")");
    }
    if (n < 2) {
      throw new ModelFormatException(
          name + ": header length " + n + " is too short for a JSON object (at least 2 bytes)");
    }
    ByteBuffer header = ByteBuffer.allocate((int) n);
    TensorData.readFully(name, channel, header, 8);
    return HeaderParser.parse(name, header.array(), size - 8 - n);
  }

  private static void checkReadable(String name, TensorInfo t) throws ModelFormatException {
    if (!t.dtype().isReadable()) {
      throw new ModelFormatException(name + ": tensor " + t.name() + ": dtype " + t.dtype()
          + " is not supported (rnn4j reads " + Dtype.readableNames() + " as float32)");
    }
    if (t.elementCount() > Integer.MAX_VALUE - 8) {
      throw new ModelFormatException(name + ": tensor " + t.name() + " has " + t.elementCount()
          + " elements, more than a Java float[] holds");
    }
    long running = 1;
    for (int d : t.shape()) {
      running *= d; // ≤ (2^31−1)², no overflow: larger prefixes stop the loop
      if (running > Integer.MAX_VALUE) {
        throw new ModelFormatException(name + ": tensor " + t.name() + ": shape "
            + Arrays.toString(t.shape()) + " has a dimension prefix over 2^31−1,"
            + " which an rnn4j Tensor cannot represent");
      }
    }
  }
}
