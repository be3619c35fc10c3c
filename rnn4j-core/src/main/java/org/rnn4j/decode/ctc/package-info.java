/**
 * Decoding the frame-wise class log-probabilities of a CTC model (see {@link
 * org.rnn4j.loss.CtcLoss}) into label sequences.
 *
 * <p>Dimensions: T frames, B batch, C classes including the blank ∅. Belongs here: best-path
 * decoding ({@link org.rnn4j.decode.ctc.CtcGreedy}: arg-max per frame, repeats merged, blanks
 * dropped), prefix beam search ({@link org.rnn4j.decode.ctc.CtcPrefixBeamSearch}: the k most
 * probable label sequences, each summed over its alignments in log space; rescored with the
 * best path and exact probabilities on request), and its word-list
 * constraint ({@link org.rnn4j.decode.ctc.CtcLexicon}: words separated by a separator label).
 * Does not belong here: the loss ({@code loss}), autoregressive decoding of next-token models
 * (package {@code decode}), tokenization ({@code text}).
 */
package org.rnn4j.decode.ctc;
