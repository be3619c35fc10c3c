package org.rnn4j.spark.train;

import java.io.Serializable;

/**
 * One training row of the ctc family as it stays cached in its partition: a recording's
 * front-end steps and its transcript's class ids.
 *
 * @param steps (T, F) the front end's steps
 * @param labels (S) class ids in [1, C), 0 being the blank
 */
record Recording(float[][] steps, int[] labels) implements Serializable {}
