package org.rnn4j.spark.train;

import java.io.Serializable;

/**
 * One training row as it stays cached in its partition: the text's token ids and the class id.
 *
 * @param ids (T) token ids, at least one
 * @param label the class id
 */
record Encoded(int[] ids, int label) implements Serializable {}
