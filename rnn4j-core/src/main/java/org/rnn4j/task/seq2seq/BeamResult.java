package org.rnn4j.task.seq2seq;

import java.util.List;
import org.rnn4j.decode.Hypothesis;

/**
 * What {@link Seq2Seq#beamSearch} found for one source.
 *
 * @param hypotheses the n best hypotheses, highest score first (at least one); each one's ids
 *     are target ids without {@code <eos>}
 * @param attention (m, S_b) the attention weights of the best hypothesis: row t holds α_t over the
 *     source's S_b real steps, the weights with which output token t was predicted
 */
public record BeamResult(List<Hypothesis> hypotheses, float[][] attention) {

  /** Copies both, and checks that there is a best hypothesis with one weight row per token. */
  public BeamResult {
    hypotheses = List.copyOf(hypotheses);
    if (hypotheses.isEmpty()) {
      throw new IllegalArgumentException("a beam result needs at least one hypothesis");
    }
    if (attention.length != hypotheses.get(0).ids().length) {
      throw new IllegalArgumentException("attention must have one row per token of the best"
          + " hypothesis: expected " + hypotheses.get(0).ids().length + ", got "
          + attention.length);
    }
    attention = deepCopy(attention);
  }

  /** The best hypothesis. */
  public Hypothesis best() {
    return hypotheses.get(0);
  }

  /** A copy of the best hypothesis's weights, (m, S_b). */
  @Override
  public float[][] attention() {
    return deepCopy(attention);
  }

  private static float[][] deepCopy(float[][] rows) {
    float[][] copy = new float[rows.length][];
    for (int t = 0; t < rows.length; t++) {
      copy[t] = rows[t].clone();
    }
    return copy;
  }
}
