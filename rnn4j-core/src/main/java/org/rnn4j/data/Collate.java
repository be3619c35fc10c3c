package org.rnn4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.rnn4j.kernel.Sizes;
import org.rnn4j.tensor.Tensor;

/**
 * Pads chosen examples into a batch. Each method takes the whole example list and the indices of
 * one batch (from a {@link BatchPlan}), so the batch can say where its examples came from.
 */
public final class Collate {
  /** The target on padded steps: losses and metrics skip it (PyTorch's ignore_index). */
  public static final int IGNORE_INDEX = -1;

  private Collate() {}

  /**
   * Pads sequences into one batch.
   *
   * @param sequences B sequences, all token ids or all features (with one F)
   * @param padId the id on padded steps of token ids (ignored for features, padded with 0)
   * @return (B, T) ids or (B, T, F) features, T the longest length
   * @throws IllegalArgumentException if the list is empty or mixes kinds or feature sizes
   */
  public static Padded pad(List<? extends SequenceInput> sequences, int padId) {
    if (sequences.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one sequence");
    }
    int b = sequences.size();
    int[] lengths = new int[b];
    int time = 0;
    for (int i = 0; i < b; i++) {
      lengths[i] = sequences.get(i).length();
      time = Math.max(time, lengths[i]);
    }
    if (sequences.get(0) instanceof TokenIds) {
      int[] ids = new int[Sizes.product(b, time)]; // (B, T)
      Arrays.fill(ids, padId);
      for (int i = 0; i < b; i++) {
        if (!(sequences.get(i) instanceof TokenIds s)) {
          throw new IllegalArgumentException("sequence " + i + " must be TokenIds like sequence 0,"
              + " got " + sequences.get(i));
        }
        System.arraycopy(s.ids(), 0, ids, i * time, lengths[i]);
      }
      return new PaddedIds(ids, b, time, lengths, padId);
    }
    int f = ((Features) sequences.get(0)).features();
    float[] x = new float[Sizes.product(b, time, f)]; // (B, T, F)
    for (int i = 0; i < b; i++) {
      if (!(sequences.get(i) instanceof Features s) || s.features() != f) {
        throw new IllegalArgumentException("sequence " + i + " must be Features with F = " + f
            + " like sequence 0, got " + sequences.get(i));
      }
      System.arraycopy(s.values(), 0, x, i * time * f, lengths[i] * f);
    }
    return new PaddedFeatures(Tensor.of(x, b, time, f), lengths);
  }

  /**
   * A sequence → label batch.
   *
   * @param examples all examples
   * @param indices the B examples of this batch
   * @param padId the input padding id
   * @return the batch
   */
  public static ClassifyBatch classify(List<ClassifyExample> examples, int[] indices, int padId) {
    List<ClassifyExample> chosen = pick(examples, indices);
    int[] labels = new int[chosen.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = chosen.get(i).label();
    }
    return new ClassifyBatch(pad(map(chosen, ClassifyExample::input), padId), labels,
        indices.clone());
  }

  /**
   * A sequence → equal-length sequence batch.
   *
   * @param examples all examples
   * @param indices the B examples of this batch
   * @param padId the input padding id
   * @return the batch; targets are {@link #IGNORE_INDEX} on padded steps
   */
  public static TagBatch tag(List<TagExample> examples, int[] indices, int padId) {
    List<TagExample> chosen = pick(examples, indices);
    Padded inputs = pad(map(chosen, TagExample::input), padId);
    int time = inputs.time();
    int[] targets = new int[Sizes.product(chosen.size(), time)]; // (B, T)
    Arrays.fill(targets, IGNORE_INDEX);
    for (int i = 0; i < chosen.size(); i++) {
      int[] tags = chosen.get(i).tags();
      System.arraycopy(tags, 0, targets, i * time, tags.length);
    }
    return new TagBatch(inputs, targets, indices.clone());
  }

  /**
   * A sequence → sequence batch for teacher forcing.
   *
   * @param examples all examples
   * @param indices the B examples of this batch
   * @param ids the padding ids of the source and the special ids of the target vocabulary
   * @return the batch
   */
  public static Seq2SeqBatch seq2seq(
      List<Seq2SeqExample> examples, int[] indices, Seq2SeqIds ids) {
    List<Seq2SeqExample> chosen = pick(examples, indices);
    Padded source = pad(map(chosen, Seq2SeqExample::source), ids.sourcePadId());
    List<TokenIds> decoderIn = new ArrayList<>(chosen.size());
    int ty = 0;
    for (Seq2SeqExample e : chosen) {
      int[] in = new int[e.target().length + 1];
      in[0] = ids.bosId();
      System.arraycopy(e.target(), 0, in, 1, e.target().length);
      decoderIn.add(new TokenIds(in));
      ty = Math.max(ty, in.length);
    }
    PaddedIds decoderInputs = (PaddedIds) pad(decoderIn, ids.targetPadId());
    int[] targets = new int[Sizes.product(chosen.size(), ty)]; // (B, Ty)
    Arrays.fill(targets, IGNORE_INDEX);
    for (int i = 0; i < chosen.size(); i++) {
      int[] y = chosen.get(i).target();
      System.arraycopy(y, 0, targets, i * ty, y.length);
      targets[i * ty + y.length] = ids.eosId();
    }
    return new Seq2SeqBatch(source, decoderInputs, targets, indices.clone());
  }

  /**
   * A sequence → next values batch.
   *
   * @param examples all examples, every future of one length N
   * @param indices the B examples of this batch
   * @return the batch
   * @throws IllegalArgumentException if the futures differ in length
   */
  public static ForecastBatch forecast(List<ForecastExample> examples, int[] indices) {
    List<ForecastExample> chosen = pick(examples, indices);
    PaddedFeatures history = (PaddedFeatures) pad(map(chosen, ForecastExample::history), 0);
    int n = chosen.get(0).future().length();
    int f = history.features();
    float[] y = new float[Sizes.product(chosen.size(), n, f)]; // (B, N, F)
    for (int i = 0; i < chosen.size(); i++) {
      Features future = chosen.get(i).future();
      if (future.length() != n) {
        throw new IllegalArgumentException("every future in a batch must have N = " + n
            + " steps, example " + indices[i] + " has " + future.length());
      }
      System.arraycopy(future.values(), 0, y, i * n * f, n * f);
    }
    return new ForecastBatch(history, Tensor.of(y, chosen.size(), n, f), indices.clone());
  }

  static void checkLengths(int[] lengths, int time) {
    for (int i = 0; i < lengths.length; i++) {
      if (lengths[i] < 1 || lengths[i] > time) {
        throw new IllegalArgumentException("lengths[" + i + "] must lie in [1, T=" + time
            + "], got " + lengths[i]);
      }
    }
  }

  private static <E> List<E> pick(List<E> examples, int[] indices) {
    if (indices.length == 0) {
      throw new IllegalArgumentException("a batch needs at least one index");
    }
    List<E> out = new ArrayList<>(indices.length);
    for (int i : indices) {
      if (i < 0 || i >= examples.size()) {
        throw new IllegalArgumentException("index must lie in [0, " + examples.size()
            + "), got " + i);
      }
      out.add(examples.get(i));
    }
    return out;
  }

  private static <E, S> List<S> map(List<E> list, Function<E, S> f) {
    List<S> out = new ArrayList<>(list.size());
    for (E e : list) {
      out.add(f.apply(e));
    }
    return out;
  }
}
