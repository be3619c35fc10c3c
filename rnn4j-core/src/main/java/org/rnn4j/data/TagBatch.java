package org.rnn4j.data;

/**
 * A batch of sequence → equal-length sequence examples (tagging, language modelling).
 *
 * @param inputs (B, T) ids or (B, T, F) features, with lengths
 * @param targets (B, T) row-major target ids; {@link Collate#IGNORE_INDEX} on padded steps
 * @param indices (B) the position of each example in the list it came from (for a stream, the
 *     batch's row)
 */
public record TagBatch(Padded inputs, int[] targets, int[] indices) {}
