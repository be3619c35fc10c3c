package org.rnn4j.task.lm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.rnn4j.io.ModelFile;
import org.rnn4j.loss.CrossEntropy;
import org.rnn4j.nn.Embedding;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.recurrent.Recurrent;
import org.rnn4j.nn.recurrent.RecurrentConfig;
import org.rnn4j.nn.recurrent.RecurrentOutput;
import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.tensor.Tensor;

/**
 * A language model that predicts each next token from the ones before it (one-to-many when
 * sampling, many-to-many while training):
 *
 * <pre>
 * e⟨t⟩ = E[x⟨t⟩]                      embedding (V, E)
 * a⟨t⟩ = RNN(e⟨t⟩, a⟨t−1⟩)             stacked RNN/GRU/LSTM (L layers, H units)
 * ŷ⟨t⟩ = softmax(W·a⟨t⟩ + b)           fc: W (V, H), b (V); ŷ⟨t⟩ predicts x⟨t+1⟩
 * </pre>
 * Parameter names follow a PyTorch module with attributes {@code embedding}, {@code rnn} and
 * {@code fc}: {@code embedding.weight}, {@code rnn.weight_ih_l0}, …, {@code fc.weight}.
 */
public final class LanguageModel implements Module {
  private final LanguageModelConfig config;
  private final Embedding embedding;
  private final Recurrent rnn;
  private final Linear fc;
  private final Map<String, Tensor> parameters;

  /**
   * @param config the shape
   * @param rng source of the initial weights
   */
  public LanguageModel(LanguageModelConfig config, RandomGenerator rng) {
    this.config = config;
    this.embedding = new Embedding(config.vocabularySize(), config.embeddingSize(), rng);
    this.rnn = new Recurrent(RecurrentConfig.builder(config.cell(), config.embeddingSize(),
        config.hiddenSize()).layers(config.layers()).dropout(config.dropout()).build(), rng);
    this.fc = new Linear(config.hiddenSize(), config.vocabularySize(), rng);
    Map<String, Module> children = new LinkedHashMap<>();
    children.put("embedding", embedding);
    children.put("rnn", rnn);
    children.put("fc", fc);
    this.parameters = Module.namedParameters(children);
  }

  public LanguageModelConfig config() {
    return config;
  }

  @Override
  public Map<String, Tensor> parameters() {
    return parameters;
  }

  /** Training mode: dropout between recurrent layers, drawn from {@code rng}. */
  public void train(RandomGenerator rng) {
    rnn.train(rng);
  }

  /** Evaluation mode: no dropout. */
  public void eval() {
    rnn.eval();
  }

  /** Record ‖∂L/∂a⟨t⟩‖ at every step of the recurrent layers (see {@link Recurrent}). */
  public void recordStateGradientNorms(boolean record) {
    rnn.recordStateGradientNorms(record);
  }

  /** The norms recorded in the last backward pass, (L, T), when recording is on. */
  public java.util.Optional<double[][]> stateGradientNorms() {
    return rnn.stateGradientNorms();
  }

  /** The zero state for a batch of {@code batch} sequences. */
  public RecurrentState zeroState(int batch) {
    return rnn.zeroState(batch);
  }

  /** Logits and the state after the last real step of each sequence. */
  public record Output(Tensor logits, RecurrentState state) {}

  /**
   * @param ids (B, T) token ids, padded after each sequence's end
   * @param lengths (B) real lengths
   * @param state the state before the first step
   * @return logits (B, T, V) and the final state
   */
  public Output forward(int[] ids, int[] lengths, RecurrentState state) {
    int b = lengths.length;
    if (b == 0 || ids.length % b != 0) {
      throw new IllegalArgumentException("ids must hold B·T ids for B = " + b + " sequences, got "
          + ids.length);
    }
    int t = ids.length / b;
    RecurrentOutput out = rnn.forward(embedding.forward(ids, b, t), lengths, state);
    return new Output(fc.forward(out.output()), out.state());
  }

  /**
   * Mean cross-entropy of predicting {@code targets} (usually the ids shifted by one).
   *
   * @param ids (B, T) inputs
   * @param targets (B, T) the token that should follow each input
   * @param lengths (B) real lengths
   * @param state the state before the first step
   * @return the scalar loss (nats per token) and the final state
   */
  public Output loss(int[] ids, int[] targets, int[] lengths, RecurrentState state) {
    Output out = forward(ids, lengths, state);
    return new Output(
        CrossEntropy.loss(out.logits(), targets, lengths, CrossEntropy.Options.DEFAULT),
        out.state());
  }

  /**
   * Writes this model to a model file (atomically).
   *
   * @param file the target
   * @param vocabulary the vocabulary's JSON, if the model has one
   * @param provenance seed, version, data digest, time
   */
  public void save(Path file, Optional<String> vocabulary, ModelFile.Provenance provenance)
      throws IOException {
    ModelFile.write(file, parameters, config.toJson(), vocabulary, provenance);
  }

  /** A model read from a file, with what was stored beside it. */
  public record Loaded(LanguageModel model, Optional<String> vocabulary,
      Optional<ModelFile.Provenance> provenance) {}

  /**
   * Reads a model file written by {@link #save}.
   *
   * @throws org.rnn4j.io.ModelFormatException if the file is not a valid language-model file
   */
  public static Loaded load(Path file) throws IOException {
    ModelFile.Contents contents = ModelFile.read(file);
    LanguageModel model = new LanguageModel(
        LanguageModelConfig.fromJson(contents.config(), file), new SplittableRandom(0));
    ModelFile.copyInto(model.parameters(), contents.tensors(), file);
    return new Loaded(model, contents.vocabulary(), contents.provenance());
  }
}
