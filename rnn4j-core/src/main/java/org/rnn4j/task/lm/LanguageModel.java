package org.rnn4j.task.lm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.rnn4j.decode.BeamSearch;
import org.rnn4j.decode.BeamSearchConfig;
import org.rnn4j.decode.GenerationConfig;
import org.rnn4j.decode.Generator;
import org.rnn4j.decode.Hypothesis;
import org.rnn4j.decode.NextTokenModel;
import org.rnn4j.decode.Score;
import org.rnn4j.decode.Scorer;
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
import org.rnn4j.text.TextCodec;

/**
 * A language model that predicts each next token from the ones before it (one-to-many when
 * sampling, many-to-many while training):
 *
 * <pre>
 * e⟨t⟩ = E[x⟨t⟩]                      embedding (V, E)
 * a⟨t⟩ = RNN(e⟨t⟩, a⟨t−1⟩)             stacked RNN/GRU/LSTM (L layers, H units)
 * ŷ⟨t⟩ = softmax(W·a⟨t⟩ + b)           fc: W (V, H), b (V); ŷ⟨t⟩ predicts x⟨t+1⟩
 * </pre>
 * Generation, beam search and scoring delegate to {@link Generator}, {@link BeamSearch} and {@link
 * Scorer}; they put the model in evaluation mode and build no gradient graph.
 *
 * <p>Parameter names follow a PyTorch module with attributes {@code embedding}, {@code rnn} and
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
   * This model as decoding sees it: {@link #forward} from {@link #zeroState}, and {@link
   * RecurrentState#select} to pick rows of a state. It does not change the model's mode; call
   * {@link #eval()} before decoding.
   *
   * @return a view backed by this model
   */
  public NextTokenModel<RecurrentState> asNextTokenModel() {
    return new NextTokenModel<>() {
      @Override
      public RecurrentState initialState(int batch) {
        return zeroState(batch);
      }

      @Override
      public Step<RecurrentState> forward(int[] ids, int[] lengths, RecurrentState state) {
        Output out = LanguageModel.this.forward(ids, lengths, state);
        return new Step<>(out.logits(), out.state());
      }

      @Override
      public RecurrentState select(RecurrentState state, int[] rows) {
        return state.select(rows);
      }
    };
  }

  /**
   * Generates one sequence in evaluation mode (see {@link Generator}).
   *
   * @param prime (P) ids to start from, P ≥ 1
   * @param config the sampler, the length limit and the stop token
   * @param rng the source of the draws
   * @return the generated ids, without the prime and the stop token
   * @throws IllegalArgumentException if the prime is empty
   */
  public int[] generate(int[] prime, GenerationConfig config, RandomGenerator rng) {
    eval();
    return new Generator<>(asNextTokenModel(), config).generate(prime, rng);
  }

  /**
   * Generates one sequence per prime in one batch, in evaluation mode; row b draws only from
   * {@code rngs.get(b)}, so it matches generating that row alone with the same generator.
   *
   * @param primes (B) primes of lengths ≥ 1
   * @param config the sampler, the length limit and the stop token
   * @param rngs (B) one generator per row
   * @return (B) the generated ids of each row, without its prime and stop token
   * @throws IllegalArgumentException if a prime is empty or the counts differ
   */
  public int[][] generate(int[][] primes, GenerationConfig config, List<RandomGenerator> rngs) {
    eval();
    return new Generator<>(asNextTokenModel(), config).generate(primes, rngs);
  }

  /**
   * Continues a text, in evaluation mode.
   *
   * @param codec the tokenizer and vocabulary the model was trained with
   * @param startId the token fed before the prime: {@code <eos>} for a model trained on a
   *     {@link org.rnn4j.data.LanguageModelStream}, {@code <bos>} for one trained on sequences
   *     that start with it
   * @param prime the text to continue, possibly empty
   * @param config the sampler, the length limit and the stop token (usually {@code <eos>})
   * @param rng the source of the draws
   * @return the generated continuation, without the prime
   */
  public String generate(TextCodec codec, int startId, String prime, GenerationConfig config,
      RandomGenerator rng) {
    eval();
    return new Generator<>(asNextTokenModel(), config).generate(codec, startId, prime, rng);
  }

  /**
   * Beam search from a prime, in evaluation mode (see {@link BeamSearch}).
   *
   * @param prime (P) ids to start from, P ≥ 1
   * @param config the beam width, length limit, end token, length penalty and result count
   * @return the best hypotheses, highest score first
   * @throws IllegalArgumentException if the prime is empty
   */
  public List<Hypothesis> beamSearch(int[] prime, BeamSearchConfig config) {
    eval();
    return new BeamSearch<>(asNextTokenModel(), config).search(prime);
  }

  /**
   * Log-likelihood and perplexity of sequences, in evaluation mode (see {@link Scorer}).
   *
   * @param sequences sequences of n ≥ 1 ids; the first id of each is context, the rest are scored
   * @param batchSize sequences per forward call, ≥ 1
   * @return the score of each sequence; {@link Score#total} gives the corpus perplexity
   * @throws IllegalArgumentException if batchSize &lt; 1 or a sequence is empty
   */
  public List<Score> score(List<int[]> sequences, int batchSize) {
    eval();
    return new Scorer<>(asNextTokenModel()).score(sequences, batchSize);
  }

  /**
   * Log-likelihood and perplexity of texts, in evaluation mode.
   *
   * @param codec the tokenizer and vocabulary the model was trained with
   * @param startId the context token before each text, as in training (not scored)
   * @param texts the texts
   * @param appendEos also score {@code <eos>} after each text, for a model trained with it
   * @return the score of each text
   */
  public List<Score> score(TextCodec codec, int startId, List<String> texts, boolean appendEos) {
    eval();
    return new Scorer<>(asNextTokenModel()).score(codec, startId, texts, appendEos);
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

  /**
   * Reads a model file written by {@link #save}.
   *
   * @throws org.rnn4j.io.ModelFormatException if the file is not a valid language-model file
   */
  public static ModelFile.Loaded<LanguageModel> load(Path file) throws IOException {
    return ModelFile.load(file, config -> new LanguageModel(
        LanguageModelConfig.fromJson(config, file), new SplittableRandom(0)));
  }
}
