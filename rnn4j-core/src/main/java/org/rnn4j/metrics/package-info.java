/**
 * Evaluation metrics computed from gold and predicted labels: accuracy, per-class precision,
 * recall and F1, macro-F1 and the confusion matrix ({@link org.rnn4j.metrics.ConfusionMatrix}),
 * and entity-level precision, recall and F1 over BIO tag sequences computed as the CoNLL
 * {@code conlleval} script does ({@link org.rnn4j.metrics.EntityScore}); for generated
 * sequences, corpus BLEU and chrF as sacrebleu computes them ({@link org.rnn4j.metrics.Bleu},
 * {@link org.rnn4j.metrics.ChrF}), the character
 * error rate ({@link org.rnn4j.metrics.CharacterErrorRate}, over {@link
 * org.rnn4j.metrics.EditDistance}), exact match and token accuracy ({@link
 * org.rnn4j.metrics.SequenceAccuracy}); and the errors of numeric forecasts, MAE, RMSE and MAPE
 * ({@link org.rnn4j.metrics.ForecastErrors}). Belongs here: counting and the formulas. Does not
 * belong here: losses ({@code loss}) or models ({@code task}).
 */
package org.rnn4j.metrics;
