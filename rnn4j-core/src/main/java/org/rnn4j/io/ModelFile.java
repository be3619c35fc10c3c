package org.rnn4j.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import org.rnn4j.nn.Module;
import org.rnn4j.tensor.AllocationLimit;
import org.rnn4j.tensor.Tensor;

/**
 * rnn4j model files: a safetensors container whose tensors are a model's parameters under their
 * PyTorch state-dict names and whose metadata says what the model is (docs/model-format.md):
 *
 * <pre>
 * format = rnn4j-model    format_version = 1    config = {JSON}    vocabulary = {JSON}, optional
 * provenance = {"seed": …, "rnn4j_version": …, "training_data_sha256": …, "created": …}
 * </pre>
 * The model classes turn {@code config} into a model and call {@link #copyInto} to fill it.
 */
public final class ModelFile {
  public static final String FORMAT = "rnn4j-model";
  public static final String VERSION = "1";
  /** Values a model may create beyond its file's tensors while it is built (none so far). */
  private static final long BUILD_SLACK = 1024;
  /** The metadata key of {@link #checksum}. */
  public static final String CHECKSUM = "tensors_sha256";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelFile() {}

  /** The version of rnn4j that is running, for provenance ("unknown" outside a build). */
  public static String rnn4jVersion() {
    try (InputStream in = ModelFile.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      String v = p.getProperty("version", "unknown");
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Where a model came from.
   *
   * @param seed the training seed
   * @param rnn4jVersion the rnn4j version that trained it
   * @param trainingDataSha256 hex SHA-256 of the training data ("" when not known)
   * @param created ISO-8601 UTC time of writing
   */
  public record Provenance(long seed, String rnn4jVersion, String trainingDataSha256,
      String created) {

    /** Provenance of a model written now by this rnn4j version. */
    public static Provenance now(long seed, String trainingDataSha256) {
      return new Provenance(seed, ModelFile.rnn4jVersion(), trainingDataSha256,
          java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    }

    /**
     * Provenance of a model trained now on a data file, with the file's SHA-256 (a folder's:
     * see {@link #sha256}).
     *
     * @param seed the training seed
     * @param trainingData the file or folder it was trained on
     * @return the provenance
     * @throws IOException if the file cannot be read
     */
    public static Provenance of(long seed, Path trainingData) throws IOException {
      return now(seed, sha256(trainingData));
    }

    String toJson() {
      return JSON.createObjectNode().put("seed", seed).put("rnn4j_version", rnn4jVersion)
          .put("training_data_sha256", trainingDataSha256).put("created", created).toString();
    }
  }

  /**
   * What a model file holds.
   *
   * @param tensors parameters by name, in file order
   * @param config the model configuration
   * @param vocabulary the vocabulary's JSON, when the model has one
   * @param provenance where the model came from, when recorded
   */
  public record Contents(Map<String, Tensor> tensors, JsonNode config, Optional<String> vocabulary,
      Optional<Provenance> provenance) {}

  /**
   * A model read from a file, with what was stored beside it.
   *
   * @param model the model, its parameters filled from the file
   * @param vocabulary the vocabulary's JSON, when stored
   * @param provenance where the model came from, when recorded
   * @param <M> the model type
   */
  public record Loaded<M>(M model, Optional<String> vocabulary, Optional<Provenance> provenance) {

    /**
     * The text codec stored with the model.
     *
     * @param file the model file, for messages
     * @return the codec
     * @throws ModelFormatException if the file holds none, or one that cannot be read
     */
    public org.rnn4j.text.TextCodec textCodec(Path file) throws ModelFormatException {
      String json = vocabulary.orElseThrow(() -> new ModelFormatException(
          file + ": the model file holds no vocabulary, so text cannot be encoded for it"));
      try {
        return org.rnn4j.text.TextCodec.fromJson(json);
      } catch (IllegalArgumentException e) {
        throw new ModelFormatException(file + ": " + e.getMessage(), e);
      }
    }
  }

  /** Builds a model, with fresh parameters, from a file's {@code config}. */
  @FunctionalInterface
  public interface Builder<M extends Module> {
    /**
     * @throws ModelFormatException naming the file and what in the config is wrong
     */
    M build(JsonNode config) throws ModelFormatException;
  }

  /**
   * Reads a model file: checks it ({@link #read}), builds the model from its config and fills the
   * model's parameters from its tensors ({@link #copyInto}).
   *
   * @param file the model file
   * @param builder turns the config into a model of the expected kind
   * @param <M> the model type
   * @return the model and what was stored with it
   * @throws ModelFormatException if the file, its config or its tensors do not fit
   */
  public static <M extends Module> Loaded<M> load(Path file, Builder<M> builder)
      throws IOException {
    Contents contents = read(file);
    long values = contents.tensors().values().stream().mapToLong(Tensor::size).sum();
    M model;
    try (AllocationLimit limit = AllocationLimit.enter(values + BUILD_SLACK,
        String.format(Locale.ROOT, "the %,d values its tensors hold", values))) {
      model = builder.build(contents.config());
    } catch (AllocationLimit.LimitExceeded e) {
      throw new ModelFormatException(file + ": its config describes a larger model than its"
          + " tensors: " + e.getMessage() + "; config " + contents.config(), e);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file + ": its config does not describe a model that can be"
          + " built: " + e.getMessage() + "; config " + contents.config(), e);
    }
    copyInto(model.parameters(), contents.tensors(), file);
    return new Loaded<>(model, contents.vocabulary(), contents.provenance());
  }

  /**
   * Writes a model file atomically.
   *
   * @param file the target; replaced only once the new file is complete
   * @param parameters the model's parameters by PyTorch name
   * @param config the model configuration as a JSON object
   * @param vocabulary the vocabulary's JSON, if any
   * @param provenance where the model came from
   */
  public static void write(Path file, Map<String, Tensor> parameters, JsonNode config,
      Optional<String> vocabulary, Provenance provenance) throws IOException {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", FORMAT);
    meta.put("format_version", VERSION);
    meta.put("config", config.toString());
    vocabulary.ifPresent(v -> meta.put("vocabulary", v));
    meta.put("provenance", provenance.toJson());
    meta.put(CHECKSUM, checksum(parameters));
    Safetensors.write(file, parameters, meta);
  }

  /**
   * Reads and checks a model file.
   *
   * @throws ModelFormatException if it is not a readable rnn4j model file of a known version
   */
  public static Contents read(Path file) throws IOException {
    SafetensorsFile f = Safetensors.read(file);
    Map<String, String> meta = f.metadata();
    if (!FORMAT.equals(meta.get("format"))) {
      throw new ModelFormatException(file + ": not an rnn4j model file: metadata format is "
          + (meta.containsKey("format") ? "'" + meta.get("format") + "'" : "missing")
          + ", expected '" + FORMAT + "'");
    }
    if (!VERSION.equals(meta.get("format_version"))) {
      throw new ModelFormatException(file + ": unsupported model format version '"
          + meta.get("format_version") + "', this rnn4j reads version " + VERSION);
    }
    requireIntact(file, f.tensors(), Optional.ofNullable(meta.get(CHECKSUM)));
    JsonNode config = json(file, "config", meta.get("config"));
    if (!config.isObject()) {
      throw new ModelFormatException(file + ": metadata config must be a JSON object");
    }
    Optional<Provenance> provenance = Optional.empty();
    if (meta.containsKey("provenance")) {
      JsonNode p = json(file, "provenance", meta.get("provenance"));
      provenance = Optional.of(new Provenance(p.path("seed").asLong(),
          p.path("rnn4j_version").asText(""), p.path("training_data_sha256").asText(""),
          p.path("created").asText("")));
    }
    return new Contents(f.tensors(), config, Optional.ofNullable(meta.get("vocabulary")),
        provenance);
  }

  /**
   * SHA-256 over every tensor, in name order: its name, its shape and its values as IEEE 754
   * bits, so that any change to the data section (a flipped bit) changes it.
   *
   * @param tensors the parameters by name
   * @return the digest in lower-case hex
   */
  public static String checksum(Map<String, Tensor> tensors) {
    MessageDigest digest = sha256();
    ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (String name : new TreeSet<>(tensors.keySet())) {
      Tensor t = tensors.get(name);
      digest.update(name.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      for (int d : t.shape()) {
        buffer.putInt(d);
      }
      for (float v : t.data()) {
        if (buffer.remaining() < Float.BYTES) {
          digest.update(buffer.flip());
          buffer.clear();
        }
        buffer.putInt(Float.floatToRawIntBits(v));
      }
      digest.update(buffer.flip());
      buffer.clear();
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * The checks a model file's numbers must pass: every value finite, and the data equal to the
   * checksum written with it, when there is one (files written before rnn4j wrote checksums have
   * none and still load).
   */
  private static void requireIntact(Path file, Map<String, Tensor> tensors,
      Optional<String> expected) throws ModelFormatException {
    if (expected.isPresent() && !expected.get().equals(checksum(tensors))) {
      throw new ModelFormatException(file + ": the tensor data does not match the checksum"
          + " written with it (" + CHECKSUM + "): the file is damaged");
    }
    for (Map.Entry<String, Tensor> t : tensors.entrySet()) {
      float[] v = t.getValue().data();
      for (int i = 0; i < v.length; i++) {
        if (!Float.isFinite(v[i])) {
          throw new ModelFormatException(file + ": tensor " + t.getKey() + " holds " + v[i]
              + " at flat index " + i + "; a model's weights must be finite numbers");
        }
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static JsonNode json(Path file, String key, String text) throws ModelFormatException {
    if (text == null) {
      throw new ModelFormatException(file + ": metadata " + key + " is missing");
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ModelFormatException(
          file + ": metadata " + key + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Copies saved tensors into a model's parameters; the names and shapes must match exactly.
   *
   * @param parameters the model's parameters (modified)
   * @param saved the tensors read from {@code file}
   * @param file for messages
   * @throws ModelFormatException naming missing, unexpected or mis-shaped tensors
   */
  public static void copyInto(Map<String, Tensor> parameters, Map<String, Tensor> saved, Path file)
      throws ModelFormatException {
    TreeSet<String> missing = new TreeSet<>(parameters.keySet());
    missing.removeAll(saved.keySet());
    TreeSet<String> unexpected = new TreeSet<>(saved.keySet());
    unexpected.removeAll(parameters.keySet());
    StringBuilder problems = new StringBuilder();
    if (!missing.isEmpty()) {
      problems.append("; missing ").append(missing);
    }
    if (!unexpected.isEmpty()) {
      problems.append("; unexpected ").append(unexpected);
    }
    for (Map.Entry<String, Tensor> p : parameters.entrySet()) {
      Tensor s = saved.get(p.getKey());
      if (s != null && !Arrays.equals(s.shape(), p.getValue().shape())) {
        problems.append("; ").append(p.getKey()).append(" has shape ")
            .append(Arrays.toString(s.shape())).append(", the model expects ")
            .append(Arrays.toString(p.getValue().shape()));
      }
    }
    if (problems.length() > 0) {
      throw new ModelFormatException(file + ": tensors do not match the model" + problems);
    }
    parameters.forEach((name, p) ->
        System.arraycopy(saved.get(name).data(), 0, p.data(), 0, p.size()));
  }

  /**
   * @param file any file, or a folder: then the digest runs over each regular file below it, in
   *     order of relative path, its path (UTF-8, then a 0 byte) followed by its bytes
   * @return its SHA-256 in lower-case hex
   * @throws IOException if it cannot be read
   */
  public static String sha256(Path file) throws IOException {
    MessageDigest digest = sha256();
    if (java.nio.file.Files.isDirectory(file)) {
      java.util.List<Path> files;
      try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(file)) {
        files = walk.filter(java.nio.file.Files::isRegularFile).sorted().toList();
      }
      for (Path f : files) {
        digest.update(file.relativize(f).toString().getBytes(
            java.nio.charset.StandardCharsets.UTF_8));
        digest.update((byte) 0);
        update(digest, f);
      }
    } else {
      update(digest, file);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, Path file) throws IOException {
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        digest.update(buf, 0, n);
      }
    }
  }
}
