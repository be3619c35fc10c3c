package org.rnn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule of the reader, broken once, with the message it must give. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SafetensorsValidationTest {
  @TempDir Path dir;

  private static String entry(String name, String dtype, String shape, String offsets) {
    return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape
        + ",\"data_offsets\":" + offsets + "}";
  }

  /** (description, header JSON, data length, expected message fragment). */
  static Stream<Arguments> badHeaders() {
    String w = entry("w", "F32", "[2]", "[0,8]");
    return Stream.of(
        Arguments.of("not an object", "[1,2]", 0, "header must begin with '{'"),
        Arguments.of("not JSON", "{nope}", 0, "header is not valid JSON"),
        Arguments.of("unterminated", "{\"w\":{", 0, "header is not valid JSON"),
        Arguments.of("trailing garbage", "{" + w + "} x", 8, "header is not valid JSON"),
        Arguments.of("second object", "{" + w + "}{}", 8, "after the header's JSON object"),
        Arguments.of("duplicate tensor", "{" + w + "," + w + "}", 8, "has the key \"w\" twice"),
        Arguments.of("metadata not object", "{\"__metadata__\":[]," + w + "}", 8,
            "__metadata__: expected an object of string values, found an array"),
        Arguments.of("metadata null", "{\"__metadata__\":null}", 0, "found null"),
        Arguments.of("metadata number", "{\"__metadata__\":{\"v\":1}}", 0,
            "__metadata__ key \"v\": expected a string value, found 1"),
        Arguments.of("metadata nested", "{\"__metadata__\":{\"v\":{}}}", 0, "found an object"),
        Arguments.of("metadata twice", "{\"__metadata__\":{},\"__metadata__\":{}}", 0,
            "has the key \"__metadata__\" twice"),
        Arguments.of("metadata key twice", "{\"__metadata__\":{\"a\":\"1\",\"a\":\"2\"}}", 0,
            "__metadata__ has the key \"a\" twice"),
        Arguments.of("entry not object", "{\"w\":[0,8]}", 8,
            "tensor w: expected an object with dtype, shape and data_offsets, found an array"),
        Arguments.of("empty name", "{" + entry("", "F32", "[2]", "[0,8]") + "}", 8,
            "a tensor has an empty name"),
        Arguments.of("missing dtype", "{\"w\":{\"shape\":[2],\"data_offsets\":[0,8]}}", 8,
            "tensor w: expected a dtype"),
        Arguments.of("missing offsets", "{\"w\":{\"dtype\":\"F32\",\"shape\":[2]}}", 8,
            "tensor w: expected data_offsets"),
        Arguments.of("extra key", "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8],"
            + "\"x\":1}}", 8, "tensor w: unexpected key \"x\""),
        Arguments.of("key twice", "{\"w\":{\"dtype\":\"F32\",\"dtype\":\"F32\",\"shape\":[2],"
            + "\"data_offsets\":[0,8]}}", 8, "tensor w: key dtype appears twice"),
        Arguments.of("unknown dtype", "{" + entry("w", "F31", "[2]", "[0,8]") + "}", 8,
            "tensor w: unknown dtype \"F31\""),
        Arguments.of("lower-case dtype", "{" + entry("w", "f32", "[2]", "[0,8]") + "}", 8,
            "unknown dtype \"f32\""),
        Arguments.of("dtype number", "{\"w\":{\"dtype\":4,\"shape\":[2],\"data_offsets\":[0,8]}}",
            8, "tensor w: dtype: expected a string, found 4"),
        Arguments.of("negative dim", "{" + entry("w", "F32", "[-2]", "[0,8]") + "}", 8,
            "tensor w: shape: expected an array of integers in [0, 2147483647], found -2"),
        Arguments.of("fractional dim", "{" + entry("w", "F32", "[2.0]", "[0,8]") + "}", 8,
            "found 2.0"),
        Arguments.of("exponent dim", "{" + entry("w", "F32", "[2e0]", "[0,8]") + "}", 8,
            "found 2e0"),
        Arguments.of("string dim", "{" + entry("w", "F32", "[\"2\"]", "[0,8]") + "}", 8,
            "found the string \"2\""),
        Arguments.of("dim over int", "{" + entry("w", "F32", "[2147483648]", "[0,8]") + "}", 8,
            "found 2147483648"),
        Arguments.of("shape not array", "{" + entry("w", "F32", "2", "[0,8]") + "}", 8,
            "tensor w: shape: expected an array"),
        Arguments.of("huge dims overflow", "{" + entry("w", "F32",
            "[2147483647,2147483647,2147483647]", "[0,8]") + "}", 8,
            "do not match shape [2147483647, 2147483647, 2147483647] of F32 (expected more than"
                + " 2^63-1 bytes)"),
        Arguments.of("huge tensor, tiny file", "{" + entry("w", "F32", "[1000000000]",
            "[0,4000000000]") + "}", 8, "data_offsets [0, 4000000000] reach past the data section"
            + " of 8 bytes"),
        Arguments.of("size mismatch", "{" + entry("rnn.weight_ih_l0", "F32", "[64,32]",
            "[0,4096]") + "}", 4096, "tensor rnn.weight_ih_l0: data_offsets [0, 4096] do not match"
            + " shape [64, 32] of F32 (expected 8192 bytes)"),
        Arguments.of("F64 size", "{" + entry("w", "F64", "[2]", "[0,8]") + "}", 8,
            "of F64 (expected 16 bytes)"),
        Arguments.of("one offset", "{" + entry("w", "F32", "[2]", "[8]") + "}", 8,
            "data_offsets must be [begin, end], found 1 numbers"),
        Arguments.of("three offsets", "{" + entry("w", "F32", "[2]", "[0,8,8]") + "}", 8,
            "found 3 numbers"),
        Arguments.of("negative offset", "{" + entry("w", "F32", "[2]", "[-8,0]") + "}", 8,
            "data_offsets: expected an array of integers"),
        Arguments.of("offset over long", "{" + entry("w", "F32", "[2]",
            "[0,99999999999999999999]") + "}", 8, "found 99999999999999999999"),
        Arguments.of("begin after end", "{" + entry("w", "F32", "[0]", "[8,0]") + "}", 8,
            "data_offsets [8, 0] begin after they end"),
        Arguments.of("past the end", "{" + entry("w", "F32", "[2]", "[4,12]") + "}", 8,
            "reach past the data section of 8 bytes"),
        Arguments.of("overlap", "{" + w + "," + entry("v", "F32", "[1]", "[4,8]") + "}", 8,
            "tensor v: data_offsets [4, 8] overlap tensor w at [0, 8]"),
        Arguments.of("empty tensor inside another", "{" + w + "," + entry("e", "F32", "[0]",
            "[4,4]") + "}", 8, "tensor e: data_offsets [4, 4] overlap tensor w"),
        Arguments.of("gap at start", "{" + entry("w", "F32", "[1]", "[4,8]") + "}", 8,
            "bytes [0, 4) of the data section belong to no tensor (before tensor w)"),
        Arguments.of("gap between", "{" + entry("a", "F32", "[1]", "[0,4]") + ","
            + entry("b", "F32", "[1]", "[8,12]") + "}", 12, "bytes [4, 8) of the data section"),
        Arguments.of("trailing data", "{" + w + "}", 12,
            "the data section has 12 bytes but the tensors cover 8"),
        Arguments.of("data without tensors", "{}", 4, "has 4 bytes but the tensors cover 0"),
        Arguments.of("deeply nested array", "{\"w\":" + "[".repeat(100_000), 0,
            "expected an object with dtype"),
        Arguments.of("deeply nested metadata", "{\"__metadata__\":" + "{\"a\":".repeat(100_000),
            0, "expected a string value, found an object"),
        Arguments.of("deep nesting in unknown key", "{\"w\":{\"x\":" + "[".repeat(100_000), 0,
            "unexpected key \"x\""),
        Arguments.of("deep nesting as JSON", "{" + "\"a\":{".repeat(20) + "}".repeat(21), 0,
            "tensor a"),
        Arguments.of("NaN literal", "{" + entry("w", "F32", "[NaN]", "[0,8]") + "}", 8,
            "header is not valid JSON"),
        Arguments.of("leading zero", "{" + entry("w", "F32", "[02]", "[0,8]") + "}", 8,
            "header is not valid JSON"),
        Arguments.of("very long number", "{" + entry("w", "F32", "[" + "9".repeat(5000) + "]",
            "[0,8]") + "}", 8, "header is not valid JSON"),
        Arguments.of("comment", "{/* c */" + w + "}", 8, "header is not valid JSON"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badHeaders")
  void badHeaderIsRejectedWithAPreciseMessage(
      String description, String header, int dataLength, String expected) throws IOException {
    Path file = dir.resolve("model.safetensors");
    Files.write(file, RawFiles.file(header, dataLength));
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> Safetensors.read(file));
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), description + ": " + e.getMessage());
    ModelFormatException h = assertThrows(ModelFormatException.class,
        () -> Safetensors.readHeader(file));
    assertEquals(e.getMessage(), h.getMessage());
  }

  /** (description, length field, file size, expected message fragment). */
  static Stream<Arguments> badLengths() {
    return Stream.of(
        Arguments.of("zero", 0L, 64, "header length 0 is too short"),
        Arguments.of("one", 1L, 64, "header length 1 is too short"),
        Arguments.of("past the file", 57L, 64, "header length 57 exceeds the 56 bytes that follow"),
        Arguments.of("over the cap", Safetensors.MAX_HEADER_LENGTH + 1L, 64,
            "header length 100000001 exceeds the limit of 100000000 bytes"),
        Arguments.of("int overflow", 1L << 32, 64, "header length 4294967296 exceeds the limit"),
        Arguments.of("2^63 (negative as signed)", Long.MIN_VALUE, 64,
            "header length 9223372036854775808 exceeds the limit"),
        Arguments.of("2^64-1 (-1 as signed)", -1L, 64,
            "header length 18446744073709551615 exceeds the limit"),
        Arguments.of("2^63-1", Long.MAX_VALUE, 64, "header length 9223372036854775807 exceeds"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badLengths")
  void badHeaderLengthIsRejectedBeforeAllocating(
      String description, long lengthField, int fileSize, String expected) throws IOException {
    Path file = dir.resolve("model.safetensors");
    byte[] rest = new byte[fileSize - 8];
    rest[0] = '{';
    rest[1] = '}';
    Files.write(file, RawFiles.file(lengthField, rest, new byte[0]));
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> Safetensors.read(file));
    assertTrue(e.getMessage().contains(expected), description + ": " + e.getMessage());
  }

  @Test
  void fileShorterThanTheLengthFieldIsRejected() throws IOException {
    for (int size = 0; size < 8; size++) {
      Path file = dir.resolve("short" + size);
      Files.write(file, new byte[size]);
      ModelFormatException e = assertThrows(ModelFormatException.class,
          () -> Safetensors.read(file));
      assertEquals(file + ": file has " + size + " bytes; a safetensors file starts with an"
          + " 8-byte header length", e.getMessage());
    }
  }

  @Test
  void invalidUtf8InTheHeaderIsRejected() throws IOException {
    byte[][] headers = {
        {'{', '"', (byte) 0xff, '"', ':', '1', '}'},
        {'{', '"', (byte) 0xc0, (byte) 0x80, '"', '}'}, // overlong NUL
        {'{', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'}, // encoded surrogate
        {'{', '}', ' ', (byte) 0xe2, (byte) 0x82}, // truncated sequence in the padding
    };
    for (byte[] header : headers) {
      Path file = dir.resolve("utf8.safetensors");
      Files.write(file, RawFiles.file(header, new byte[0]));
      ModelFormatException e = assertThrows(ModelFormatException.class,
          () -> Safetensors.read(file));
      assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }
  }

  @Test
  void whitespacePaddingAndEmptyTensorsAtTheEndAreValid() throws IOException {
    String header = "{" + entry("w", "F32", "[2]", "[0,8]") + "," + entry("e", "F32", "[3,0]",
        "[8,8]") + "," + entry("z", "BF16", "[0]", "[8,8]") + "}   \n\t ";
    Path file = dir.resolve("ok.safetensors");
    Files.write(file, RawFiles.file(header.getBytes(StandardCharsets.UTF_8), new byte[8]));
    SafetensorsFile read = Safetensors.read(file);
    assertEquals(3, read.tensors().size());
    assertEquals(0, read.tensors().get("e").size());
  }

  @Test
  void zeroSizedShapeWithAnOverlongPrefixIsRejectedByReadOnly() throws IOException {
    String header = "{" + entry("w", "F32", "[2147483647,2,0]", "[0,0]") + "}";
    Path file = dir.resolve("prefix.safetensors");
    Files.write(file, RawFiles.file(header, 0));
    assertEquals(0, Safetensors.readHeader(file).tensor("w").orElseThrow().elementCount());
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> Safetensors.read(file));
    assertTrue(e.getMessage().contains("dimension prefix over 2^31−1"), e.getMessage());
  }

  @Test
  void missingFileIsAnIoErrorNotAFormatError() {
    IOException e = assertThrows(IOException.class,
        () -> Safetensors.read(dir.resolve("missing.safetensors")));
    assertTrue(!(e instanceof ModelFormatException), e.toString());
  }
}
