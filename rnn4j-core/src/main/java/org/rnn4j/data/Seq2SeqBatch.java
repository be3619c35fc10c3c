package org.rnn4j.data;

/**
 * A batch of sequence → sequence examples for an encoder–decoder trained with teacher forcing.
 * For a target y₁…yₙ the decoder reads {@code <bos>} y₁…yₙ and must predict y₁…yₙ {@code <eos>}.
 *
 * @param source (B, Tx) ids or (B, Tx, F) features, with lengths: the encoder's input
 * @param decoderInputs (B, Ty) ids: {@code <bos>} then the target, padded with the target
 *     vocabulary's {@code <pad>}; lengths n+1
 * @param decoderTargets (B, Ty) row-major: the target then {@code <eos>}, {@link
 *     Collate#IGNORE_INDEX} on padded steps
 * @param indices (B) the position of each example in the list it came from
 */
public record Seq2SeqBatch(
    Padded source, PaddedIds decoderInputs, int[] decoderTargets, int[] indices) {}
