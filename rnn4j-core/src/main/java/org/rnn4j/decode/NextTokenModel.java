package org.rnn4j.decode;

import org.rnn4j.tensor.Tensor;

/**
 * What decoding needs of a model: next-token logits for a padded batch of id sequences, starting
 * from a state it returns for the next call. Feeding a sequence in pieces, the state carried,
 * must give the logits of feeding it whole; this is what lets {@link Generator} prime once and
 * then advance one token per call. {@link #select} picks and reorders the rows of a state, which
 * {@link BeamSearch} needs to follow its hypotheses.
 *
 * @param <S> the state carried between calls (for a recurrent model, its hidden and cell states)
 */
public interface NextTokenModel<S> {

  /**
   * The state before any token, for a batch.
   *
   * @param batch B
   * @return the initial state of B sequences
   */
  S initialState(int batch);

  /**
   * Runs the model over a batch.
   *
   * @param ids (B, T) token ids, padded after each sequence's end
   * @param lengths (B) real lengths in [0, T]; a row of length 0 keeps its state
   * @param state the state before the first step
   * @return logits (B, T, V), where the logits at (b, t) score the token after ids[b][t], and
   *     the state after each row's last real step
   */
  Step<S> forward(int[] ids, int[] lengths, S state);

  /**
   * Rows of a batch's state, in the given order: row i of the result is row {@code rows[i]} of
   * {@code state}. A row may be picked more than once or not at all. {@link BeamSearch} uses it
   * to give each new hypothesis the state of the hypothesis it extends.
   *
   * @param state the state of a batch of B sequences
   * @param rows (R) indices in [0, B), R ≥ 1
   * @return the state of R sequences; the model must not let later calls on one change the other
   * @throws IllegalArgumentException if rows is empty or an index lies outside [0, B)
   */
  S select(S state, int[] rows);

  /**
   * The result of {@link #forward}.
   *
   * @param logits (B, T, V)
   * @param state the state after each row's last real step
   * @param <S> the state type
   */
  record Step<S>(Tensor logits, S state) {}
}
