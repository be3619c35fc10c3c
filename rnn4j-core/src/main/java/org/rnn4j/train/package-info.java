/**
 * Training: the {@link org.rnn4j.train.Trainer} loop (seeded shuffling, clipping, validation,
 * early stopping, checkpoints with exact resume, divergence detection), the interfaces it trains
 * through ({@link org.rnn4j.train.Objective}, {@link org.rnn4j.train.BatchSource}), truncated
 * backpropagation through time over long token streams, listeners (progress bar, JSONL
 * metrics log), the shared {@link org.rnn4j.train.TrainingRecipe} with its {@link
 * org.rnn4j.train.Optimization} (optimizer, weight decay, learning-rate schedule), and the
 * validation metrics a run may watch ({@link org.rnn4j.train.ValidationMetric}). Does not belong here: losses ({@code loss}), update rules ({@code optim}), model
 * recipes ({@code task}).
 */
package org.rnn4j.train;
