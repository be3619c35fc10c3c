/**
 * The time-series forecasting task family (sequence → next values): a window of the past W steps
 * of a univariate or multivariate series (F values per step) runs through a stacked RNN/GRU/LSTM
 * and a linear layer predicts the next S steps; longer horizons H are forecast recursively, each
 * prediction fed back as the newest step of the window.
 *
 * <p>Belongs here: the model recipe ({@link org.rnn4j.task.forecast.Forecaster}) and its
 * configuration and model file, the preprocessing that travels with a model (log, differencing,
 * {@link org.rnn4j.task.forecast.Normaliser}), the chronological split and windowing of a series
 * into examples ({@link org.rnn4j.task.forecast.ForecastData}), the training objective and the
 * naive baselines ({@link org.rnn4j.task.forecast.Baselines}). Does not belong here: the error
 * metrics (MAE, RMSE, MAPE are in {@code metrics}), file readers ({@code data.format}), generic
 * layers ({@code nn}).
 *
 * <p>Dimensions: B batch, T history length (at most the window W), F values per step, S steps
 * the model predicts at once, H forecast horizon, d differencing lag, m season length.
 */
package org.rnn4j.task.forecast;
