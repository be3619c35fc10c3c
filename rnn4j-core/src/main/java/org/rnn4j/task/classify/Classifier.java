package org.rnn4j.task.classify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.rnn4j.data.Padded;
import org.rnn4j.data.PaddedFeatures;
import org.rnn4j.data.PaddedIds;
import org.rnn4j.io.ModelFile;
import org.rnn4j.nn.Embedding;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.recurrent.Recurrent;
import org.rnn4j.nn.recurrent.RecurrentConfig;
import org.rnn4j.nn.recurrent.RecurrentOutput;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

/**
 * A sequence classifier (many-to-one): one label for a whole sequence.
 *
 * <pre>
 * x⟨t⟩ = E[id⟨t⟩] (embedding (V, E))  or  the features x⟨t⟩ (F)
 * a⟨t⟩ = RNN(x⟨t⟩, a⟨t−1⟩)              stacked RNN/GRU/LSTM, L layers, D directions, H units
 * s    = pool(a⟨1…n⟩)                   LAST, MEAN or MAX over the n real steps    (B, D·H)
 * z    = W·dropout(s) + b              fc: W (C, D·H), b (C)                       (B, C)
 * ŷ    = softmax(z)
 * </pre>
 * Parameter names follow a PyTorch module with attributes {@code embedding} (token input only),
 * {@code rnn} and {@code fc}: {@code embedding.weight}, {@code rnn.weight_ih_l0}, …,
 * {@code fc.weight}, {@code fc.bias}.
 */
public final class Classifier implements Module {
  private final ClassifierConfig config;
  private final Optional<Embedding> embedding;
  private final Recurrent rnn;
  private final Linear fc;
  private final Map<String, Tensor> parameters;
  private Optional<RandomGenerator> dropoutRng = Optional.empty(); // present while training

  /**
   * @param config the shape and class names
   * @param rng source of the initial weights
   */
  public Classifier(ClassifierConfig config, RandomGenerator rng) {
    this.config = config;
    ClassifierInput input = config.input();
    this.embedding = input.tokens()
        ? Optional.of(new Embedding(input.size(), input.embeddingSize(), rng)) : Optional.empty();
    this.rnn = new Recurrent(RecurrentConfig.builder(config.cell(), input.recurrentInputSize(),
        config.hiddenSize()).layers(config.layers()).bidirectional(config.bidirectional())
        .dropout(config.dropout()).build(), rng);
    this.fc = new Linear(config.directions() * config.hiddenSize(), config.classes(), rng);
    Map<String, Module> children = new LinkedHashMap<>();
    embedding.ifPresent(e -> children.put("embedding", e));
    children.put("rnn", rnn);
    children.put("fc", fc);
    this.parameters = Module.namedParameters(children);
  }

  /** The shape and class names this model was built with. */
  public ClassifierConfig config() {
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
   * Class scores of each sequence.
   *
   * @param inputs (B, T) token ids or (B, T, F) features, with lengths
   * @return logits (B, C)
   * @throws IllegalArgumentException if the input kind or feature size does not match the config
   */
  public Tensor forward(Padded inputs) {
    Tensor pooled = pool(inputs);
    if (dropoutRng.isPresent()) {
      pooled = pooled.dropout(config.dropout(), dropoutRng.get());
    }
    return fc.forward(pooled);
  }

  /**
   * The pooled representation of each sequence, before the output layer.
   *
   * @param inputs (B, T) token ids or (B, T, F) features, with lengths
   * @return (B, D·H)
   */
  public Tensor pool(Padded inputs) {
    int[] lengths = inputs.lengths();
    RecurrentOutput out = rnn.forward(embed(inputs), lengths);
    return switch (config.pooling()) {
      case LAST -> lastStates(out.state().h(), inputs.batch());
      case MEAN -> MaskedPooling.mean(out.output(), lengths);
      case MAX -> MaskedPooling.max(out.output(), lengths);
    };
  }

  /**
   * The most likely class of each sequence, in evaluation mode without a graph.
   *
   * @param inputs the sequences
   * @return (B) class ids
   */
  public int[] predict(Padded inputs) {
    eval();
    try (NoGrad scope = NoGrad.enter()) {
      return argmax(forward(inputs));
    }
  }

  /** The arg-max of each row of (N, C) scores. */
  static int[] argmax(Tensor logits) {
    int c = logits.dim(-1);
    float[] z = logits.data();
    int[] best = new int[z.length / c];
    for (int i = 0; i < best.length; i++) {
      for (int j = 1; j < c; j++) {
        if (z[i * c + j] > z[i * c + best[i]]) {
          best[i] = j;
        }
      }
    }
    return best;
  }

  private Tensor embed(Padded inputs) {
    ClassifierInput input = config.input();
    if (inputs instanceof PaddedIds ids && embedding.isPresent()) {
      return embedding.get().forward(ids.ids(), ids.batch(), ids.time());
    }
    if (inputs instanceof PaddedFeatures features && !input.tokens()) {
      if (features.features() != input.size()) {
        throw new IllegalArgumentException("input feature size must equal the config's: expected "
            + input.size() + ", got " + features.features() + " (input shape "
            + Arrays.toString(features.values().shape()) + ")");
      }
      return features.values();
    }
    throw new IllegalArgumentException("this classifier reads "
        + (input.tokens() ? "token ids (PaddedIds)" : "features (PaddedFeatures)") + ", got "
        + inputs.getClass().getSimpleName());
  }

  /** h_n of the top layer, directions side by side: (L·D, B, H) → (B, D·H). */
  private Tensor lastStates(Tensor h, int batch) {
    int d = config.directions();
    int top = (config.layers() - 1) * d;
    int hidden = config.hiddenSize();
    Tensor forward = h.slice(0, top, top + 1).reshape(batch, hidden);
    if (d == 1) {
      return forward;
    }
    Tensor reverse = h.slice(0, top + 1, top + 2).reshape(batch, hidden);
    return Tensor.concat(1, forward, reverse);
  }

  /**
   * Writes this model to a model file (atomically); the class names travel in the config.
   *
   * @param file the target
   * @param vocabulary the input vocabulary's JSON, for token input
   * @param provenance seed, version, data digest, time
   * @throws IOException if the file cannot be written
   */
  public void save(Path file, Optional<String> vocabulary, ModelFile.Provenance provenance)
      throws IOException {
    ModelFile.write(file, parameters, config.toJson(), vocabulary, provenance);
  }

  /**
   * Reads a model file written by {@link #save}.
   *
   * @param file the model file
   * @return the model and what was stored with it
   * @throws org.rnn4j.io.ModelFormatException if the file is not a valid classifier file
   * @throws IOException if it cannot be read
   */
  public static ModelFile.Loaded<Classifier> load(Path file) throws IOException {
    return ModelFile.load(file,
        config -> new Classifier(ClassifierConfig.fromJson(config, file), new SplittableRandom(0)));
  }
}
