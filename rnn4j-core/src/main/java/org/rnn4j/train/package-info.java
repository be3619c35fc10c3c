/**
 * Training: the {@link org.rnn4j.train.Trainer} loop (seeded shuffling, clipping, validation,
 * early stopping, checkpoints with exact resume, divergence detection), the interfaces it trains
 * through ({@link org.rnn4j.train.Objective}, {@link org.rnn4j.train.BatchSource}), truncated
 * backpropagation through time over long token streams, and listeners (progress bar, JSONL
 * metrics log). Does not belong here: losses ({@code loss}), update rules ({@code optim}), model
 * recipes ({@code task}).
 */
package org.rnn4j.train;
