package org.rnn4j.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.tensor.Tensor;

/**
 * Damaged files, seeded: the reader must either read them (if still valid) or throw {@link
 * ModelFormatException}; any other exception, an {@link OutOfMemoryError} or a hang fails.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SafetensorsFuzzTest {
  static final int BIT_FLIP_CASES = 5_000;
  static final int HEADER_EDIT_CASES = 3_000;
  static final int GARBAGE_CASES = 1_000;
  private static final String JSON_ALPHABET = "{}[]\":,. -+eE0123456789FIU_dtypshaeofs\\n\0é";

  @TempDir Path dir;
  private Path file;
  private byte[] valid;

  @BeforeEach
  void writeValidFile() throws IOException {
    file = dir.resolve("fuzz.safetensors");
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("rnn.weight_ih_l0", Tensor.normal(new SplittableRandom(7), 0, 1, 4, 3));
    tensors.put("rnn.bias_ih_l0", Tensor.normal(new SplittableRandom(8), 0, 1, 4));
    tensors.put("scalar", Tensor.scalar(2f));
    tensors.put("empty", Tensor.zeros(0));
    tensors.put("fc.weight", Tensor.normal(new SplittableRandom(9), 0, 1, 2, 4));
    Safetensors.write(file, tensors, Map.of("format", "rnn4j-model", "config", "{\"h\": 4}"));
    valid = Files.readAllBytes(file);
  }

  /** Reads {@code bytes}; returns whether they were valid, failing on any other outcome. */
  private boolean readsOrRejects(byte[] bytes, String description) throws IOException {
    Files.write(file, bytes);
    try {
      Safetensors.read(file);
      return true;
    } catch (ModelFormatException e) {
      return false;
    } catch (RuntimeException | Error e) {
      throw new AssertionError(description + ": " + e, e);
    }
  }

  @Test
  void everyTruncationIsRejected() throws IOException {
    for (int length = 0; length < valid.length; length++) {
      Files.write(file, Arrays.copyOf(valid, length));
      assertThrows(ModelFormatException.class, () -> Safetensors.read(file), "length " + length);
      assertThrows(ModelFormatException.class, () -> Safetensors.readHeader(file));
    }
  }

  @Test
  void everyAppendedTailIsRejected() throws IOException {
    for (int extra = 1; extra <= 64; extra++) {
      Files.write(file, Arrays.copyOf(valid, valid.length + extra));
      assertThrows(ModelFormatException.class, () -> Safetensors.read(file), "extra " + extra);
    }
  }

  @Test
  void randomBitFlipsAreReadOrRejected() throws IOException {
    SplittableRandom random = new SplittableRandom(20240611);
    int headerEnd = 8 + RawFiles.headerLength(valid);
    int rejected = 0;
    for (int i = 0; i < BIT_FLIP_CASES; i++) {
      byte[] bytes = valid.clone();
      int flips = 1 + random.nextInt(4);
      boolean dataOnly = true;
      for (int f = 0; f < flips; f++) {
        // three flips in four hit the length field or header, where the checks are
        int at = random.nextInt(4) == 0 ? random.nextInt(bytes.length) : random.nextInt(headerEnd);
        bytes[at] ^= (byte) (1 << random.nextInt(8));
        dataOnly &= at >= headerEnd;
      }
      boolean read = readsOrRejects(bytes, "bit flip case " + i);
      if (dataOnly && !read) {
        fail("case " + i + ": flips in F32 data only must keep the file valid");
      }
      rejected += read ? 0 : 1;
    }
    assertTrue(rejected > BIT_FLIP_CASES / 2, "most header damage is caught: " + rejected);
  }

  @Test
  void randomHeaderEditsAreReadOrRejected() throws IOException {
    SplittableRandom random = new SplittableRandom(77);
    String header = new String(RawFiles.header(valid), StandardCharsets.UTF_8).strip();
    byte[] data = RawFiles.data(valid);
    for (int i = 0; i < HEADER_EDIT_CASES; i++) {
      StringBuilder edited = new StringBuilder(header);
      for (int e = 1 + random.nextInt(3); e > 0; e--) {
        int at = random.nextInt(edited.length());
        char c = JSON_ALPHABET.charAt(random.nextInt(JSON_ALPHABET.length()));
        switch (random.nextInt(4)) {
          case 0 -> edited.deleteCharAt(at);
          case 1 -> edited.insert(at, c);
          case 2 -> edited.setCharAt(at, c);
          default -> edited.insert(at, edited.substring(at, Math.min(edited.length(), at + 40)));
        }
      }
      byte[] h = edited.toString().getBytes(StandardCharsets.UTF_8);
      int dataLength = random.nextInt(8) == 0 ? random.nextInt(data.length + 8) : data.length;
      readsOrRejects(RawFiles.file(h, Arrays.copyOf(data, dataLength)), "header edit " + i);
    }
  }

  @Test
  void randomGarbageIsReadOrRejected() throws IOException {
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < GARBAGE_CASES; i++) {
      byte[] body = new byte[random.nextInt(300)];
      random.nextBytes(body);
      if (body.length > 0 && random.nextBoolean()) {
        body[0] = '{';
      }
      long length = switch (random.nextInt(3)) {
        case 0 -> random.nextLong();
        case 1 -> random.nextInt(body.length + 1);
        default -> random.nextInt(Math.max(1, body.length / 2) + 1);
      };
      readsOrRejects(RawFiles.file(length, body, new byte[0]), "garbage " + i);
    }
  }

  @Test
  void hugeClaimsInTinyFilesAreRejectedWithoutAllocating() throws IOException {
    String[] shapes = {"[2147483647,2147483647]", "[2147483647]", "[65536,65536,65536,65536]",
        "[1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,2147483647]"};
    for (String shape : shapes) {
      for (String offsets : new String[] {"[0,4]", "[0,8589934588]", "[0,9223372036854775807]"}) {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":" + shape + ",\"data_offsets\":"
            + offsets + "}}";
        Files.write(file, RawFiles.file(header, 4));
        assertThrows(ModelFormatException.class, () -> Safetensors.read(file), header);
      }
    }
  }
}
