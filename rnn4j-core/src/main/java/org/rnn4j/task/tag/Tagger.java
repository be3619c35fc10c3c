package org.rnn4j.task.tag;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.rnn4j.data.Collate;
import org.rnn4j.data.Padded;
import org.rnn4j.data.PaddedIds;
import org.rnn4j.io.ModelFile;
import org.rnn4j.kernel.Sizes;
import org.rnn4j.loss.CrossEntropy;
import org.rnn4j.loss.LinearCrossEntropy;
import org.rnn4j.nn.CompositeModule;
import org.rnn4j.nn.Dropout;
import org.rnn4j.nn.Embedding;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.Recurrent;
import org.rnn4j.nn.recurrent.RecurrentConfig;
import org.rnn4j.nn.recurrent.RecurrentOutput;
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
 * The spelling of each word id (its character ids) is part of the config ({@link
 * CharFeatures#spellings()}), so it is fixed when the tagger is built and stored in its model
 * file. Without character features nothing comes between the embedding and the first recurrent
 * layer, so the layer reads the word ids through the embedding ({@link Recurrent#forward(Embedding,
 * int[], int[])}): when V &lt; B·T, or once the model is frozen, its input projection is a gather
 * from E·W_ihᵀ. With them, x⟨t⟩ is a concatenation and the layer reads it as it is.
 * Parameter names follow a PyTorch module with attributes {@code embedding}, {@code
 * char_embedding} and {@code char_rnn} (with character features), {@code rnn} and {@code fc}.
 */
public final class Tagger extends CompositeModule {
  /** The loss's options: padding targets ({@link Collate#IGNORE_INDEX}) do not count. */
  static final CrossEntropy.Options LOSS_OPTIONS =
      new CrossEntropy.Options(Collate.IGNORE_INDEX, 0f);
  private final TaggerConfig config;
  private final Embedding embedding;
  private final Optional<Embedding> charEmbedding;
  private final Optional<Recurrent> charRnn;
  private final int[][] spellings; // (V) char ids of each word; empty without char features
  private final Recurrent rnn;
  private final Dropout dropout;
  private final Linear fc;

  /**
   * @param config the shape, the tag names and, with character features, the spellings
   * @param rng source of the initial weights
   */
  public Tagger(TaggerConfig config, RandomGenerator rng) {
    this.config = config;
    this.spellings = config.chars().map(CharFeatures::spellings).orElse(new int[0][]);
    this.embedding = register("embedding",
        new Embedding(config.vocabularySize(), config.embeddingSize(), rng));
    this.charEmbedding = register("char_embedding", config.chars()
        .map(c -> new Embedding(c.vocabularySize(), c.embeddingSize(), rng)));
    this.charRnn = register("char_rnn", config.chars().map(c -> new Recurrent(
        RecurrentConfig.builder(CellKind.GRU, c.embeddingSize(), c.hiddenSize())
            .bidirectional(true).build(), rng)));
    this.rnn = register("rnn",
        new Recurrent(config.recurrent().config(config.wordFeatures()), rng));
    this.dropout = register("dropout", new Dropout(config.recurrent().dropout()));
    this.fc = register("fc", new Linear(config.recurrent().outputSize(), config.tagCount(), rng));
  }

  /** The shape and tag names this model was built with. */
  public TaggerConfig config() {
    return config;
  }

  /**
   * Tag scores at every step.
   *
   * @param inputs (B, T) word ids with lengths ({@link PaddedIds})
   * @return logits (B, T, K); rows at padded steps are the output layer's bias
   * @throws IllegalArgumentException if the input is not token ids
   */
  public Tensor forward(Padded inputs) {
    return fc.forward(features(inputs));
  }

  /**
   * The mean cross-entropy per real step whose target is not {@link Collate#IGNORE_INDEX}: the
   * output layer and the softmax cross-entropy as one {@link LinearCrossEntropy} node, equal to
   * {@link CrossEntropy} on {@link #forward}'s logits (to float rounding) without holding them.
   *
   * @param inputs (B, T) word ids with lengths ({@link PaddedIds})
   * @param targets (B, T) tag ids, or {@link Collate#IGNORE_INDEX}
   * @return a scalar
   * @throws IllegalArgumentException if the input is not token ids or a target is not a tag id
   */
  public Tensor loss(Padded inputs, int[] targets) {
    return LinearCrossEntropy.loss(fc, features(inputs), targets, inputs.lengths(),
        LOSS_OPTIONS);
  }

  /**
   * What the output layer reads: dropout(a⟨t⟩).
   *
   * @param inputs (B, T) word ids with lengths
   * @return (B, T, D·H)
   */
  private Tensor features(Padded inputs) {
    if (!(inputs instanceof PaddedIds ids)) {
      throw new IllegalArgumentException("a tagger reads word ids (PaddedIds), got "
          + inputs.getClass().getSimpleName());
    }
    Tensor a = recur(ids).output(); // (B, T, D·H)
    return dropout.forward(a);
  }

  /** The recurrent layer over x⟨t⟩: the word ids through the embedding, or [E[w]; chars]. */
  private RecurrentOutput recur(PaddedIds ids) {
    if (charRnn.isEmpty() && ids.batch() > 0) {
      return rnn.forward(embedding, ids.ids(), ids.lengths());
    }
    int b = ids.batch();
    int t = ids.time();
    Tensor x = embedding.forward(ids.ids(), b, t); // (B, T, E)
    if (charRnn.isPresent()) {
      x = Tensor.concat(2, x, charFeatures(ids.ids(), b, t));
    }
    return rnn.forward(x, ids.lengths());
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
    // (U, Tc), padded with char id 0
    int[] chars = new int[Sizes.product(distinct.length, longest)];
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
   * The most likely tag at each real step, without a graph, in the model's current mode (call
   * {@link #eval()} first for evaluation).
   *
   * @param inputs (B, T) word ids with lengths
   * @return (B) tag ids, each of its sequence's own length
   */
  public int[][] predict(Padded inputs) {
    try (NoGrad scope = NoGrad.enter()) {
      return tags(forward(inputs), inputs.lengths());
    }
  }

  /**
   * The arg-max tag of each real step.
   *
   * @param logits (B, T, K)
   * @param lengths (B) real steps of each sequence
   * @return (B) tag ids, each of its sequence's own length
   */
  static int[][] tags(Tensor logits, int[] lengths) {
    int t = logits.dim(1);
    int[] best = logits.argmax(); // (B·T)
    int[][] tags = new int[lengths.length][];
    for (int i = 0; i < lengths.length; i++) {
      tags[i] = Arrays.copyOfRange(best, i * t, i * t + lengths[i]);
    }
    return tags;
  }

  /**
   * Reads a model file written for a tagger (see {@link org.rnn4j.task.TrainedModel#save}).
   *
   * @param file the model file
   * @return the model and what was stored with it
   * @throws org.rnn4j.io.ModelFormatException if the file is not a valid tagger file
   * @throws IOException if it cannot be read
   */
  public static ModelFile.Loaded<Tagger> load(Path file) throws IOException {
    return ModelFile.load(file,
        json -> new Tagger(TaggerConfig.fromJson(json, file), new SplittableRandom(0)));
  }
}
