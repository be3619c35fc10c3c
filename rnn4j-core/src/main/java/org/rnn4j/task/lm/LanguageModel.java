package org.rnn4j.task.lm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
import org.rnn4j.loss.LinearCrossEntropy;
import org.rnn4j.nn.CompositeModule;
import org.rnn4j.nn.Embedding;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.recurrent.Recurrent;
import org.rnn4j.nn.recurrent.RecurrentOutput;
import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.text.TextCodec;

/**
 * A language model that predicts each next token from the ones before it (one-to-many when
 * sampling, many-to-many while training):
 *
 * <pre>
 * e⟨t⟩ = E[x⟨t⟩]                      embedding (V, E)                       (B, T, E)
 * a⟨t⟩ = RNN(e⟨t⟩, a⟨t−1⟩)             stacked RNN/GRU/LSTM, L layers, H units (B, T, H)
 * z⟨t⟩ = W·a⟨t⟩ + b                    fc: W (V, H), b (V)                    (B, T, V)
 * ŷ⟨t⟩ = softmax(z⟨t⟩)                 predicts x⟨t+1⟩
 * </pre>
 * The recurrent layer reads one way only (D = 1). The config's dropout applies between recurrent
 * layers while training; there is none before the output layer. Nothing comes between the
 * embedding and the first recurrent layer, so the layer reads the ids through the embedding
 * ({@link Recurrent#forward(Embedding, int[], int[], RecurrentState)}): when V &lt; B·T, or once
 * the model is frozen, the input projection is a gather from E·W_ihᵀ instead of a product.
 *
 * <p>Generation, beam search and scoring delegate to {@link Generator}, {@link BeamSearch} and
 * {@link Scorer} and build no gradient graph. None of them changes the model's mode: they run in
 * whichever mode the caller chose, so call {@link #eval()} first (a freshly built or loaded model
 * is in evaluation mode; {@link TextGenerator} keeps it there).
 *
 * <p>Parameter names follow a PyTorch module with attributes {@code embedding}, {@code rnn} and
 * {@code fc}: {@code embedding.weight}, {@code rnn.weight_ih_l0}, …, {@code fc.weight}.
 */
public final class LanguageModel extends CompositeModule {
  private final LanguageModelConfig config;
  private final Embedding embedding;
  private final Recurrent rnn;
  private final Linear fc;

  /**
   * @param config the shape
   * @param rng source of the initial weights
   */
  public LanguageModel(LanguageModelConfig config, RandomGenerator rng) {
    this.config = config;
    this.embedding = register("embedding",
        new Embedding(config.vocabularySize(), config.embeddingSize(), rng));
    this.rnn = register("rnn",
        new Recurrent(config.recurrent().config(config.embeddingSize()), rng));
    this.fc = register("fc",
        new Linear(config.recurrent().outputSize(), config.vocabularySize(), rng));
  }

  /** The shape this model was built with. */
  public LanguageModelConfig config() {
    return config;
  }

  /** Record ‖∂L/∂a⟨t⟩‖ at every step of the recurrent layers (see {@link Recurrent}). */
  public void recordStateGradientNorms(boolean record) {
    rnn.recordStateGradientNorms(record);
  }

  /** The norms recorded in the last backward pass, (L, T), when recording is on. */
  public Optional<double[][]> stateGradientNorms() {
    return rnn.stateGradientNorms();
  }

  /** The zero state for a batch of {@code batch} sequences. */
  public RecurrentState zeroState(int batch) {
    return rnn.zeroState(batch);
  }

  /**
   * Next-token scores and the state after the last real step of each sequence.
   *
   * @param logits (B, T, V)
   * @param state (L, B, H) hidden state, and the cell state for an LSTM
   */
  public record Output(Tensor logits, RecurrentState state) {}

  /**
   * A training loss and the state after the last real step of each sequence.
   *
   * @param value the scalar mean cross-entropy, nats per token
   * @param state (L, B, H) hidden state, and the cell state for an LSTM
   */
  public record Loss(Tensor value, RecurrentState state) {}

  /**
   * @param ids (B, T) token ids, padded after each sequence's end
   * @param lengths (B) real lengths
   * @param state the state before the first step
   * @return logits (B, T, V) and the final state
   */
  public Output forward(int[] ids, int[] lengths, RecurrentState state) {
    RecurrentOutput out = recurrent(ids, lengths, state);
    return new Output(fc.forward(out.output()), out.state());
  }

  /**
   * The layers before the output layer.
   *
   * @return a (B, T, H) and the final state
   */
  private RecurrentOutput recurrent(int[] ids, int[] lengths, RecurrentState state) {
    int b = lengths.length;
    if (b == 0 || ids.length % b != 0) {
      throw new IllegalArgumentException("ids must hold B·T ids for B = " + b + " sequences, got "
          + ids.length);
    }
    return rnn.forward(embedding, ids, lengths, state); // (B, T, H)
  }

  /**
   * Mean cross-entropy of predicting {@code targets} (usually the ids shifted by one). The output
   * layer and the softmax cross-entropy run as one {@link LinearCrossEntropy} node, so the logits
   * (B, T, V) are never held whole; the value and the gradients are those of {@link
   * CrossEntropy} on {@link #forward}'s logits, to float rounding.
   *
   * @param ids (B, T) inputs
   * @param targets (B, T) the token that should follow each input
   * @param lengths (B) real lengths
   * @param state the state before the first step
   * @return the scalar loss (nats per token) and the final state
   */
  public Loss loss(int[] ids, int[] targets, int[] lengths, RecurrentState state) {
    RecurrentOutput out = recurrent(ids, lengths, state);
    return new Loss(LinearCrossEntropy.loss(fc, out.output(), targets, lengths,
        CrossEntropy.Options.DEFAULT), out.state());
  }

  /**
   * This model as decoding sees it: {@link #forward} from {@link #zeroState}, and {@link
   * RecurrentState#select} to pick rows of a state. It does not change the model's mode; decoding
   * runs in the mode the caller chose.
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
   * Generates one sequence (see {@link Generator}).
   *
   * @param prime (P) ids to start from, P ≥ 1
   * @param config the sampler, the length limit and the stop token
   * @param rng the source of the draws
   * @return the generated ids, without the prime and the stop token
   * @throws IllegalArgumentException if the prime is empty
   */
  public int[] generate(int[] prime, GenerationConfig config, RandomGenerator rng) {
    return new Generator<>(asNextTokenModel(), config).generate(prime, rng);
  }

  /**
   * Generates one sequence per prime in one batch; row b draws only from
   * {@code rngs.get(b)}, so it matches generating that row alone with the same generator.
   *
   * @param primes (B) primes of lengths ≥ 1
   * @param config the sampler, the length limit and the stop token
   * @param rngs (B) one generator per row
   * @return (B) the generated ids of each row, without its prime and stop token
   * @throws IllegalArgumentException if a prime is empty or the counts differ
   */
  public int[][] generate(int[][] primes, GenerationConfig config, List<RandomGenerator> rngs) {
    return new Generator<>(asNextTokenModel(), config).generate(primes, rngs);
  }

  /**
   * Continues a text.
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
    return new Generator<>(asNextTokenModel(), config).generate(codec, startId, prime, rng);
  }

  /**
   * Beam search from a prime (see {@link BeamSearch}).
   *
   * @param prime (P) ids to start from, P ≥ 1
   * @param config the beam width, length limit, end token, length penalty and result count
   * @return the best hypotheses, highest score first
   * @throws IllegalArgumentException if the prime is empty
   */
  public List<Hypothesis> beamSearch(int[] prime, BeamSearchConfig config) {
    return new BeamSearch<>(asNextTokenModel(), config).search(prime);
  }

  /**
   * Log-likelihood and perplexity of sequences (see {@link Scorer}).
   *
   * @param sequences sequences of n ≥ 1 ids; the first id of each is context, the rest are scored
   * @param batchSize sequences per forward call, ≥ 1
   * @return the score of each sequence; {@link Score#total} gives the corpus perplexity
   * @throws IllegalArgumentException if batchSize &lt; 1 or a sequence is empty
   */
  public List<Score> score(List<int[]> sequences, int batchSize) {
    return new Scorer<>(asNextTokenModel()).score(sequences, batchSize);
  }

  /**
   * Log-likelihood and perplexity of texts.
   *
   * @param codec the tokenizer and vocabulary the model was trained with
   * @param startId the context token before each text, as in training (not scored)
   * @param texts the texts
   * @param appendEos also score {@code <eos>} after each text, for a model trained with it
   * @return the score of each text
   */
  public List<Score> score(TextCodec codec, int startId, List<String> texts, boolean appendEos) {
    return new Scorer<>(asNextTokenModel()).score(codec, startId, texts, appendEos);
  }

  /**
   * Reads a model file written for a language model (see {@link
   * org.rnn4j.task.TrainedModel#save}), in evaluation mode.
   *
   * @param file the model file
   * @return the model and what was stored with it
   * @throws org.rnn4j.io.ModelFormatException if the file is not a valid language-model file
   * @throws IOException if it cannot be read
   */
  public static ModelFile.Loaded<LanguageModel> load(Path file) throws IOException {
    return ModelFile.load(file, config -> new LanguageModel(
        LanguageModelConfig.fromJson(config, file), new SplittableRandom(0)));
  }
}
