package org.rnn4j.music;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.decode.NextTokenModel;
import org.rnn4j.decode.Scorer;

/**
 * Note-level scores of whole pieces under a next-token model: each piece is fed after a start
 * token (the one that began pieces in training, not scored), and its token log-probabilities are
 * summed per note and kind ({@link NoteScore}).
 *
 * @param <S> the model's state type
 */
public final class NoteScorer<S> {
  private final Scorer<S> scorer;
  private final NoteCodec codec;

  /**
   * @param model the model (in evaluation mode; unmasked, so the scores are its own)
   * @param codec its vocabulary
   */
  public NoteScorer(NextTokenModel<S> model, NoteCodec codec) {
    if (codec == null) {
      throw new IllegalArgumentException("codec must be given");
    }
    this.scorer = new Scorer<>(model);
    this.codec = codec;
  }

  /**
   * Scores pieces, {@code batchSize} at a time.
   *
   * @param pieces the note tokens of each piece ({@link NoteCodec#encode})
   * @param startId the context token before each piece, e.g. {@code <eos>}
   * @param batchSize pieces per forward call, ≥ 1
   * @return one score per piece; {@link NoteScore#total} gives the corpus score
   */
  public List<NoteScore> score(List<int[]> pieces, int startId, int batchSize) {
    List<int[]> sequences = new ArrayList<>(pieces.size());
    for (int[] piece : pieces) {
      int[] ids = new int[piece.length + 1];
      ids[0] = startId;
      System.arraycopy(piece, 0, ids, 1, piece.length);
      sequences.add(ids);
    }
    List<double[]> logProbabilities = scorer.logProbabilities(sequences, batchSize);
    List<NoteScore> scores = new ArrayList<>(pieces.size());
    for (int i = 0; i < pieces.size(); i++) {
      scores.add(NoteScore.of(codec, pieces.get(i), logProbabilities.get(i)));
    }
    return scores;
  }
}
