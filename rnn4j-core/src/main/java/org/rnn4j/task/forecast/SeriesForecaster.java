package org.rnn4j.task.forecast;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rnn4j.data.Features;
import org.rnn4j.data.format.TimeSeries;
import org.rnn4j.data.format.TimeSeriesFiles;
import org.rnn4j.task.Prediction;
import org.rnn4j.task.TaskModel;
import org.rnn4j.task.TaskOptions;

/**
 * A trained forecaster ready for use: raw values of a series in, raw forecasts out; the log,
 * differencing and normalisation the model was trained with happen inside.
 *
 * <pre>{@code
 * SeriesForecaster sales = SeriesForecaster.load(Path.of("sales.safetensors"));
 * Features next = sales.forecast(history, 12);   // history (T, F) → forecast (12, F)
 * sales.names();                                  // the F value names, in the order of F
 * }</pre>
 *
 * <p>Immutable and thread-safe: the forecaster inside stays in evaluation mode, is never
 * exposed, and every call works on its own arrays. Histories are forecast {@value #BATCH} at a
 * time, each recursive step of the model one batch; a history's forecast does not depend on the
 * others in its call.
 */
public final class SeriesForecaster implements TaskModel, ForecastMethod {
  static final int BATCH = 64;
  private final Forecaster model;

  private SeriesForecaster(Forecaster model) {
    model.eval();
    model.freeze(); // weights fixed: every product reuses one packing of them
    this.model = model;
  }

  /**
   * Loads a forecaster with its preprocessing.
   *
   * @param file a model file of the forecast family
   * @return the forecaster
   * @throws org.rnn4j.io.ModelFormatException if the file is not a forecaster
   * @throws IOException if it cannot be read
   */
  public static SeriesForecaster load(Path file) throws IOException {
    return new SeriesForecaster(Forecaster.load(file).model());
  }

  @Override
  public ForecasterConfig config() {
    return model.config();
  }

  /** The names of the F values of each step, in the order histories and forecasts hold them. */
  public List<String> names() {
    return model.config().names();
  }

  /** N, the number of steps the model was trained to forecast (its default horizon). */
  public int horizon() {
    return model.config().horizon();
  }

  /** m, the season length of the seasonal-naive baseline the model is compared with. */
  public int season() {
    return model.config().season();
  }

  /**
   * Forecasts the steps after a history.
   *
   * @param history x (T, F) raw values, T &gt; d (the differencing lag); the model reads its
   *     last W steps after differencing, or all of them when there are fewer
   * @param steps N ≥ 1, steps to forecast
   * @return x̂ (N, F) raw forecasts of the steps T … T+N−1
   * @throws IllegalArgumentException if the history is too short, has the wrong F or, with the
   *     log transform, holds a value ≤ 0
   */
  @Override
  public Features forecast(Features history, int steps) {
    return model.forecast(List.of(history), steps).get(0);
  }

  /**
   * Forecasts the steps after each of several histories.
   *
   * @param histories raw histories x (T_b, F) of any lengths T_b &gt; d
   * @param steps N ≥ 1, steps to forecast after each
   * @return one forecast x̂ (N, F) per history, in order
   * @throws IllegalArgumentException naming the first history that does not fit the model
   */
  public List<Features> forecast(List<Features> histories, int steps) {
    List<Features> out = new ArrayList<>(histories.size());
    for (int from = 0; from < histories.size(); from += BATCH) {
      int to = Math.min(from + BATCH, histories.size());
      try {
        out.addAll(model.forecast(histories.subList(from, to), steps));
      } catch (IllegalArgumentException e) {
        if (from == 0 && to == histories.size()) {
          throw e; // one batch: the message already says which history
        }
        throw new IllegalArgumentException("in the batch of histories " + from + " to "
            + (to - 1) + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /**
   * The model's forecast of held-out steps from the history before them, scored beside the
   * seasonal-naive forecast of the model's season and the naive forecast.
   *
   * @param what what is forecast, for the report (e.g. "data.csv: the last 12 steps")
   * @param holdout the history and the held-out actual values
   * @return the scores
   * @throws IllegalArgumentException if the history does not fit the model
   */
  public ForecastEvaluation evaluate(String what, Holdout holdout) {
    return ForecastEvaluation.of(what, holdout, forecast(holdout.history(), holdout.steps()),
        season());
  }

  /**
   * Holds out the last N steps of a series file (N = the model's horizon), forecasts them from
   * the steps before them and scores the forecast beside the baselines. The file has the model's
   * value columns ({@link #names()}), with a header.
   *
   * @param data the series, csv or tsv ({@code --format}, else by the file's extension)
   * @param options the family's eval options
   * @return the scores
   * @throws IOException if the file cannot be read; a bad value is named by line and column
   * @throws IllegalArgumentException if the series is too short or does not fit the model
   */
  @Override
  public ForecastEvaluation evaluate(Path data, TaskOptions options) throws IOException {
    ForecasterConfig c = model.config();
    TimeSeries series = TimeSeriesFiles.read(data, options.get(ForecastFamily.FORMAT),
        Optional.empty(), c.names());
    requireValuesFit(data, series);
    int n = c.horizon();
    if (n >= series.length()) {
      throw new IllegalArgumentException(data + ": holding out the model's horizon of " + n
          + " steps leaves no history of the " + series.length() + " steps");
    }
    requireFullWindow(data + ": the history before the last " + n + " steps (the model's"
        + " horizon)", series.length() - n);
    Holdout holdout = Holdout.of(series.values(), n);
    try {
      return evaluate(data + ": the last " + n + " steps (the model's horizon; rnn4j forecast"
          + " --holdout N scores another)", holdout);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(data + ": " + e.getMessage(), e);
    }
  }

  /**
   * W + d: the fewest raw steps that fill the model's window of W steps after differencing at
   * lag d. {@link #forecast} also takes shorter histories (the model then reads fewer steps than
   * it was trained on); the command line asks for a full window.
   */
  public int fullWindow() {
    ForecasterConfig c = model.config();
    return c.window() + c.transform().lag();
  }

  /**
   * Checks that a history fills the model's window.
   *
   * @param what the history, for the message (e.g. "sales.csv")
   * @param steps its length T
   * @throws IllegalArgumentException naming the expected and the actual length when T &lt; W + d
   */
  public void requireFullWindow(String what, int steps) {
    ForecasterConfig c = model.config();
    if (steps < fullWindow()) {
      throw new IllegalArgumentException(what + " is shorter than the model's window: expected"
          + " at least " + fullWindow() + " steps (--window " + c.window()
          + (c.transform().lag() > 0 ? " plus " + c.transform().lag() + " for differencing at"
          + " lag " + c.transform().lag() : "") + "), got " + steps);
    }
  }

  /**
   * Checks that a series suits the model's transform: every value positive for its log, at
   * least 0 for its log1p.
   *
   * @param data the file, for the message
   * @param series its values
   * @throws org.rnn4j.data.DataFormatException naming the record and column of the first value
   *     that does not
   */
  public void requireValuesFit(Path data, TimeSeries series) throws IOException {
    SeriesTransform t = model.config().transform();
    if (t.log()) {
      TimeSeriesFiles.requirePositive(data, series, "the model's log transform");
    }
    if (t.log1p()) {
      TimeSeriesFiles.requireNonNegative(data, series, "the model's log1p transform");
    }
  }

  /**
   * Forecast models read series, not lines of text.
   *
   * @throws IllegalArgumentException always, naming the command that forecasts
   */
  @Override
  public List<? extends Prediction> predict(List<String> inputs, TaskOptions options) {
    throw new IllegalArgumentException("forecast models do not predict from lines of text; use"
        + " rnn4j forecast --model MODEL --data SERIES.csv (from Java: SeriesForecaster.forecast)");
  }
}
