package org.rnn4j.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.rnn4j.tensor.Tensor;

/**
 * A reference fixture written by a script under tools/fixtures: a safetensors file (8-byte
 * little-endian header length, JSON header, raw little-endian F32 tensors) read from the test
 * classpath. Test code only; the library's own model-file reader validates far more.
 */
public final class Fixture {
  private final String name;
  private final Map<String, Tensor> tensors;
  private final Map<String, String> metadata;

  private Fixture(String name, Map<String, Tensor> tensors, Map<String, String> metadata) {
    this.name = name;
    this.tensors = tensors;
    this.metadata = metadata;
  }

  /** Loads {@code /fixtures/<path>} from the test classpath. */
  public static Fixture load(String path) throws IOException {
    try (InputStream in = Fixture.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IOException("fixture not on the test classpath: /fixtures/" + path);
      }
      ByteBuffer buf = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
      int headerLength = Math.toIntExact(buf.getLong());
      byte[] header = new byte[headerLength];
      buf.get(header);
      int dataStart = 8 + headerLength;
      JsonNode root = new ObjectMapper().readTree(new String(header, StandardCharsets.UTF_8));
      Map<String, Tensor> tensors = new HashMap<>();
      Map<String, String> metadata = new HashMap<>();
      for (Map.Entry<String, JsonNode> e : root.properties()) {
        if (e.getKey().equals("__metadata__")) {
          e.getValue().properties().forEach(m -> metadata.put(m.getKey(), m.getValue().asText()));
          continue;
        }
        tensors.put(e.getKey(), readTensor(path, e.getKey(), e.getValue(), buf, dataStart));
      }
      return new Fixture(path, tensors, metadata);
    }
  }

  private static Tensor readTensor(
      String path, String name, JsonNode info, ByteBuffer buf, int dataStart) throws IOException {
    if (!info.get("dtype").asText().equals("F32")) {
      throw new IOException(path + ": tensor " + name + " is " + info.get("dtype") + ", not F32");
    }
    int[] shape = new int[info.get("shape").size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = info.get("shape").get(i).asInt();
    }
    int begin = info.get("data_offsets").get(0).asInt();
    int end = info.get("data_offsets").get(1).asInt();
    float[] data = new float[(end - begin) / 4];
    buf.position(dataStart + begin);
    buf.asFloatBuffer().get(data);
    return Tensor.of(data, shape);
  }

  /** The tensor stored under {@code key}. */
  public Tensor tensor(String key) {
    Tensor t = tensors.get(key);
    if (t == null) {
      throw new IllegalArgumentException(name + " has no tensor " + key + "; it has "
          + new java.util.TreeSet<>(tensors.keySet()));
    }
    return t;
  }

  public boolean has(String key) {
    return tensors.containsKey(key);
  }

  /** A value of the header's __metadata__. */
  public String meta(String key) {
    String v = metadata.get(key);
    if (v == null) {
      throw new IllegalArgumentException(name + " has no metadata " + key);
    }
    return v;
  }

  /**
   * Asserts {@code actual} equals the fixture's {@code key} elementwise within {@code rtol}
   * relative to max(|expected|, {@code floor}).
   */
  public void assertClose(String key, Tensor actual, double rtol, double floor) {
    assertCloseWithin(key, actual, rtol, floor);
  }

  /**
   * Asserts {@code actual} equals the fixture's {@code key} elementwise within {@code rtol}
   * relative to the largest |expected| of the tensor: for gradients far smaller than 1, where a
   * floor of 1 would hide errors.
   */
  public void assertCloseToScale(String key, Tensor actual, double rtol) {
    double scale = 0;
    for (float v : tensor(key).data()) {
      scale = Math.max(scale, Math.abs(v));
    }
    assertCloseWithin(key, actual, rtol, scale);
  }

  private void assertCloseWithin(String key, Tensor actual, double rtol, double floor) {
    Tensor expected = tensor(key);
    if (!java.util.Arrays.equals(expected.shape(), actual.shape())) {
      throw new AssertionError(name + " " + key + ": shape expected "
          + java.util.Arrays.toString(expected.shape()) + ", got "
          + java.util.Arrays.toString(actual.shape()));
    }
    float[] e = expected.data();
    float[] a = actual.data();
    for (int i = 0; i < e.length; i++) {
      double allowed = rtol * Math.max(Math.abs(e[i]), floor);
      if (!(Math.abs(e[i] - a[i]) <= allowed)) {
        throw new AssertionError(String.format(
            "%s %s at flat index %d: expected %.8g, got %.8g (allowed %.2g)", name, key, i, e[i],
            a[i], allowed));
      }
    }
  }
}
