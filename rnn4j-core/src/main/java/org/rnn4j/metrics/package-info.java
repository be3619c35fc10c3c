/**
 * Evaluation metrics computed from gold and predicted labels: accuracy, per-class precision,
 * recall and F1, macro-F1 and the confusion matrix ({@link org.rnn4j.metrics.ConfusionMatrix}),
 * and entity-level precision, recall and F1 over BIO tag sequences computed as the CoNLL
 * {@code conlleval} script does ({@link org.rnn4j.metrics.EntityScore}); and the errors of
 * numeric forecasts, MAE, RMSE and MAPE ({@link org.rnn4j.metrics.ForecastErrors}). Belongs here:
 * counting and the formulas. Does not belong here: losses ({@code loss}) or models ({@code task}).
 */
package org.rnn4j.metrics;
