package org.rnn4j.cli.demo;

import java.util.List;
import org.rnn4j.music.NoteCodec;
import org.rnn4j.music.NoteScore;
import org.rnn4j.music.TokenKind;

/**
 * The note-level baseline a sequence model has to beat: a unigram model that knows the grammar of
 * note tokens but nothing of context. Each token is predicted from its training frequency among
 * the tokens of its own kind (shift, pitch or duration), with add-one smoothing over that kind:
 *
 * <pre>
 * p(x) = (count(x) + 1) / (N_k + V_k)      k = kind(x); N_k training tokens and V_k vocabulary
 *                                          tokens of kind k
 * p(note) = Π p(x) over the note's tokens  (its shifts, its pitch, its duration)
 * </pre>
 * This is stronger than a unigram over the whole vocabulary, which would also spend probability
 * on tokens of the wrong kind.
 */
final class NoteUnigramBaseline {
  private NoteUnigramBaseline() {}

  static NoteScore score(NoteCodec codec, List<int[]> train, List<int[]> heldOut) {
    int v = codec.vocabulary().size();
    long[] counts = new long[v]; // (V)
    long[] kindTokens = new long[TokenKind.values().length]; // N_k
    long[] kindSize = new long[TokenKind.values().length]; // V_k
    for (int id = 0; id < v; id++) {
      kindSize[codec.kind(id).ordinal()]++;
    }
    for (int[] piece : train) {
      for (int id : piece) {
        counts[id]++;
        kindTokens[codec.kind(id).ordinal()]++;
      }
    }
    NoteScore total = new NoteScore(0, 0, 0, 0);
    for (int[] piece : heldOut) {
      double[] logProbabilities = new double[piece.length];
      for (int i = 0; i < piece.length; i++) {
        int k = codec.kind(piece[i]).ordinal();
        logProbabilities[i] = Math.log((counts[piece[i]] + 1.0) / (kindTokens[k] + kindSize[k]));
      }
      total = NoteScore.total(List.of(total, NoteScore.of(codec, piece, logProbabilities)));
    }
    return total;
  }
}
