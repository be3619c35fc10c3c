package org.rnn4j.task.seq2seq;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.rnn4j.data.BatchPlan;
import org.rnn4j.data.Collate;
import org.rnn4j.data.Seq2SeqBatch;
import org.rnn4j.data.Seq2SeqExample;
import org.rnn4j.data.Seq2SeqIds;
import org.rnn4j.data.TokenIds;
import org.rnn4j.data.format.SentencePair;
import org.rnn4j.text.TextCodecPair;
import org.rnn4j.train.BatchSource;

/** Sentence pairs as encoder–decoder examples, and examples as padded batches. */
public final class Seq2SeqData {
  private Seq2SeqData() {}

  /**
   * Encodes pairs with the two codecs, without {@code <bos>}/{@code <eos>} (the batches add them).
   *
   * @param pairs source and target texts
   * @param codecs the source and target codecs
   * @return one example per pair, in order
   */
  public static List<Seq2SeqExample> examples(List<SentencePair> pairs, TextCodecPair codecs) {
    List<Seq2SeqExample> out = new ArrayList<>(pairs.size());
    for (SentencePair p : pairs) {
      out.add(new Seq2SeqExample(new TokenIds(codecs.source().encode(p.source(), false)),
          codecs.target().encode(p.target(), false)));
    }
    return out;
  }

  /**
   * Training batches of sources of similar length ({@link BatchPlan#bucketed}), so little of each
   * batch is padding. The trainer shuffles their order every epoch.
   *
   * @param examples the examples
   * @param ids the special ids of both sides
   * @param batchSize B, at least 1
   * @param rng draws the buckets (seed it for a reproducible run)
   * @return the batches; none for no examples
   */
  public static BatchSource<Seq2SeqBatch> bucketed(List<Seq2SeqExample> examples, Seq2SeqIds ids,
      int batchSize, RandomGenerator rng) {
    if (examples.isEmpty()) {
      return BatchSource.of(List.of());
    }
    int[] lengths = examples.stream().mapToInt(e -> e.source().length()).toArray();
    return collate(examples, BatchPlan.bucketed(lengths, batchSize,
        BatchPlan.DEFAULT_POOL_BATCHES, rng), ids);
  }

  /**
   * Batches of consecutive examples, in order (for validation and tests).
   *
   * @param examples the examples
   * @param ids the special ids of both sides
   * @param batchSize B, at least 1
   * @return the batches
   */
  public static BatchSource<Seq2SeqBatch> sequential(List<Seq2SeqExample> examples,
      Seq2SeqIds ids, int batchSize) {
    return collate(examples, BatchPlan.sequential(examples.size(), batchSize), ids);
  }

  private static BatchSource<Seq2SeqBatch> collate(List<Seq2SeqExample> examples,
      List<int[]> plan, Seq2SeqIds ids) {
    List<Seq2SeqBatch> out = new ArrayList<>(plan.size());
    for (int[] indices : plan) {
      out.add(Collate.seq2seq(examples, indices, ids));
    }
    return BatchSource.of(out);
  }
}
