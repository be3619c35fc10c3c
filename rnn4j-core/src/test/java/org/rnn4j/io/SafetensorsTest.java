package org.rnn4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.tensor.Tensor;

class SafetensorsTest {
  @TempDir Path dir;

  static Map<String, Tensor> sampleTensors() {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("rnn.weight_ih_l0", Tensor.normal(new SplittableRandom(1), 0f, 1f, 8, 3));
    tensors.put("embedding.weight", Tensor.normal(new SplittableRandom(2), 0f, 1f, 5, 2));
    tensors.put("scalar", Tensor.scalar(-1.5f));
    tensors.put("empty", Tensor.zeros(0, 3));
    tensors.put("a.bias", Tensor.of(new float[] {Float.NaN, Float.NEGATIVE_INFINITY, -0f,
        Float.MIN_VALUE, Float.MAX_VALUE}, 5));
    return tensors;
  }

  static Map<String, String> sampleMetadata() {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("format", "rnn4j-model");
    metadata.put("config", "{\"hidden\": 8, \"quote\": \"\\\"\"}");
    metadata.put("ünïcode ✓", "line\nbreak\ttab 😀");
    return metadata;
  }

  private static void assertSameTensors(Map<String, Tensor> expected, Map<String, Tensor> actual) {
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()));
    for (String name : expected.keySet()) {
      assertArrayEquals(expected.get(name).shape(), actual.get(name).shape(), name);
      float[] e = expected.get(name).data();
      float[] a = actual.get(name).data();
      assertEquals(e.length, a.length, name);
      for (int i = 0; i < e.length; i++) {
        assertEquals(Float.floatToRawIntBits(e[i]), Float.floatToRawIntBits(a[i]), name + " " + i);
      }
    }
  }

  @Test
  void writeThenReadGivesBitIdenticalTensorsMetadataAndOrder() throws IOException {
    Path file = dir.resolve("model.safetensors");
    Safetensors.write(file, sampleTensors(), sampleMetadata());
    SafetensorsFile read = Safetensors.read(file);
    assertSameTensors(sampleTensors(), read.tensors());
    assertEquals(sampleMetadata(), read.metadata());
    assertEquals(List.copyOf(sampleMetadata().keySet()), List.copyOf(read.metadata().keySet()));
  }

  @Test
  void writtenFileHasTheStandardLayout() throws IOException {
    Path file = dir.resolve("model.safetensors");
    Safetensors.write(file, sampleTensors(), sampleMetadata());
    byte[] bytes = Files.readAllBytes(file);
    int n = RawFiles.headerLength(bytes);
    assertEquals(0, n % 8, "header padded to a multiple of 8");
    String header = new String(RawFiles.header(bytes), StandardCharsets.UTF_8);
    assertTrue(header.startsWith("{\"__metadata__\":{\"format\":\"rnn4j-model\""), header);
    JsonNode root = new ObjectMapper().readTree(header);
    JsonNode w = root.get("rnn.weight_ih_l0");
    assertEquals("F32", w.get("dtype").asText());
    assertEquals("[8,3]", w.get("shape").toString());
    assertEquals("[0,96]", w.get("data_offsets").toString());
    assertEquals("[96,136]", root.get("embedding.weight").get("data_offsets").toString());
    assertEquals("[]", root.get("scalar").get("shape").toString());
    assertEquals("[140,140]", root.get("empty").get("data_offsets").toString());
    assertEquals(8 + n + 160, bytes.length);
    assertEquals(Float.floatToIntBits(-1.5f), (bytes[8 + n + 136] & 0xff)
        | (bytes[8 + n + 137] & 0xff) << 8 | (bytes[8 + n + 138] & 0xff) << 16
        | (bytes[8 + n + 139] & 0xff) << 24, "little-endian float32");
  }

  @Test
  void emptyMetadataIsOmittedAndReadsBackEmpty() throws IOException {
    Path file = dir.resolve("m.safetensors");
    Safetensors.write(file, Map.of("x", Tensor.ones(2)), Map.of());
    String header = new String(RawFiles.header(Files.readAllBytes(file)), StandardCharsets.UTF_8);
    assertTrue(!header.contains("__metadata__"), header);
    assertEquals(Map.of(), Safetensors.read(file).metadata());
  }

  @Test
  void longNamesAndValuesRoundTrip() throws IOException {
    Path file = dir.resolve("long.safetensors");
    String name = "n".repeat(200_000);
    String value = "v".repeat(1_000_000);
    Safetensors.write(file, Map.of(name, Tensor.ones(1)), Map.of(name, value));
    SafetensorsFile read = Safetensors.read(file);
    assertEquals(Map.of(name, value), read.metadata());
    assertEquals(1f, read.tensors().get(name).item());
  }

  @Test
  void fileWithoutTensorsRoundTrips() throws IOException {
    Path file = dir.resolve("m.safetensors");
    Safetensors.write(file, Map.of(), Map.of("k", "v"));
    SafetensorsFile read = Safetensors.read(file);
    assertEquals(Map.of(), read.tensors());
    assertEquals(Map.of("k", "v"), read.metadata());
  }

  @Test
  void largeTensorIsStreamedAcrossChunks() throws IOException {
    int n = TensorData.CHUNK_BYTES / 4 * 3 + 17; // several chunks and a partial one
    Map<String, Tensor> tensors = Map.of("big", Tensor.normal(new SplittableRandom(3), 0, 1, n));
    Path file = dir.resolve("big.safetensors");
    Safetensors.write(file, tensors, Map.of());
    assertSameTensors(tensors, Safetensors.read(file).tensors());
  }

  @Test
  void readHeaderDescribesTensorsWithoutData() throws IOException {
    Path file = dir.resolve("model.safetensors");
    Safetensors.write(file, sampleTensors(), sampleMetadata());
    SafetensorsHeader header = Safetensors.readHeader(file);
    assertEquals(List.copyOf(sampleTensors().keySet()), List.copyOf(header.tensors().keySet()));
    TensorInfo w = header.tensor("embedding.weight").orElseThrow();
    assertEquals(new TensorInfo("embedding.weight", Dtype.F32, new int[] {5, 2}, 96, 136), w);
    assertEquals(10, w.elementCount());
    assertEquals(160, header.dataLength());
    assertEquals(sampleMetadata(), header.metadata());
    assertTrue(header.tensor("missing").isEmpty());
  }

  @Test
  void tensorsAreReturnedInDataOffsetOrderNotHeaderOrder() throws IOException {
    String header = "{\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]},"
        + "\"a\":{\"data_offsets\":[0,4],\"shape\":[],\"dtype\":\"F32\"}}";
    Path file = dir.resolve("o.safetensors");
    Files.write(file, RawFiles.file(header, 8));
    assertEquals(List.of("a", "b"), List.copyOf(Safetensors.read(file).tensors().keySet()));
  }

  @Test
  void overwritesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
    Path file = dir.resolve("model.safetensors");
    Safetensors.write(file, Map.of("x", Tensor.ones(3)), Map.of("v", "1"));
    Safetensors.write(file, Map.of("y", Tensor.zeros(2)), Map.of("v", "2"));
    SafetensorsFile read = Safetensors.read(file);
    assertEquals(List.of("y"), List.copyOf(read.tensors().keySet()));
    assertEquals("2", read.metadata().get("v"));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void failedWriteLeavesTheOldFileIntactAndDeletesTheTemporaryFile() throws IOException {
    Path file = dir.resolve("model.safetensors");
    Safetensors.write(file, sampleTensors(), sampleMetadata());
    byte[] before = Files.readAllBytes(file);
    IOException injected = new IOException("disk full (injected)");
    SafetensorsWriter.Hook failAfterFirst = name -> {
      throw injected;
    };
    IOException thrown = assertThrows(IOException.class, () -> SafetensorsWriter.write(
        file, Map.of("new", Tensor.ones(1000)), Map.of(), failAfterFirst));
    assertEquals(injected, thrown);
    assertArrayEquals(before, Files.readAllBytes(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void failedRenameDeletesTheTemporaryFile() throws IOException {
    Path target = Files.createDirectory(dir.resolve("occupied"));
    Files.writeString(target.resolve("child"), "keeps the directory non-empty");
    assertThrows(IOException.class,
        () -> Safetensors.write(target, Map.of("x", Tensor.ones(1)), Map.of()));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(target), files.toList());
    }
  }

  @Test
  void invalidNamesAndNullsAreRejectedBeforeAnythingIsWritten() {
    Path file = dir.resolve("m.safetensors");
    Tensor t = Tensor.ones(1);
    assertThrows(IllegalArgumentException.class, () -> Safetensors.write(file, Map.of("", t),
        Map.of()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Safetensors.write(file, Map.of("__metadata__", t), Map.of()));
    assertTrue(e.getMessage().contains("__metadata__"), e.getMessage());
    Map<String, Tensor> nullTensor = new LinkedHashMap<>();
    nullTensor.put("x", null);
    assertThrows(IllegalArgumentException.class, () -> Safetensors.write(file, nullTensor,
        Map.of()));
    assertThrows(IllegalArgumentException.class,
        () -> Safetensors.write(file, Map.of("bad\uD800", t), Map.of()));
    Map<String, String> nullValue = new LinkedHashMap<>();
    nullValue.put("k", null);
    assertThrows(IllegalArgumentException.class, () -> Safetensors.write(file, Map.of(),
        nullValue));
    assertThrows(NullPointerException.class, () -> Safetensors.write(file, Map.of(), null));
    assertTrue(Files.notExists(file));
  }

  @Test
  void readsF64F16AndBf16AsFloat32() throws IOException {
    String header = "{\"d\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]},"
        + "\"h\":{\"dtype\":\"F16\",\"shape\":[6],\"data_offsets\":[16,28]},"
        + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[28,32]}}";
    byte[] data = new byte[32];
    System.arraycopy(RawFiles.littleEndian(8, Double.doubleToLongBits(0.1),
        Double.doubleToLongBits(-1e300)), 0, data, 0, 16);
    // 1.0, -2.0, 65504 (max), 2^-24 (smallest subnormal), -0.0, +inf
    System.arraycopy(RawFiles.littleEndian(2, 0x3c00, 0xc000, 0x7bff, 0x0001, 0x8000, 0x7c00), 0,
        data, 16, 12);
    System.arraycopy(RawFiles.littleEndian(2, 0x3f80, 0xc049), 0, data, 28, 4); // 1.0, -3.140625
    Path file = dir.resolve("dtypes.safetensors");
    Files.write(file, RawFiles.file(header.getBytes(StandardCharsets.UTF_8), data));
    Map<String, Tensor> t = Safetensors.read(file).tensors();
    assertArrayEquals(new float[] {0.1f, Float.NEGATIVE_INFINITY}, t.get("d").data());
    assertArrayEquals(
        new float[] {1f, -2f, 65504f, 0x1p-24f, -0f, Float.POSITIVE_INFINITY}, t.get("h").data());
    assertArrayEquals(new float[] {1f, -3.140625f}, t.get("b").data());
  }

  @Test
  void halfToFloatIsExactForEveryHalfValue() {
    for (int bits = 0; bits < 0x10000; bits++) {
      float f = TensorData.halfToFloat((short) bits);
      int exponent = (bits >>> 10) & 0x1f;
      int mantissa = bits & 0x3ff;
      double expected = exponent == 0 ? mantissa * 0x1p-24
          : exponent == 31 ? (mantissa == 0 ? Double.POSITIVE_INFINITY : Double.NaN)
          : (1 + mantissa / 1024.0) * Math.pow(2, exponent - 15);
      expected = (bits & 0x8000) != 0 ? -expected : expected;
      assertEquals(expected, (double) f, 0.0, "half bits " + Integer.toHexString(bits));
      assertEquals((bits & 0x8000) != 0, (Float.floatToRawIntBits(f) & 0x80000000) != 0);
    }
  }

  @Test
  void unsupportedDtypeIsReportedByReadButDescribedByReadHeader() throws IOException {
    String header = "{\"steps\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[0,8]}}";
    Path file = dir.resolve("i64.safetensors");
    Files.write(file, RawFiles.file(header, 8));
    assertEquals(Dtype.I64, Safetensors.readHeader(file).tensor("steps").orElseThrow().dtype());
    ModelFormatException e = assertThrows(ModelFormatException.class,
        () -> Safetensors.read(file));
    assertEquals(file + ": tensor steps: dtype I64 is not supported (rnn4j reads [F16, BF16,"
        + " F32, F64] as float32)", e.getMessage());
  }

  @Test
  void readsTheFixtureWrittenByPython() throws IOException {
    Path file = dir.resolve("from_python.safetensors");
    try (InputStream in = getClass().getResourceAsStream("/fixtures/io/from_python.safetensors")) {
      Files.copy(in, file);
    }
    SafetensorsFile read = Safetensors.read(file);
    // The values are documented in tools/safetensors_io.py (write_fixture).
    assertEquals(List.of("embedding.weight", "rnn.weight_ih_l0", "half", "bf16", "scalar",
        "empty"), List.copyOf(read.tensors().keySet()));
    float[] embedding = new float[12];
    for (int i = 0; i < 12; i++) {
      embedding[i] = (i - 5) / 4f;
    }
    assertArrayEquals(new int[] {3, 4}, read.tensors().get("embedding.weight").shape());
    assertArrayEquals(embedding, read.tensors().get("embedding.weight").data());
    assertArrayEquals(new int[] {2, 3}, read.tensors().get("rnn.weight_ih_l0").shape());
    assertArrayEquals(new float[] {-0.25f, -0.15f, -0.05f, 0.05f, 0.15f, 0.25f},
        read.tensors().get("rnn.weight_ih_l0").data());
    assertArrayEquals(new float[] {1f, -2.5f, 65504f, 0x1p-24f, -0f},
        read.tensors().get("half").data());
    assertArrayEquals(new float[] {1f, -3.140625f, 256f, 0.0078125f},
        read.tensors().get("bf16").data());
    assertArrayEquals(new int[] {2, 2}, read.tensors().get("bf16").shape());
    assertEquals(3.5f, read.tensors().get("scalar").item());
    assertArrayEquals(new int[] {}, read.tensors().get("scalar").shape());
    assertArrayEquals(new int[] {0, 3}, read.tensors().get("empty").shape());
    assertEquals(Map.of("format", "rnn4j-test", "greeting", "héllo ✓"), read.metadata());
  }

  @Test
  void readsEveryRecurrentFixtureWrittenByPython() throws IOException {
    for (String name : List.of("rnn_tanh", "gru", "lstm", "lstm_packed_2layers_bidirectional")) {
      Path file = dir.resolve(name + ".safetensors");
      try (InputStream in = getClass().getResourceAsStream(
          "/fixtures/recurrent/" + name + ".safetensors")) {
        Files.copy(in, file);
      }
      SafetensorsFile read = Safetensors.read(file);
      assertTrue(read.tensors().containsKey("weight_ih_l0"), name);
      assertTrue(read.metadata().containsKey("mode"), name);
    }
  }

  /**
   * Writes target/io/from_java.safetensors for the by-hand Python check: {@code /usr/bin/python3
   * tools/safetensors_io.py check-java rnn4j-core/target/io/from_java.safetensors}.
   */
  @Test
  void writesTheFileForThePythonCheck() throws IOException {
    Path file = Files.createDirectories(Path.of("target", "io")).resolve("from_java.safetensors");
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    float[] ramp = new float[24];
    for (int i = 0; i < ramp.length; i++) {
      ramp[i] = i * 0.5f - 3f;
    }
    tensors.put("rnn.weight_hh_l0", Tensor.of(ramp, 2, 3, 4));
    tensors.put("scalar", Tensor.scalar(-7.25f));
    tensors.put("empty", Tensor.zeros(4, 0));
    tensors.put("fc.bias", Tensor.of(new float[] {Float.MAX_VALUE, -0f, 1e-45f}, 3));
    Safetensors.write(file, tensors, Map.of("format", "rnn4j-model", "note", "écrit par Java ✓"));
    assertSameTensors(tensors, Safetensors.read(file).tensors());
  }
}
