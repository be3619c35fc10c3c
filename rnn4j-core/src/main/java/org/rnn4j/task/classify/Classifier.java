package org.rnn4j.task.classify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.rnn4j.data.Padded;
import org.rnn4j.data.PaddedFeatures;
import org.rnn4j.data.PaddedIds;
import org.rnn4j.io.ModelFile;
import org.rnn4j.nn.CompositeModule;
import org.rnn4j.nn.Dropout;
import org.rnn4j.nn.Embedding;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.recurrent.Recurrent;
import org.rnn4j.nn.recurrent.RecurrentOutput;
import org.rnn4j.nn.recurrent.RecurrentState;
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
 * With token input nothing comes between the embedding and the first recurrent layer, so the
 * layer reads the ids through the embedding ({@link Recurrent#forward(Embedding, int[], int[])}):
 * when V &lt; B·T, or once the model is frozen, its input projection is a gather from E·W_ihᵀ.
 * Parameter names follow a PyTorch module with attributes {@code embedding} (token input only),
 * {@code rnn} and {@code fc}: {@code embedding.weight}, {@code rnn.weight_ih_l0}, …,
 * {@code fc.weight}, {@code fc.bias}.
 */
public final class Classifier extends CompositeModule {
  private final ClassifierConfig config;
  private final Optional<Embedding> embedding;
  private final Recurrent rnn;
  private final Dropout dropout;
  private final Linear fc;

  /**
   * @param config the shape and class names
   * @param rng source of the initial weights
   */
  public Classifier(ClassifierConfig config, RandomGenerator rng) {
    this.config = config;
    ClassifierInput input = config.input();
    this.embedding = register("embedding", input.tokens()
        ? Optional.of(new Embedding(input.size(), input.embeddingSize(), rng)) : Optional.empty());
    this.rnn = register("rnn",
        new Recurrent(config.recurrent().config(input.recurrentInputSize()), rng));
    this.dropout = register("dropout", new Dropout(config.recurrent().dropout()));
    this.fc = register("fc", new Linear(config.recurrent().outputSize(), config.classes(), rng));
  }

  /** The shape and class names this model was built with. */
  public ClassifierConfig config() {
    return config;
  }

  /**
   * Class scores of each sequence.
   *
   * @param inputs (B, T) token ids or (B, T, F) features, with lengths
   * @return logits (B, C)
   * @throws IllegalArgumentException if the input kind or feature size does not match the config
   */
  public Tensor forward(Padded inputs) {
    return fc.forward(dropout.forward(pool(inputs)));
  }

  /**
   * The pooled representation of each sequence, before the output layer.
   *
   * @param inputs (B, T) token ids or (B, T, F) features, with lengths
   * @return (B, D·H)
   */
  public Tensor pool(Padded inputs) {
    int[] lengths = inputs.lengths();
    return switch (config.pooling()) {
      case LAST -> lastStates(finalState(inputs).h(), inputs.batch());
      case MEAN -> MaskedPooling.mean(recur(inputs).output(), lengths);
      case MAX -> MaskedPooling.max(recur(inputs).output(), lengths);
    };
  }

  /**
   * The most likely class of each sequence, without a graph, in the model's current mode.
   *
   * @param inputs the sequences
   * @return (B) class ids
   */
  public int[] predict(Padded inputs) {
    try (NoGrad scope = NoGrad.enter()) {
      return forward(inputs).argmax();
    }
  }

  /** The recurrent layer over the inputs: token ids through the embedding, or the features. */
  private RecurrentOutput recur(Padded inputs) {
    if (inputs instanceof PaddedIds ids && embedding.isPresent() && ids.batch() > 0) {
      return rnn.forward(embedding.get(), ids.ids(), ids.lengths());
    }
    return rnn.forward(embed(inputs), inputs.lengths());
  }

  /** The recurrent layer's final states only ({@link Recurrent#finalState}), as {@link #recur}. */
  private RecurrentState finalState(Padded inputs) {
    if (inputs instanceof PaddedIds ids && embedding.isPresent() && ids.batch() > 0) {
      return rnn.finalState(embedding.get(), ids.ids(), ids.lengths());
    }
    return rnn.finalState(embed(inputs), inputs.lengths());
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
    int d = config.recurrent().directions();
    int top = (config.recurrent().layers() - 1) * d;
    int hidden = config.recurrent().hiddenSize();
    Tensor forward = h.slice(0, top, top + 1).reshape(batch, hidden);
    if (d == 1) {
      return forward;
    }
    Tensor reverse = h.slice(0, top + 1, top + 2).reshape(batch, hidden);
    return Tensor.concat(1, forward, reverse);
  }

  /**
   * Reads a model file written for a classifier (see {@link org.rnn4j.task.TrainedModel#save}).
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
