package org.rnn4j.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rnn4j.data.LengthOrder;
import org.rnn4j.kernel.Sizes;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.text.TextCodec;

/**
 * Scores sequences under a model (see {@link Score}): each sequence x⟨1⟩ … x⟨n⟩ is fed as
 * inputs x⟨1⟩ … x⟨n−1⟩ with targets x⟨2⟩ … x⟨n⟩, in padded batches, and
 *
 * <pre>
 * log p(x⟨t+1⟩ | x⟨≤t⟩) = z_{t, x⟨t+1⟩} − m_t − log Σ_j e^(z_{t,j} − m_t),   m_t = max_j z_{t,j}
 * </pre>
 *
 * is summed in double precision over the real steps only, so a sequence's score does not depend
 * on the batch it was scored in or its padding. Runs without a gradient graph ({@link NoGrad}).
 *
 * @param <S> the model's state type
 */
public final class Scorer<S> {
  private static final int TEXT_BATCH = 32; // sequences per forward call when scoring texts
  private final NextTokenModel<S> model;

  /**
   * @param model the model (put it in evaluation mode first)
   */
  public Scorer(NextTokenModel<S> model) {
    if (model == null) {
      throw new IllegalArgumentException("model must be given");
    }
    this.model = model;
  }

  /**
   * Scores one sequence.
   *
   * @param ids (n) ids, n ≥ 1; the first is context only, the others are predicted
   * @return its score (n − 1 tokens)
   * @throws IllegalArgumentException if the sequence is empty
   */
  public Score score(int[] ids) {
    return score(List.of(ids), 1).get(0);
  }

  /**
   * Scores sequences, {@code batchSize} at a time.
   *
   * @param sequences sequences of n ≥ 1 ids each (n = 1 scores no token)
   * @param batchSize B, ≥ 1
   * @return the score of each sequence, in order
   * @throws IllegalArgumentException if batchSize &lt; 1 or a sequence is empty
   */
  public List<Score> score(List<int[]> sequences, int batchSize) {
    List<double[]> logProbabilities = logProbabilities(sequences, batchSize);
    List<Score> scores = new ArrayList<>(sequences.size());
    for (double[] lp : logProbabilities) {
      double ll = 0;
      for (double x : lp) {
        ll += x;
      }
      scores.add(new Score(ll, lp.length));
    }
    return scores;
  }

  /**
   * The log-probability of every predicted token, {@code batchSize} sequences at a time: entry
   * t − 2 of a sequence's array is log p(x⟨t⟩ | x⟨1⟩ … x⟨t−1⟩), t = 2 … n. Callers that group
   * tokens (several tokens per word or note) sum these per group.
   *
   * @param sequences sequences of n ≥ 1 ids each
   * @param batchSize B, ≥ 1
   * @return (n − 1) natural-log probabilities per sequence, in order
   * @throws IllegalArgumentException if batchSize &lt; 1 or a sequence is empty
   */
  public List<double[]> logProbabilities(List<int[]> sequences, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be ≥ 1, got " + batchSize);
    }
    for (int i = 0; i < sequences.size(); i++) {
      if (sequences.get(i).length == 0) {
        throw new IllegalArgumentException("sequence " + i + " must hold at least one id, got "
            + "none");
      }
    }
    int[] order = LengthOrder.longestFirst(sequences.stream().mapToInt(s -> s.length).toArray());
    List<int[]> sorted = Arrays.stream(order).mapToObj(sequences::get).toList();
    List<double[]> inOrder = new ArrayList<>(sequences.size());
    try (NoGrad scope = NoGrad.enter()) {
      for (int from = 0; from < sorted.size(); from += batchSize) {
        scoreBatch(sorted.subList(from, Math.min(from + batchSize, sorted.size())), inOrder);
      }
    }
    double[][] out = new double[sequences.size()][];
    for (int i = 0; i < order.length; i++) {
      out[order[i]] = inOrder.get(i);
    }
    return Arrays.asList(out);
  }

  /**
   * Scores texts: each is encoded as the start token, its tokens, and {@code <eos>} if asked.
   *
   * @param codec the tokenizer and vocabulary the model was trained with; tokens outside the
   *     vocabulary are scored as {@code <unk>}
   * @param startId the context token before each text (not scored), e.g. {@code <eos>} or
   *     {@code <bos>}, as in training
   * @param texts the texts
   * @param appendEos also score {@code <eos>} after each text (as a model trained with it
   *     should)
   * @return the score of each text, in order, computed in batches of 32
   */
  public List<Score> score(TextCodec codec, int startId, List<String> texts, boolean appendEos) {
    List<int[]> sequences = new ArrayList<>(texts.size());
    for (String text : texts) {
      int[] tokens = codec.encode(text, false);
      int[] ids = new int[tokens.length + (appendEos ? 2 : 1)];
      ids[0] = startId;
      System.arraycopy(tokens, 0, ids, 1, tokens.length);
      if (appendEos) {
        ids[ids.length - 1] = codec.vocabulary().eosId();
      }
      sequences.add(ids);
    }
    return score(sequences, TEXT_BATCH);
  }

  private void scoreBatch(List<int[]> batch, List<double[]> out) {
    int b = batch.size();
    int[] lengths = new int[b]; // (B) inputs per row: n − 1
    int t = 0;
    for (int r = 0; r < b; r++) {
      lengths[r] = batch.get(r).length - 1;
      t = Math.max(t, lengths[r]);
    }
    if (t == 0) {
      batch.forEach(s -> out.add(new double[0]));
      return;
    }
    int[] ids = new int[Sizes.product(b, t)]; // (B, T) inputs, padded with 0
    for (int r = 0; r < b; r++) {
      System.arraycopy(batch.get(r), 0, ids, r * t, lengths[r]);
    }
    Tensor logits = model.forward(ids, lengths, model.initialState(b)).logits();
    if (logits.rank() != 3 || logits.dim(0) != b || logits.dim(1) != t) {
      throw new IllegalStateException("model must return logits (B, T, V) = (" + b + ", " + t
          + ", V), got shape " + Arrays.toString(logits.shape()));
    }
    int v = logits.dim(2);
    float[] z = logits.data();
    for (int r = 0; r < b; r++) {
      double[] lp = new double[lengths[r]]; // (n − 1)
      for (int s = 0; s < lengths[r]; s++) {
        lp[s] = logProbability(z, (r * t + s) * v, v, batch.get(r)[s + 1]);
      }
      out.add(lp);
    }
  }

  /** log softmax(z)_target for the row z[off … off+v), in double precision. */
  private static double logProbability(float[] z, int off, int v, int target) {
    if (target < 0 || target >= v) {
      throw new IllegalArgumentException(
          "token ids must lie in [0, V) = [0, " + v + "), got " + target);
    }
    float max = Logits.max(z, off, v);
    double sum = 0;
    for (int j = 0; j < v; j++) {
      sum += Math.exp((double) z[off + j] - max);
    }
    return (double) z[off + target] - max - Math.log(sum);
  }
}
