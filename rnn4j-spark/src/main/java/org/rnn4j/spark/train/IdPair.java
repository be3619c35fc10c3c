package org.rnn4j.spark.train;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.rnn4j.data.Collate;
import org.rnn4j.data.TagBatch;
import org.rnn4j.data.TagExample;
import org.rnn4j.data.TokenIds;

/**
 * One training row of a sequence family as it stays cached in its partition: two sequences of
 * ids. For the lm family the inputs and their next tokens (both T long), for the tag family the
 * word ids and tag ids (both T long), for the seq2seq family the source ids (Tx) and target ids
 * (Ty, without {@code <bos>}/{@code <eos>}: the batches add them).
 *
 * @param first (T) or (Tx) ids, at least one
 * @param second (T) or (Ty) ids
 */
record IdPair(int[] first, int[] second) implements Serializable {

  /**
   * Rows [from, to) as equal-length pairs (inputs and per-token targets: the lm and tag
   * families), padded to the longest: first ids (b, T), second ids (b, T).
   */
  static TagBatch collateTokens(List<IdPair> rows, int from, int to, int padId) {
    List<TagExample> examples = new ArrayList<>(to - from);
    int[] indices = new int[to - from];
    for (int i = from; i < to; i++) {
      examples.add(new TagExample(new TokenIds(rows.get(i).first()), rows.get(i).second()));
      indices[i - from] = i - from;
    }
    return Collate.tag(examples, indices, padId);
  }
}
