package org.rnn4j.music;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.rnn4j.decode.GenerationConfig;
import org.rnn4j.decode.Generator;
import org.rnn4j.decode.NextTokenModel;
import org.rnn4j.decode.Sampler;

/**
 * Samples a given number of notes: tokens are drawn from the model masked by the grammar without
 * an end ({@link GrammarMask}, {@link NoteGrammar}), so every draw continues a canonical piece,
 * and generation stops after the n-th {@code DUR_d}, the token that completes a note; {@link
 * NoteCodec#decode} then gives exactly n notes. A note may
 * take more than three tokens (long shifts repeat {@code SHIFT_max}); when the first batch of
 * draws holds fewer than n notes, generation resumes from everything drawn so far.
 *
 * @param <S> the model's state type
 */
public final class NoteGenerator<S> {
  private static final int SLACK_TOKENS = 16; // for repeated SHIFT_max tokens

  private final GrammarMask<S> masked;
  private final NoteCodec codec;
  private final Sampler sampler;

  /**
   * @param model the model (in evaluation mode)
   * @param codec its vocabulary
   * @param sampler how each token is chosen
   */
  public NoteGenerator(NextTokenModel<S> model, NoteCodec codec, Sampler sampler) {
    if (model == null || codec == null || sampler == null) {
      throw new IllegalArgumentException("model, codec and sampler must be given");
    }
    this.masked = new GrammarMask<>(model, new NoteGrammar(codec, false));
    this.codec = codec;
    this.sampler = sampler;
  }

  /**
   * Draws exactly {@code notes} notes after a prime.
   *
   * @param prime (P) ids that follow the grammar and end at a note boundary: {@code <eos>} or
   *     {@code <bos>} to start a piece, or a piece's tokens ending with {@code DUR_d}
   * @param notes how many notes to draw, ≥ 1
   * @param rng the source of the draws
   * @return the tokens of the new notes, without the prime; {@link NoteCodec#decode} reads them
   * @throws IllegalArgumentException if notes &lt; 1, or the prime is empty, breaks the grammar or
   *     ends inside a note
   */
  public int[] generate(int[] prime, int notes, RandomGenerator rng) {
    if (notes < 1) {
      throw new IllegalArgumentException("notes must be at least 1, got " + notes);
    }
    if (prime.length == 0) {
      throw new IllegalArgumentException("prime must hold at least one id (<eos> or <bos> to"
          + " start a piece), got none");
    }
    TokenKind last = codec.kind(prime[prime.length - 1]);
    if (last != TokenKind.SPECIAL && last != TokenKind.DURATION) {
      throw new IllegalArgumentException("prime must end at a note boundary (a special token or"
          + " DUR_d), got " + codec.vocabulary().token(prime[prime.length - 1]));
    }
    int[] drawn = new int[0];
    while (true) {
      int complete = 0;
      for (int i = 0; i < drawn.length; i++) {
        if (codec.kind(drawn[i]) == TokenKind.DURATION && ++complete == notes) {
          return Arrays.copyOf(drawn, i + 1);
        }
      }
      int budget = 3 * (notes - complete) + SLACK_TOKENS;
      drawn = concat(drawn, new Generator<>(masked, GenerationConfig.of(budget, sampler))
          .generate(concat(prime, drawn), rng));
    }
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
