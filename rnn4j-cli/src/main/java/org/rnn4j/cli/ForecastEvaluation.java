package org.rnn4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.rnn4j.data.format.TimeSeries;
import org.rnn4j.task.forecast.Forecaster;
import org.rnn4j.task.forecast.ForecasterConfig;
import org.rnn4j.task.forecast.Holdout;

/**
 * {@code rnn4j eval} on a forecast model: the last H steps of the series (H = the model's
 * horizon) are forecast from the steps before them and scored beside the baselines.
 */
final class ForecastEvaluation {
  private ForecastEvaluation() {}

  /**
   * @param out where to print
   * @param model the forecast model file
   * @param data the series, with the model's value columns
   * @param format csv, tsv or null (by extension)
   */
  static void print(PrintWriter out, Path model, Path data, String format) throws IOException {
    Forecaster forecaster = ForecastModels.load(model);
    ForecasterConfig c = forecaster.config();
    TimeSeries series = SeriesFiles.read(data, format, Optional.empty(), c.names());
    if (c.transform().log()) {
      SeriesFiles.requirePositive(data, series, "the model's log transform");
    }
    int h = c.horizon();
    if (h >= series.length()) {
      throw new IllegalArgumentException(data + ": holding out the model's horizon of " + h
          + " steps leaves no history of the " + series.length() + " steps");
    }
    Holdout holdout = Holdout.of(series.values(), h);
    ForecastReport.print(out, data + ": the last " + h + " steps (the model's horizon; rnn4j"
        + " forecast --holdout N scores another)", holdout,
        ForecastModels.forecast(forecaster, holdout.history(), h, data), c.season());
  }
}
