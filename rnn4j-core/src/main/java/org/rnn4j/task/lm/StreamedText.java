package org.rnn4j.task.lm;

import java.util.List;
import org.rnn4j.text.TextCodec;
import org.rnn4j.train.TruncatedBptt;

/**
 * Lines of text as one long token stream for truncated backpropagation through time, char-rnn's
 * way of training: each line gives {@code <bos>}, its tokens, {@code <eos>}, one after the
 * other; the stream is cut into B parallel streams read in consecutive chunks of N tokens (see
 * {@link TruncatedBptt}), and the objective carries each stream's recurrent state, detached,
 * from one chunk to the next.
 *
 * <pre>
 * ids (M)   = ⟨bos⟩ line₁ ⟨eos⟩ ⟨bos⟩ line₂ ⟨eos⟩ …
 * batch i   = ids of every stream b at steps i·N … i·N + N − 1      (B, N)
 * </pre>
 * Lines keep their {@code <bos>} so that generation and scoring, which start from it, see what
 * training saw.
 */
public final class StreamedText {
  private StreamedText() {}

  /**
   * The lines' tokens, one after the other.
   *
   * @param lines the texts, in order
   * @param codec tokenizer and vocabulary
   * @return the ids (M)
   */
  public static int[] ids(List<String> lines, TextCodec codec) {
    int[][] encoded = lines.stream().map(l -> codec.encode(l, true)).toArray(int[][]::new);
    int total = 0;
    for (int[] line : encoded) {
      total = Math.addExact(total, line.length);
    }
    int[] ids = new int[total];
    int at = 0;
    for (int[] line : encoded) {
      System.arraycopy(line, 0, ids, at, line.length);
      at += line.length;
    }
    return ids;
  }

  /**
   * The training batches: B streams in chunks of N.
   *
   * @param ids the stream (M)
   * @param streams B, at least 1
   * @param chunk N, at least 1
   * @return the batches, to be visited in order
   * @throws IllegalArgumentException if the stream has fewer than B + 1 tokens
   */
  public static TruncatedBptt batches(int[] ids, int streams, int chunk) {
    return new TruncatedBptt(ids, streams, chunk);
  }

  /**
   * The validation batches: as many streams as the text fills with at least one chunk each, at
   * most B, so that a short validation text is still read whole.
   *
   * @param ids the validation stream (M)
   * @param streams B, at least 1
   * @param chunk N, at least 1
   * @return the batches, to be visited in order
   */
  public static TruncatedBptt validation(int[] ids, int streams, int chunk) {
    int fit = Math.max(1, (ids.length - 1) / chunk);
    return new TruncatedBptt(ids, Math.min(streams, fit), chunk);
  }
}
