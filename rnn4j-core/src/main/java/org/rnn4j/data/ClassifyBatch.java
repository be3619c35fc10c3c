package org.rnn4j.data;

/**
 * A batch of sequence → label examples.
 *
 * @param inputs (B, T) ids or (B, T, F) features, with lengths
 * @param labels (B) class ids
 * @param indices (B) the position of each example in the list it came from
 */
public record ClassifyBatch(Padded inputs, int[] labels, int[] indices) {}
