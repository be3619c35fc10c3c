package org.rnn4j.task.lm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import org.rnn4j.data.format.TextLines;
import org.rnn4j.decode.GenerationConfig;
import org.rnn4j.decode.Sampler;
import org.rnn4j.decode.Score;
import org.rnn4j.io.ModelFile;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.task.TaskModel;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.text.TextCodec;

/**
 * A trained language model over text ready for use: it continues texts and scores them.
 *
 * <pre>{@code
 * TextGenerator names = TextGenerator.load(Path.of("dinosaurs.safetensors"));
 * GenerationConfig config = names.untilEos(40, Sampler.temperature(0.8));
 * names.generate("tyra", config, new SplittableRandom(1));  // the continuation, e.g. "nnosaurus"
 * names.score(List.of("tyrannosaurus")).get(0).perplexity();
 * }</pre>
 *
 * <p>Every text is read the way {@link LmFamily} trains: from {@code <bos>}, its tokens
 * (characters or words, those outside the vocabulary as {@code <unk>}), then {@code <eos>}.
 * Scoring counts the tokens and {@code <eos>}; generation stops when {@code <eos>} is drawn, if
 * the config says so.
 *
 * <p>Immutable and thread-safe: the model inside stays in evaluation mode, is never exposed, and
 * every call works on its own batches; all randomness comes from the generators the caller
 * passes, so a call with a generator seeded alike gives the same text whatever other threads do.
 * Texts are scored {@value #SCORE_BATCH} at a time and samples drawn {@value #SAMPLE_BATCH} at a
 * time; a text's result does not depend on the others in its call.
 */
public final class TextGenerator implements TaskModel {
  static final int SCORE_BATCH = 32; // as Scorer batches texts
  static final int SAMPLE_BATCH = 64;
  private final LanguageModel model;
  private final TextCodec codec;

  private TextGenerator(LanguageModel model, TextCodec codec) {
    if (codec.vocabulary().size() != model.config().vocabularySize()) {
      throw new IllegalArgumentException("the vocabulary holds " + codec.vocabulary().size()
          + " tokens, the model's config says " + model.config().vocabularySize());
    }
    model.eval();
    model.freeze(); // weights fixed: every product reuses one packing of them
    this.model = model;
    this.codec = codec;
  }

  /**
   * Loads a language model with its tokenizer and vocabulary.
   *
   * @param file a model file of the lm family
   * @return the model ready for use
   * @throws ModelFormatException if the file is not a language model with a vocabulary that
   *     fits it
   * @throws IOException if it cannot be read
   */
  public static TextGenerator load(Path file) throws IOException {
    ModelFile.Loaded<LanguageModel> loaded = LanguageModel.load(file);
    try {
      return new TextGenerator(loaded.model(), loaded.textCodec(file));
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public LanguageModelConfig config() {
    return model.config();
  }

  /** The tokenizer and vocabulary the model was trained with. */
  public TextCodec codec() {
    return codec;
  }

  /**
   * A generation config that ends each sample at {@code <eos>}, the end of a text in training.
   *
   * @param maxTokens the most tokens per sample, ≥ 1
   * @param sampler how each token is chosen
   * @return the config
   * @throws IllegalArgumentException if maxTokens &lt; 1
   */
  public GenerationConfig untilEos(int maxTokens, Sampler sampler) {
    return GenerationConfig.of(maxTokens, sampler).stoppingAt(codec.vocabulary().eosId());
  }

  /**
   * Continues a text.
   *
   * @param prime the start of the text, possibly empty
   * @param config the sampler, the length limit and the stop token (see {@link #untilEos})
   * @param rng the source of the draws, used by this call alone
   * @return the generated continuation, without the prime, special tokens left out
   */
  public String generate(String prime, GenerationConfig config, RandomGenerator rng) {
    return generate(List.of(prime), config, List.of(rng)).get(0);
  }

  /**
   * Continues texts, in batches; sample i draws only from {@code rngs.get(i)}, so it is the text
   * {@link #generate(String, GenerationConfig, RandomGenerator)} gives with that generator.
   *
   * @param primes the starts of the texts, possibly empty
   * @param config the sampler, the length limit and the stop token
   * @param rngs one generator per prime, used by this call alone
   * @return each continuation, without its prime, in order
   * @throws IllegalArgumentException if the counts differ
   */
  public List<String> generate(List<String> primes, GenerationConfig config,
      List<? extends RandomGenerator> rngs) {
    if (primes.size() != rngs.size()) {
      throw new IllegalArgumentException("one generator per prime: got " + primes.size()
          + " primes and " + rngs.size() + " generators");
    }
    List<String> out = new ArrayList<>(primes.size());
    for (int from = 0; from < primes.size(); from += SAMPLE_BATCH) {
      int to = Math.min(from + SAMPLE_BATCH, primes.size());
      int[][] ids = new int[to - from][];
      for (int i = from; i < to; i++) {
        ids[i - from] = startAndTokens(primes.get(i));
      }
      for (int[] generated : model.generate(ids, config, List.copyOf(rngs.subList(from, to)))) {
        out.add(codec.decode(generated));
      }
    }
    return out;
  }

  /**
   * Samples texts that all start with one prime: sample i draws from the i-th {@link
   * java.util.random.RandomGenerator.SplittableGenerator#split()} of {@code rng}, taken in order
   * before any draw.
   *
   * @param prime the start of every text, possibly empty
   * @param count how many samples, ≥ 1
   * @param config the sampler, the length limit and the stop token
   * @param rng split once per sample, used by this call alone
   * @return the continuations, without the prime, in order
   * @throws IllegalArgumentException if count &lt; 1
   */
  public List<String> sample(String prime, int count, GenerationConfig config,
      RandomGenerator.SplittableGenerator rng) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, got " + count);
    }
    List<RandomGenerator> rngs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      rngs.add(rng.split());
    }
    return generate(Collections.nCopies(count, prime), config, rngs);
  }

  /** {@code <bos>}, then the prime's tokens. */
  private int[] startAndTokens(String prime) {
    int[] tokens = codec.encode(prime, false);
    int[] ids = new int[tokens.length + 1];
    ids[0] = codec.vocabulary().bosId();
    System.arraycopy(tokens, 0, ids, 1, tokens.length);
    return ids;
  }

  /**
   * Scores texts: each text's tokens and {@code <eos>}, predicted from {@code <bos>}.
   *
   * @param texts the texts
   * @return each text's log-likelihood, tokens predicted and perplexity, in order; {@link
   *     Score#total} of them gives the corpus perplexity
   */
  public List<Score> score(List<String> texts) {
    return model.score(codec, codec.vocabulary().bosId(), texts, true);
  }

  /**
   * @param text one text
   * @return its log-likelihood, tokens predicted and perplexity
   */
  public Score score(String text) {
    return score(List.of(text)).get(0);
  }

  /**
   * The corpus loss and perplexity of texts.
   *
   * @param source what the texts are, for the report (a file name)
   * @param texts the texts
   * @return the evaluation
   */
  public PerplexityEvaluation evaluate(String source, List<String> texts) {
    return new PerplexityEvaluation(source, texts.size(), Score.total(score(texts)));
  }

  /**
   * The corpus loss and perplexity of a UTF-8 text file, one text per non-blank line.
   *
   * @param data the file
   * @param options none are read
   * @return the evaluation, reported under the file's name
   * @throws IOException if the file cannot be read
   */
  @Override
  public PerplexityEvaluation evaluate(Path data, TaskOptions options) throws IOException {
    return evaluate(data.toString(), TextLines.read(data, true));
  }

  /**
   * Each text's log-likelihood and perplexity.
   *
   * @param inputs the texts
   * @param options none are read
   * @return one score per text, in order
   */
  @Override
  public List<TextScore> predict(List<String> inputs, TaskOptions options) {
    List<Score> scores = score(inputs);
    List<TextScore> out = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      out.add(new TextScore(inputs.get(i), scores.get(i)));
    }
    return out;
  }
}
