package org.rnn4j.spark.train;

import java.io.Serializable;

/**
 * One training row of a sequence family as it stays cached in its partition: two sequences of
 * ids. For the lm family the inputs and their next tokens (both T long), for the tag family the
 * word ids and tag ids (both T long), for the seq2seq family the source ids (Tx) and target ids
 * (Ty, without {@code <bos>}/{@code <eos>}: the batches add them).
 *
 * @param first (T) or (Tx) ids, at least one
 * @param second (T) or (Ty) ids
 */
record IdPair(int[] first, int[] second) implements Serializable {}
