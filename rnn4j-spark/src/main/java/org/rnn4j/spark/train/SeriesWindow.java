package org.rnn4j.spark.train;

import java.io.Serializable;

/**
 * One training row of the forecast family as it stays cached in its partition: a window of W
 * steps of a series, transformed and normalised, and the S steps after it.
 *
 * @param history (W, F) row-major
 * @param future (S, F) row-major
 * @param features F, the values of each step
 */
record SeriesWindow(float[] history, float[] future, int features) implements Serializable {}
