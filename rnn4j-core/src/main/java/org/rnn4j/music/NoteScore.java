package org.rnn4j.music;

import java.util.Collection;

/**
 * How well a model predicts notes, per note, with the share of each kind of token. A note's
 * probability is the product of its tokens' probabilities (its shift tokens, its pitch, its
 * duration), so over N notes
 *
 * <pre>
 * log p(note_i) = Σ_{tokens x of note i} log p(x | everything before x)
 * perplexity    = exp(−(1/N) Σ_i log p(note_i))
 *               = exp(−L_shift/N) · exp(−L_pitch/N) · exp(−L_duration/N)
 * L_kind        = Σ log p(x) over the tokens x of that kind
 * </pre>
 * The three factors are the per-note perplexities of when, what and how long. Special tokens
 * ({@code <eos>} between pieces) belong to no note and are left out. Natural logs throughout.
 *
 * @param notes N, the notes scored
 * @param shift L_shift, Σ log p of the SHIFT tokens (nats, ≤ 0)
 * @param pitch L_pitch, Σ log p of the PITCH and DRUM tokens
 * @param duration L_duration, Σ log p of the DUR tokens
 */
public record NoteScore(long notes, double shift, double pitch, double duration) {

  /** Checks notes ≥ 0. */
  public NoteScore {
    if (notes < 0) {
      throw new IllegalArgumentException("notes must be ≥ 0, got " + notes);
    }
  }

  /**
   * Sums token log-probabilities per kind.
   *
   * @param codec the vocabulary's kinds
   * @param targets (n) the scored tokens
   * @param logProbabilities (n) log p of each target, e.g. from {@link
   *     org.rnn4j.decode.Scorer#logProbabilities}
   * @return the score; N counts the DUR tokens, the tokens that complete a note
   * @throws IllegalArgumentException if the lengths differ
   */
  public static NoteScore of(NoteCodec codec, int[] targets, double[] logProbabilities) {
    if (targets.length != logProbabilities.length) {
      throw new IllegalArgumentException("need one log-probability per target: got "
          + targets.length + " targets and " + logProbabilities.length + " log-probabilities");
    }
    double[] byKind = new double[TokenKind.values().length];
    long notes = 0;
    for (int i = 0; i < targets.length; i++) {
      TokenKind kind = codec.kind(targets[i]);
      byKind[kind.ordinal()] += logProbabilities[i];
      if (kind == TokenKind.DURATION) {
        notes++;
      }
    }
    return new NoteScore(notes, byKind[TokenKind.SHIFT.ordinal()],
        byKind[TokenKind.PITCH.ordinal()], byKind[TokenKind.DURATION.ordinal()]);
  }

  /** Σ_i log p(note_i), nats. */
  public double logLikelihood() {
    return shift + pitch + duration;
  }

  /**
   * The note-level perplexity.
   *
   * @return exp(−logLikelihood / N); NaN when no note was scored
   */
  public double perplexity() {
    return notes == 0 ? Double.NaN : Math.exp(-logLikelihood() / notes);
  }

  /**
   * One kind's factor of the perplexity.
   *
   * @param kind SHIFT, PITCH or DURATION
   * @return exp(−L_kind / N); NaN when no note was scored
   * @throws IllegalArgumentException for SPECIAL, which is not part of a note
   */
  public double perplexity(TokenKind kind) {
    double l = switch (kind) {
      case SHIFT -> shift;
      case PITCH -> pitch;
      case DURATION -> duration;
      case SPECIAL -> throw new IllegalArgumentException(
          "special tokens belong to no note; ask for SHIFT, PITCH or DURATION");
    };
    return notes == 0 ? Double.NaN : Math.exp(-l / notes);
  }

  /**
   * Scores of several pieces together: the sums add, so the total's perplexity is the corpus
   * perplexity (not the mean of the pieces' perplexities).
   *
   * @param scores any scores
   * @return their sum
   */
  public static NoteScore total(Collection<NoteScore> scores) {
    long n = 0;
    double s = 0;
    double p = 0;
    double d = 0;
    for (NoteScore x : scores) {
      n += x.notes;
      s += x.shift;
      p += x.pitch;
      d += x.duration;
    }
    return new NoteScore(n, s, p, d);
  }
}
