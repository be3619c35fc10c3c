package org.rnn4j.data;

import org.rnn4j.tensor.Tensor;

/**
 * A batch of sequence → next values examples.
 *
 * @param history (B, T, F) the observed steps, with lengths
 * @param future (B, N, F) the values to predict
 * @param indices (B) the position of each example in the list it came from
 */
public record ForecastBatch(PaddedFeatures history, Tensor future, int[] indices) {}
