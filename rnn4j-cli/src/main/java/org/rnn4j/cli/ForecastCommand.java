package org.rnn4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rnn4j.cli.chart.ForecastChart;
import org.rnn4j.data.Features;
import org.rnn4j.data.format.TimeSeries;
import org.rnn4j.data.format.TimeSeriesFiles;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.task.TaskFamily;
import org.rnn4j.task.forecast.Baselines;
import org.rnn4j.task.forecast.ForecastEvaluation;
import org.rnn4j.task.forecast.ForecastFamily;
import org.rnn4j.task.forecast.ForecasterConfig;
import org.rnn4j.task.forecast.FutureTimes;
import org.rnn4j.task.forecast.Holdout;
import org.rnn4j.task.forecast.SeriesForecaster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rnn4j forecast}: forecasts the steps after a series with a forecast model ({@link
 * SeriesForecaster}), or, with {@code --holdout N}, its last N steps from those before them,
 * scored beside the seasonal-naive and naive forecasts ({@link ForecastEvaluation}). This command
 * adds the output formats: the CSV table ({@link ForecastCsv}) and the chart.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Forecast the next steps of a time series with a forecast model.",
        "Writes the forecast as CSV (step, time, forecast, actual when held out, seasonal naive)"
            + " to --out or standard output, and a chart of history, forecast and actual values"
            + " to --chart; notes go to standard error.",
        "The history must fill the model's window (--window W steps, plus the differencing"
            + " lag).",
        "With --holdout N the last N steps are forecast from the steps before them and MAE,"
            + " RMSE and MAPE are printed beside the seasonal-naive and naive forecasts."})
final class ForecastCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, paramLabel = "MODEL",
      description = "A model trained with --task forecast.")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "FILE",
      description = "The series: CSV (or TSV) with a header, one observation per row in time"
          + " order, with the model's value columns.")
  Path data;

  @Option(names = "--horizon", paramLabel = "N", description = "N, the steps to forecast"
      + " (default: --holdout, else the model's horizon).")
  Integer horizon;

  @Option(names = "--holdout", paramLabel = "N",
      description = "Hold out the last N steps as actual values and forecast them.")
  Integer holdout;

  @Option(names = "--out", paramLabel = "CSV",
      description = "Write the forecast here (default: standard output; the scores then go to"
          + " standard error).")
  Path out;

  @Option(names = "--chart", paramLabel = "PNG",
      description = "Draw history, forecast, actual values and the seasonal-naive forecast of"
          + " the first value column here.")
  Path chart;

  @Option(names = "--value", split = ",", paramLabel = "COLUMN",
      description = "The value columns in the model's order (default: the model's names).")
  List<String> values;

  @Option(names = "--time", paramLabel = "COLUMN", description = "The time-stamp column (default:"
      + " the model's, when the file has it). The forecast's times continue the column's step"
      + " when it is regular (numbers, yyyy-MM months, yyyy-MM-dd dates, dates with times).")
  String time;

  @Option(names = "--season", paramLabel = "M", description = "m of the seasonal-naive baseline"
      + " (default: the model's).")
  Integer season;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "csv or tsv (default: by extension, else csv).")
  String format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    RunPaths paths = new RunPaths().input("--model", model).input("--data", data);
    if (out != null) {
      paths.output("--out", out);
    }
    if (chart != null) {
      paths.output("--chart", chart);
    }
    paths.check();
    SeriesForecaster forecaster = load();
    ForecasterConfig c = forecaster.config();
    PrintWriter err = spec.commandLine().getErr();
    Optional<String> timeColumn = timeColumn(c);
    TimeSeries series = TimeSeriesFiles.read(data, Optional.ofNullable(format), timeColumn,
        values != null ? values : c.names());
    forecaster.requireValuesFit(data, series);
    int m = season != null ? season : c.season();
    int steps = steps(c);
    int held = holdout == null ? 0 : holdout;
    Optional<Holdout> split = held > 0 ? Optional.of(holdout(series, held)) : Optional.empty();
    Features history = split.map(Holdout::history).orElse(series.values());
    forecaster.requireFullWindow(data + (held > 0 ? ": the history before the last " + held
        + " steps" : ""), history.length());
    Features forecast = forecast(forecaster, history, steps);
    Optional<Features> seasonal = history.length() >= m
        ? Optional.of(Baselines.seasonalNaive(history, steps, m)) : Optional.empty();
    List<String> times = held > 0 ? series.times().subList(history.length(), series.length())
        : futureTimes(series, timeColumn, steps, err);
    ForecastCsv table = new ForecastCsv(series.names(), times, forecast,
        split.map(Holdout::actual), seasonal);
    PrintWriter stdout = spec.commandLine().getOut();
    // the results (the table, else the scores) go to standard output, notes to standard error
    PrintWriter report = out != null ? stdout : err;
    if (out != null) {
      table.write(out);
    } else {
      table.print(stdout);
      stdout.flush();
    }
    if (chart != null) {
      chart(history, forecast, split.map(Holdout::actual), seasonal, m);
    }
    if (split.isPresent()) {
      report.print(ForecastEvaluation.of(data + ": the last " + held + " steps", split.get(),
          forecast, m).report());
    }
    report.flush();
    if (out != null) {
      err.println("forecast: " + out);
    }
    if (chart != null) {
      err.println("chart: " + chart);
    }
    err.flush();
    return 0;
  }

  /**
   * --time, else the model's time column when the file has it (a file without it is forecast
   * with empty times).
   */
  private Optional<String> timeColumn(ForecasterConfig c) throws IOException {
    if (time != null) {
      return Optional.of(time);
    }
    if (c.time().isPresent()
        && TimeSeriesFiles.columns(data, Optional.ofNullable(format)).contains(c.time().get())) {
      return c.time();
    }
    return Optional.empty();
  }

  /**
   * The times of the steps after the series when its time stamps are regular (FutureTimes);
   * else empty, said on standard error.
   */
  private List<String> futureTimes(TimeSeries series, Optional<String> timeColumn, int steps,
      PrintWriter err) {
    if (timeColumn.isEmpty()) {
      return Collections.nCopies(steps, "");
    }
    Optional<List<String>> next = FutureTimes.after(series.times(), steps);
    if (next.isEmpty()) {
      err.println("rnn4j: the time column \"" + timeColumn.get() + "\" of " + data + " does not"
          + " step regularly through numbers, months (yyyy-MM), dates (yyyy-MM-dd) or dates"
          + " with times, so the forecast's times are left empty");
    }
    return next.orElse(Collections.nCopies(steps, ""));
  }

  /** The model, or a clear error when the file holds a model of another family. */
  private SeriesForecaster load() throws IOException {
    TaskFamily family = TaskFamilies.of(model);
    if (!(family instanceof ForecastFamily)) {
      throw new IllegalArgumentException(model + ": this command needs a forecast model (train"
          + " --task forecast), this one is a " + family.name() + " model");
    }
    return SeriesForecaster.load(model);
  }

  /** The forecast of N steps, an error naming the data file when the history does not fit. */
  private Features forecast(SeriesForecaster forecaster, Features history, int steps) {
    try {
      return forecaster.forecast(history, steps);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(data + ": " + e.getMessage(), e);
    }
  }

  /** N: --horizon, else --holdout, else the model's; they must agree when both are given. */
  private int steps(ForecasterConfig c) {
    if (holdout != null && holdout < 1) {
      throw new ParameterException(spec.commandLine(), "--holdout must be at least 1, got " + holdout);
    }
    if (horizon != null && horizon < 1) {
      throw new ParameterException(spec.commandLine(), "--horizon must be at least 1, got " + horizon);
    }
    if (horizon != null && holdout != null && !horizon.equals(holdout)) {
      throw new ParameterException(spec.commandLine(), "--horizon " + horizon + " and --holdout " + holdout
          + " disagree: the held-out steps are the ones forecast, give one of them");
    }
    return horizon != null ? horizon : holdout != null ? holdout : c.horizon();
  }

  private Holdout holdout(TimeSeries series, int held) {
    if (held >= series.length()) {
      throw new IllegalArgumentException(data + ": --holdout " + held + " leaves no history of"
          + " the " + series.length() + " steps");
    }
    return Holdout.of(series.values(), held);
  }

  private void chart(Features history, Features forecast, Optional<Features> actual,
      Optional<Features> seasonal, int m) throws IOException {
    int t = history.length();
    ForecastChart c = new ForecastChart().line("history", 0, column0(history))
        .line("forecast", t, column0(forecast));
    actual.ifPresent(a -> c.line("actual", t, column0(a)));
    seasonal.ifPresent(s -> c.line("seasonal naive (m=" + m + ")", t, column0(s)));
    String name = forecast.features() == 1 ? "" : " (first value column)";
    c.write(chart, "rnn4j forecast: " + model.getFileName() + " on " + data.getFileName() + name,
        "step (0 = first row of " + data.getFileName() + ")", "value");
  }

  private static float[] column0(Features x) {
    float[] v = new float[x.length()];
    for (int t = 0; t < v.length; t++) {
      v[t] = x.get(t, 0);
    }
    return v;
  }
}
