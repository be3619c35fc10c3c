/**
 * The time-series forecasting task family (sequence → next values): a window of the past W steps
 * of a univariate or multivariate series (F values per step) runs through a stacked
 * unidirectional RNN/GRU/LSTM and a linear layer predicts the next S steps; longer horizons N are
 * forecast recursively, each prediction fed back as the newest step of the window.
 *
 * <p>Belongs here: the model recipe ({@link org.rnn4j.task.forecast.Forecaster}) and its
 * configuration and model file, the preprocessing that travels with a model (log or log1p,
 * differencing, {@link org.rnn4j.task.forecast.Normaliser}), the time stamps that continue a
 * series ({@link org.rnn4j.task.forecast.FutureTimes}), the chronological split and windowing of a series
 * into examples ({@link org.rnn4j.task.forecast.ForecastData}), the training objective, the naive
 * baselines ({@link org.rnn4j.task.forecast.Baselines}) and the scores of a held-out forecast
 * beside them ({@link org.rnn4j.task.forecast.ForecastEvaluation}); the family's entry in the
 * task registry ({@link org.rnn4j.task.forecast.ForecastFamily}) and the loaded, thread-safe
 * model for use ({@link org.rnn4j.task.forecast.SeriesForecaster}: raw values in, raw forecasts
 * out). Does not belong here: the error metrics (MAE, RMSE, MAPE are in {@code metrics}), file
 * readers ({@code data.format}), generic layers ({@code nn}), output formats such as the CSV table
 * and the chart (the command line).
 *
 * <p>Dimensions: B batch, T history length (the model reads at most the window W), F values per
 * step, H hidden units, L layers, S steps the model predicts at once, N forecast horizon (steps
 * ahead), d differencing lag, m season length.
 */
package org.rnn4j.task.forecast;
