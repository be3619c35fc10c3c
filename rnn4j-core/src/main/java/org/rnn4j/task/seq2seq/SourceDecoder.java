package org.rnn4j.task.seq2seq;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.rnn4j.decode.NextTokenModel;
import org.rnn4j.kernel.Sizes;
import org.rnn4j.nn.attention.Attention;
import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

/**
 * The decoder of a {@link Seq2Seq} over one encoded source, seen as a {@link NextTokenModel} so
 * that {@link org.rnn4j.decode.BeamSearch} can search it. The state of each row (one hypothesis)
 * is the decoder's recurrent state and its last context; every row attends over the same encoder
 * outputs, which are kept once for the source (batch 1) and replicated to the batch size of each
 * call:
 *
 * <pre>
 * encoder outputs  h (1, Tx, He), projected (1, Tx, P)  →  (B, Tx, He), (B, Tx, P) for B hypotheses
 * state            s (1, B, H) [c (1, B, H)], ctx (B, He)
 * forward          ids (B, T) → logits (B, T, V); row b stops changing after lengths[b] steps
 * </pre>
 * Everything runs without a gradient graph.
 */
final class SourceDecoder implements NextTokenModel<Seq2Seq.DecoderState> {
  private final Seq2Seq model;
  private final Seq2Seq.Encoded source; // keys (1, Tx, He), state (1, 1, H)
  private final Map<Integer, Attention.Keys> replicated = new HashMap<>(); // B → keys for B rows

  /**
   * @param model the model whose decoder runs
   * @param source one source's encoding: keys of batch 1, state (1, 1, H)
   */
  SourceDecoder(Seq2Seq model, Seq2Seq.Encoded source) {
    if (source.keys().keys().dim(0) != 1) {
      throw new IllegalArgumentException("source must be one encoded row, got a batch of "
          + source.keys().keys().dim(0));
    }
    this.model = model;
    this.source = source;
    replicated.put(1, source.keys());
  }

  /** The decoder's first state, the same for every one of the B rows. */
  @Override
  public Seq2Seq.DecoderState initialState(int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1, got " + batch);
    }
    return model.start(source, 1).select(new int[batch]);
  }

  @Override
  public Step<Seq2Seq.DecoderState> forward(int[] ids, int[] lengths,
      Seq2Seq.DecoderState state) {
    int b = state.batch();
    if (lengths.length != b || ids.length == 0 || ids.length % b != 0) {
      throw new IllegalArgumentException("ids (B, T) and lengths (B) must fit the state's batch"
          + " B = " + b + " with T ≥ 1: got " + ids.length + " ids and " + lengths.length
          + " lengths");
    }
    int t = ids.length / b;
    for (int i = 0; i < b; i++) {
      if (lengths[i] < 0 || lengths[i] > t) {
        throw new IllegalArgumentException("lengths[" + i + "] must lie in [0, " + t + "], got "
            + lengths[i]);
      }
    }
    Attention.Keys keys = keys(b);
    int v = model.config().targetVocabularySize();
    Tensor[] logits = new Tensor[t]; // T × (B, 1, V)
    int[] previous = new int[b]; // (B) y_{t−1}
    Seq2Seq.DecoderState s = state;
    try (NoGrad scope = NoGrad.enter()) {
      for (int k = 0; k < t; k++) {
        for (int i = 0; i < b; i++) {
          previous[i] = ids[i * t + k];
        }
        Seq2Seq.Step out = model.step(previous, s, keys);
        logits[k] = model.logits(out.features()).reshape(b, 1, v);
        s = carry(out.next(), s, lengths, k);
      }
      return new Step<>(t == 1 ? logits[0] : Tensor.concat(1, logits), s);
    }
  }

  @Override
  public Seq2Seq.DecoderState select(Seq2Seq.DecoderState state, int[] rows) {
    return state.select(rows);
  }

  /**
   * The attention weights with which each token of {@code ids} is predicted, teacher-forced from
   * {@code <bos>}: row t is α_t, computed after reading y_{t−1} (y_0 = {@code <bos>}).
   *
   * @param bosId the token the decoder reads first
   * @param ids (m) target ids
   * @return (m, Tx) weights over this source's steps
   */
  float[][] attention(int bosId, int[] ids) {
    float[][] weights = new float[ids.length][];
    Seq2Seq.DecoderState s = initialState(1);
    int[] previous = {bosId};
    try (NoGrad scope = NoGrad.enter()) {
      for (int t = 0; t < ids.length; t++) {
        Seq2Seq.Step out = model.step(previous, s, keys(1));
        weights[t] = out.weights().data().clone(); // (1, Tx)
        s = out.next();
        previous[0] = ids[t];
      }
    }
    return weights;
  }

  /** The source's encoder outputs replicated for B rows (made once per B). */
  private Attention.Keys keys(int b) {
    return replicated.computeIfAbsent(b, n -> {
      Attention.Keys one = source.keys();
      int[] lengths = new int[n];
      Arrays.fill(lengths, one.lengths()[0]);
      return new Attention.Keys(repeat(one.keys(), n), repeat(one.projected(), n), lengths);
    });
  }

  /** x (1, Tx, X) repeated n times along the batch axis: (n, Tx, X). */
  private static Tensor repeat(Tensor x, int n) {
    float[] one = x.data();
    float[] out = new float[Sizes.product(n, one.length)];
    for (int i = 0; i < n; i++) {
      System.arraycopy(one, 0, out, i * one.length, one.length);
    }
    return Tensor.of(out, n, x.dim(1), x.dim(2));
  }

  /** The state after step k, except that rows whose sequence ended before k keep the old one. */
  private static Seq2Seq.DecoderState carry(Seq2Seq.DecoderState next,
      Seq2Seq.DecoderState old, int[] lengths, int k) {
    boolean[] ended = new boolean[lengths.length]; // (B) k ≥ lengths[b]
    boolean any = false;
    for (int i = 0; i < lengths.length; i++) {
      ended[i] = k >= lengths[i];
      any |= ended[i];
    }
    if (!any) {
      return next;
    }
    RecurrentState n = next.state();
    RecurrentState o = old.state();
    Tensor h = keepRows(n.h(), o.h(), ended);
    var c = n.c().map(cNext -> keepRows(cNext, o.c().orElseThrow(), ended));
    int he = next.context().dim(1);
    Tensor context = keepRows(next.context().reshape(1, lengths.length, he),
        old.context().reshape(1, lengths.length, he), ended).reshape(lengths.length, he);
    return new Seq2Seq.DecoderState(new RecurrentState(h, c), context);
  }

  /** x (L, B, X) with the rows b where ended[b] taken from previous (L, B, X). */
  private static Tensor keepRows(Tensor x, Tensor previous, boolean[] ended) {
    int layers = x.dim(0);
    int b = x.dim(1);
    int width = x.dim(2);
    float[] out = x.data().clone(); // (L, B, X)
    for (int l = 0; l < layers; l++) {
      for (int i = 0; i < b; i++) {
        if (ended[i]) {
          System.arraycopy(previous.data(), (l * b + i) * width, out, (l * b + i) * width,
              width);
        }
      }
    }
    return Tensor.of(out, layers, b, width);
  }
}
