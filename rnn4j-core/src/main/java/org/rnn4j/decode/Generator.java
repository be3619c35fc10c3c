package org.rnn4j.decode;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import org.rnn4j.kernel.Sizes;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.text.TextCodec;

/**
 * Autoregressive generation: feed the prime x⟨1⟩ … x⟨P⟩ in one call to get the state after it and
 * the logits of the next token, then repeat
 *
 * <pre>
 * y⟨s⟩ ~ sampler(logits⟨s⟩)             one token per step, from the row's own generator
 * logits⟨s+1⟩, state = model(y⟨s⟩, state) one step, the state carried (O(1) per token)
 * </pre>
 *
 * until the stop token is drawn or {@code maxTokens} tokens have been. Several sequences may run
 * in one batch: row b stops on its own, after which it is fed with length 0 (its state is kept
 * and nothing is drawn for it). Everything runs without a gradient graph ({@link NoGrad}).
 *
 * <p>Seeding: row b draws only from its own generator {@code rngs.get(b)}, one {@code
 * nextDouble()} per token (none for greedy). Rows do not interact, so a batch gives the same
 * tokens as generating each row alone with its generator, up to float rounding in the model's
 * batched arithmetic.
 *
 * @param <S> the model's state type
 */
public final class Generator<S> {
  private final NextTokenModel<S> model;
  private final GenerationConfig config;

  /**
   * @param model the model to sample from (put it in evaluation mode first)
   * @param config the sampler, the length limit and the stop token
   */
  public Generator(NextTokenModel<S> model, GenerationConfig config) {
    if (model == null || config == null) {
      throw new IllegalArgumentException("model and config must be given");
    }
    this.model = model;
    this.config = config;
  }

  public GenerationConfig config() {
    return config;
  }

  /**
   * Generates one sequence.
   *
   * @param prime (P) ids to start from, P ≥ 1 (a start token such as {@code <bos>} if nothing
   *     else)
   * @param rng the source of the draws
   * @return the generated ids, without the prime and without the stop token
   * @throws IllegalArgumentException if the prime is empty or rng is null
   */
  public int[] generate(int[] prime, RandomGenerator rng) {
    return generate(new int[][] {prime}, Collections.singletonList(rng))[0];
  }

  /**
   * Generates one sequence per prime, in one batch.
   *
   * @param primes (B) primes of any lengths ≥ 1
   * @param rngs (B) the generator of each row
   * @return (B) the generated ids of each row, without its prime and stop token
   * @throws IllegalArgumentException if there are no primes, a prime is empty, or the counts of
   *     primes and generators differ, or a generator is null
   */
  public int[][] generate(int[][] primes, List<RandomGenerator> rngs) {
    checkPrimes(primes, rngs);
    int b = primes.length;
    Rows rows = new Rows(b, config.maxTokens());
    try (NoGrad scope = NoGrad.enter()) {
      int[] lengths = new int[b];
      int t = 0;
      for (int r = 0; r < b; r++) {
        lengths[r] = primes[r].length;
        t = Math.max(t, lengths[r]);
      }
      NextTokenModel.Step<S> step = model.forward(pad(primes, t), lengths, model.initialState(b));
      int[] last = new int[b]; // (B) time index of each row's next-token logits
      for (int r = 0; r < b; r++) {
        last[r] = lengths[r] - 1;
      }
      drawAll(rows, step.logits(), last, rngs);
      Arrays.fill(last, 0);
      while (!rows.allDone()) {
        step = model.forward(rows.lastTokens(), rows.liveLengths(), step.state());
        drawAll(rows, step.logits(), last, rngs);
      }
    }
    return rows.tokens();
  }

  /** Draws the next token of every live row from logits (B, T, V) at time last[b]. */
  private void drawAll(Rows rows, Tensor logits, int[] last, List<RandomGenerator> rngs) {
    if (logits.rank() != 3 || logits.dim(0) != last.length) {
      throw new IllegalStateException("model must return logits (B, T, V) with B = "
          + last.length + ", got shape " + Arrays.toString(logits.shape()));
    }
    int t = logits.dim(1);
    int v = logits.dim(2);
    float[] z = logits.data();
    for (int r = 0; r < last.length; r++) {
      if (!rows.done(r)) {
        int id = config.sampler().sample(z, (r * t + last[r]) * v, v, rngs.get(r));
        rows.add(r, id, config.stopId().isPresent() && config.stopId().getAsInt() == id);
      }
    }
  }

  private static void checkPrimes(int[][] primes, List<RandomGenerator> rngs) {
    if (primes.length == 0 || primes.length != rngs.size()) {
      throw new IllegalArgumentException("need one generator per prime and at least one prime: "
          + "got " + primes.length + " primes and " + rngs.size() + " generators");
    }
    for (int r = 0; r < primes.length; r++) {
      if (rngs.get(r) == null) {
        throw new IllegalArgumentException("generator " + r + " must be given, got null (greedy "
            + "draws nothing from it, but it is still required)");
      }
      if (primes[r].length == 0) {
        throw new IllegalArgumentException("prime " + r + " must hold at least one id (a start "
            + "token such as <bos> if nothing else), got none");
      }
    }
  }

  /** The primes as one (B, T) array, padded with id 0. */
  private static int[] pad(int[][] primes, int t) {
    int[] ids = new int[Sizes.product(primes.length, t)];
    for (int r = 0; r < primes.length; r++) {
      System.arraycopy(primes[r], 0, ids, r * t, primes[r].length);
    }
    return ids;
  }

  /**
   * Generates text: the start token and the prime's tokens prime the model, and the generated
   * tokens are decoded (special tokens left out).
   *
   * @param codec the tokenizer and vocabulary the model was trained with
   * @param startId the token fed before the prime: {@code <eos>} for a model trained on a stream
   *     of lines each ending in {@code <eos>}, {@code <bos>} for one trained on sequences starting
   *     with it
   * @param prime the text to continue, possibly empty; tokens outside the vocabulary become
   *     {@code <unk>}
   * @param rng the source of the draws
   * @return the continuation, without the prime
   */
  public String generate(TextCodec codec, int startId, String prime, RandomGenerator rng) {
    int[] tokens = codec.encode(prime, false);
    int[] ids = new int[tokens.length + 1];
    ids[0] = startId;
    System.arraycopy(tokens, 0, ids, 1, tokens.length);
    return codec.decode(generate(ids, rng));
  }

  /** The tokens drawn so far for each row, and which rows have stopped. */
  private static final class Rows {
    private final int[][] tokens; // (B, maxTokens)
    private final int[] count; // (B)
    private final boolean[] done; // (B)
    private final int[] lastTokens; // (B) fed at the next step; 0 for finished rows
    private final int[] liveLengths; // (B) 1 for live rows, 0 for finished ones

    Rows(int b, int maxTokens) {
      tokens = new int[b][maxTokens];
      count = new int[b];
      done = new boolean[b];
      lastTokens = new int[b];
      liveLengths = new int[b];
      Arrays.fill(liveLengths, 1);
    }

    boolean done(int r) {
      return done[r];
    }

    void add(int r, int id, boolean stop) {
      if (!stop) {
        tokens[r][count[r]++] = id;
        lastTokens[r] = id;
      }
      if (stop || count[r] == tokens[r].length) {
        done[r] = true;
        lastTokens[r] = 0;
        liveLengths[r] = 0;
      }
    }

    boolean allDone() {
      for (boolean d : done) {
        if (!d) {
          return false;
        }
      }
      return true;
    }

    /** (B) copies: the model may keep what it is given. */
    int[] lastTokens() {
      return lastTokens.clone();
    }

    int[] liveLengths() {
      return liveLengths.clone();
    }

    int[][] tokens() {
      int[][] out = new int[tokens.length][];
      for (int r = 0; r < tokens.length; r++) {
        out[r] = Arrays.copyOf(tokens[r], count[r]);
      }
      return out;
    }
  }
}
