package org.rnn4j.task.tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.rnn4j.data.Padded;
import org.rnn4j.data.PaddedIds;
import org.rnn4j.io.ModelFile;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.nn.Embedding;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.Recurrent;
import org.rnn4j.nn.recurrent.RecurrentConfig;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

/**
 * A sequence tagger (many-to-many, Tx = Ty): one tag per word.
 *
 * <pre>
 * x⟨t⟩ = [E[w⟨t⟩] ; charFeatures(spelling(w⟨t⟩))]    (E) or (E + 2·Hc), see {@link CharFeatures}
 * a⟨t⟩ = BiRNN(x⟨1…n⟩)⟨t⟩                             L layers, D directions, H units  (B, T, D·H)
 * z⟨t⟩ = W·dropout(a⟨t⟩) + b                         fc: W (K, D·H), b (K)          (B, T, K)
 * ŷ⟨t⟩ = softmax(z⟨t⟩)
 * </pre>
 * The spelling of each word id (its character ids) is fixed when the tagger is built and is
 * stored in its model file. Parameter names follow a PyTorch module with attributes
 * {@code embedding}, {@code char_embedding} and {@code char_rnn} (with character features),
 * {@code rnn} and {@code fc}.
 */
public final class Tagger implements Module {
  private final TaggerConfig config;
  private final Embedding embedding;
  private final Optional<Embedding> charEmbedding;
  private final Optional<Recurrent> charRnn;
  private final int[][] spellings; // (V) char ids of each word; empty without char features
  private final Recurrent rnn;
  private final Linear fc;
  private final Map<String, Tensor> parameters;
  private Optional<RandomGenerator> dropoutRng = Optional.empty(); // present while training

  /**
   * A tagger without character features.
   *
   * @param config the shape and tag names; {@code config.chars()} must be empty
   * @param rng source of the initial weights
   */
  public Tagger(TaggerConfig config, RandomGenerator rng) {
    this(config, new int[0][], rng);
  }

  /**
   * A tagger that reads each word's spelling as well.
   *
   * @param config the shape and tag names
   * @param spellings (V) the character ids, each in [0, Vc), of every word id; empty without
   *     character features
   * @param rng source of the initial weights
   * @throws IllegalArgumentException if the spellings do not match the config
   */
  public Tagger(TaggerConfig config, int[][] spellings, RandomGenerator rng) {
    this.config = config;
    this.spellings = checkSpellings(config, spellings);
    int e = config.embeddingSize();
    this.embedding = new Embedding(config.vocabularySize(), e, rng);
    this.charEmbedding = config.chars()
        .map(c -> new Embedding(c.vocabularySize(), c.embeddingSize(), rng));
    this.charRnn = config.chars().map(c -> new Recurrent(RecurrentConfig.builder(CellKind.GRU,
        c.embeddingSize(), c.hiddenSize()).bidirectional(true).build(), rng));
    int inputSize = e + config.chars().map(CharFeatures::outputSize).orElse(0);
    this.rnn = new Recurrent(RecurrentConfig.builder(config.cell(), inputSize,
        config.hiddenSize()).layers(config.layers()).bidirectional(config.bidirectional())
        .dropout(config.dropout()).build(), rng);
    this.fc = new Linear(config.directions() * config.hiddenSize(), config.tagCount(), rng);
    Map<String, Module> children = new LinkedHashMap<>();
    children.put("embedding", embedding);
    charEmbedding.ifPresent(m -> children.put("char_embedding", m));
    charRnn.ifPresent(m -> children.put("char_rnn", m));
    children.put("rnn", rnn);
    children.put("fc", fc);
    this.parameters = Module.namedParameters(children);
  }

  private static int[][] checkSpellings(TaggerConfig config, int[][] spellings) {
    if (config.chars().isEmpty()) {
      if (spellings.length != 0) {
        throw new IllegalArgumentException("spellings given but the config has no chars");
      }
      return spellings;
    }
    int vc = config.chars().get().vocabularySize();
    if (spellings.length != config.vocabularySize()) {
      throw new IllegalArgumentException("spellings must hold one entry per word id: expected "
          + config.vocabularySize() + ", got " + spellings.length);
    }
    int[][] copy = new int[spellings.length][];
    for (int w = 0; w < spellings.length; w++) {
      for (int c : spellings[w]) {
        if (c < 0 || c >= vc) {
          throw new IllegalArgumentException("spelling of word " + w + " must hold char ids in [0, "
              + vc + "), got " + Arrays.toString(spellings[w]));
        }
      }
      copy[w] = spellings[w].clone();
    }
    return copy;
  }

  /** The shape and tag names this model was built with. */
  public TaggerConfig config() {
    return config;
  }

  @Override
  public Map<String, Tensor> parameters() {
    return parameters;
  }

  /** Training mode: dropout drawn from {@code rng}. */
  public void train(RandomGenerator rng) {
    rnn.train(rng);
    dropoutRng = Optional.of(rng);
  }

  /** Evaluation mode: no dropout. */
  public void eval() {
    rnn.eval();
    dropoutRng = Optional.empty();
  }

  /**
   * Tag scores at every step.
   *
   * @param inputs (B, T) word ids with lengths ({@link PaddedIds})
   * @return logits (B, T, K); rows at padded steps are the output layer's bias
   * @throws IllegalArgumentException if the input is not token ids
   */
  public Tensor forward(Padded inputs) {
    if (!(inputs instanceof PaddedIds ids)) {
      throw new IllegalArgumentException("a tagger reads word ids (PaddedIds), got "
          + inputs.getClass().getSimpleName());
    }
    int b = ids.batch();
    int t = ids.time();
    Tensor x = embedding.forward(ids.ids(), b, t); // (B, T, E)
    if (charRnn.isPresent()) {
      x = Tensor.concat(2, x, charFeatures(ids.ids(), b, t));
    }
    Tensor a = rnn.forward(x, ids.lengths()).output(); // (B, T, D·H)
    if (dropoutRng.isPresent()) {
      a = a.dropout(config.dropout(), dropoutRng.get());
    }
    return fc.forward(a);
  }

  /**
   * The character features of every word in a batch: each distinct word id's spelling is read
   * once, so a word's features never depend on the other words of the batch.
   *
   * @return (B, T, 2·Hc)
   */
  private Tensor charFeatures(int[] wordIds, int b, int t) {
    int[] distinct = Arrays.stream(wordIds).distinct().toArray(); // (U)
    Map<Integer, Integer> row = new LinkedHashMap<>();
    int longest = 1;
    for (int u = 0; u < distinct.length; u++) {
      row.put(distinct[u], u);
      longest = Math.max(longest, spellings[distinct[u]].length);
    }
    int[] chars = new int[distinct.length * longest]; // (U, Tc), padded with char id 0
    int[] lengths = new int[distinct.length]; // (U)
    for (int u = 0; u < distinct.length; u++) {
      int[] s = spellings[distinct[u]];
      System.arraycopy(s, 0, chars, u * longest, s.length);
      lengths[u] = s.length;
    }
    Tensor c = charEmbedding.orElseThrow().forward(chars, distinct.length, longest);
    Tensor h = charRnn.orElseThrow().forward(c, lengths).state().h(); // (2, U, Hc)
    int hc = h.dim(2);
    Tensor perWord = Tensor.concat(1, h.slice(0, 0, 1).reshape(distinct.length, hc),
        h.slice(0, 1, 2).reshape(distinct.length, hc)); // (U, 2·Hc)
    int[] local = new int[wordIds.length]; // (B, T) rows of perWord
    for (int i = 0; i < wordIds.length; i++) {
      local[i] = row.get(wordIds[i]);
    }
    return Tensor.embedding(perWord, local, b, t);
  }

  /**
   * The most likely tag at each real step, in evaluation mode without a graph.
   *
   * @param inputs (B, T) word ids with lengths
   * @return (B) tag ids, each of its sequence's own length
   */
  public int[][] predict(Padded inputs) {
    eval();
    try (NoGrad scope = NoGrad.enter()) {
      return argmax(forward(inputs), inputs.lengths());
    }
  }

  /** The arg-max tag of each real step of logits (B, T, K). */
  static int[][] argmax(Tensor logits, int[] lengths) {
    int t = logits.dim(1);
    int k = logits.dim(2);
    float[] z = logits.data();
    int[][] tags = new int[lengths.length][];
    for (int i = 0; i < lengths.length; i++) {
      tags[i] = new int[lengths[i]];
      for (int s = 0; s < lengths[i]; s++) {
        int off = (i * t + s) * k;
        for (int j = 1; j < k; j++) {
          if (z[off + j] > z[off + tags[i][s]]) {
            tags[i][s] = j;
          }
        }
      }
    }
    return tags;
  }

  /**
   * Writes this model to a model file (atomically); the tag names and the spellings travel in
   * the config.
   *
   * @param file the target
   * @param vocabulary the word vocabulary's JSON, if any
   * @param provenance seed, version, data digest, time
   * @throws IOException if the file cannot be written
   */
  public void save(Path file, Optional<String> vocabulary, ModelFile.Provenance provenance)
      throws IOException {
    ObjectNode json = config.toJson();
    if (config.chars().isPresent()) {
      ArrayNode all = json.putArray("spellings");
      for (int[] s : spellings) {
        ArrayNode one = all.addArray();
        Arrays.stream(s).forEach(one::add);
      }
    }
    ModelFile.write(file, parameters, json, vocabulary, provenance);
  }

  /**
   * Reads a model file written by {@link #save}.
   *
   * @param file the model file
   * @return the model and what was stored with it
   * @throws ModelFormatException if the file is not a valid tagger file
   * @throws IOException if it cannot be read
   */
  public static ModelFile.Loaded<Tagger> load(Path file) throws IOException {
    return ModelFile.load(file, json -> {
      TaggerConfig config = TaggerConfig.fromJson(json, file);
      try {
        return new Tagger(config, spellings(json, config, file), new SplittableRandom(0));
      } catch (IllegalArgumentException e) {
        throw new ModelFormatException(file + ": bad spellings: " + e.getMessage(), e);
      }
    });
  }

  private static int[][] spellings(JsonNode json, TaggerConfig config, Path file)
      throws ModelFormatException {
    if (config.chars().isEmpty()) {
      return new int[0][];
    }
    JsonNode all = json.get("spellings");
    if (all == null || !all.isArray()) {
      throw new ModelFormatException(file + ": a tagger with chars needs config spellings, an "
          + "array of char-id arrays");
    }
    int[][] out = new int[all.size()][];
    for (int w = 0; w < out.length; w++) {
      JsonNode one = all.get(w);
      if (!one.isArray()) {
        throw new ModelFormatException(file + ": spelling " + w + " must be an array, got " + one);
      }
      out[w] = new int[one.size()];
      for (int k = 0; k < out[w].length; k++) {
        if (!one.get(k).canConvertToInt()) {
          throw new ModelFormatException(file + ": spelling " + w + " must hold integers, got "
              + one);
        }
        out[w][k] = one.get(k).asInt();
      }
    }
    return out;
  }
}
