package org.rnn4j.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rnn4j.tensor.Tensor;

/**
 * Writes a safetensors file atomically: header and data go to a temporary file in the target's
 * directory, which is flushed to disk and then renamed over the target. Readers of the target see
 * the old file or the new one, never a mixture; on failure the temporary file is deleted.
 */
final class SafetensorsWriter {
  /** Called after each tensor's data is written; tests use it to inject a failure. */
  interface Hook {
    Hook NONE = name -> {};

    void afterTensor(String name) throws IOException;
  }

  private static final JsonFactory FACTORY = new JsonFactory();

  private SafetensorsWriter() {}

  static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata,
      Hook hook) throws IOException {
    Objects.requireNonNull(file, "file");
    List<Map.Entry<String, Tensor>> entries = checkedEntries(tensors);
    byte[] header = header(entries, checkedMetadata(metadata));
    AtomicFiles.write(file, tmp -> {
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        TensorData.writeFully(channel, length.putLong(0, header.length));
        TensorData.writeFully(channel, ByteBuffer.wrap(header));
        for (Map.Entry<String, Tensor> e : entries) {
          TensorData.write(channel, e.getValue().data());
          hook.afterTensor(e.getKey());
        }
      }
    });
  }

  private static List<Map.Entry<String, Tensor>> checkedEntries(Map<String, Tensor> tensors) {
    Objects.requireNonNull(tensors, "tensors");
    List<Map.Entry<String, Tensor>> entries = new ArrayList<>();
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      String name = e.getKey();
      if (name == null || name.isEmpty() || name.equals(HeaderParser.METADATA_KEY)) {
        throw new IllegalArgumentException("tensor names must be non-empty and not "
            + HeaderParser.METADATA_KEY + ", got " + (name == null ? "null" : "\"" + name + "\""));
      }
      checkUnicode("tensor name", name);
      if (e.getValue() == null) {
        throw new IllegalArgumentException("tensor " + name + " is null");
      }
      entries.add(Map.entry(name, e.getValue()));
    }
    return entries;
  }

  private static Map<String, String> checkedMetadata(Map<String, String> metadata) {
    Objects.requireNonNull(metadata, "metadata (use Map.of() for none)");
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new IllegalArgumentException(
            "metadata keys and values must be non-null, got " + e.getKey() + " = " + e.getValue());
      }
      checkUnicode("metadata key", e.getKey());
      checkUnicode("metadata value of " + e.getKey(), e.getValue());
    }
    return metadata;
  }

  /** JSON text must be valid UTF-8, which a Java string with a lone surrogate cannot become. */
  private static void checkUnicode(String what, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1));
      if (paired) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(what + " has an unpaired surrogate at index " + i
            + ", which UTF-8 cannot encode");
      }
    }
  }

  /** The JSON header, padded with spaces to a multiple of 8 bytes. */
  static byte[] header(List<Map.Entry<String, Tensor>> entries, Map<String, String> metadata) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      if (!metadata.isEmpty()) {
        g.writeObjectFieldStart(HeaderParser.METADATA_KEY);
        for (Map.Entry<String, String> m : metadata.entrySet()) {
          g.writeStringField(m.getKey(), m.getValue());
        }
        g.writeEndObject();
      }
      long offset = 0;
      for (Map.Entry<String, Tensor> e : entries) {
        long bytes = (long) Float.BYTES * e.getValue().size();
        g.writeObjectFieldStart(e.getKey());
        g.writeStringField("dtype", Dtype.F32.name());
        g.writeArrayFieldStart("shape");
        for (int d : e.getValue().shape()) {
          g.writeNumber(d);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("data_offsets");
        g.writeNumber(offset);
        g.writeNumber(offset + bytes);
        g.writeEndArray();
        g.writeEndObject();
        offset += bytes;
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory cannot fail", e);
    }
    while (out.size() % 8 != 0) {
      out.write(' ');
    }
    if (out.size() > Safetensors.MAX_HEADER_LENGTH) {
      throw new IllegalArgumentException("the header would be " + out.size()
          + " bytes, over the limit of " + Safetensors.MAX_HEADER_LENGTH + " that readers accept");
    }
    return out.toByteArray();
  }
}
