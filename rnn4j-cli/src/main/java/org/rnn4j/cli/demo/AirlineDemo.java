package org.rnn4j.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.rnn4j.cli.chart.ForecastChart;
import org.rnn4j.data.Features;
import org.rnn4j.data.format.TimeSeries;
import org.rnn4j.datasets.AirPassengers;
import org.rnn4j.datasets.DataCache;
import org.rnn4j.metrics.ForecastScore;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.forecast.Baselines;
import org.rnn4j.task.forecast.ForecastData;
import org.rnn4j.task.forecast.Forecaster;
import org.rnn4j.task.forecast.ForecasterConfig;
import org.rnn4j.task.forecast.ForecasterObjective;
import org.rnn4j.task.forecast.Holdout;
import org.rnn4j.task.forecast.SeriesTransform;
import org.rnn4j.train.EarlyStopping;
import org.rnn4j.train.TrainingRecipe;

/**
 * The airline passengers of 1949–1960 (Box and Jenkins' series G, {@link AirPassengers}): the
 * last 12 months (1960) are held out and forecast from the 132 before them, beside the
 * seasonal-naive (m = 12: each month of 1960 as in 1959) and naive (December 1959 repeated)
 * forecasts.
 *
 * <p>The series grows and its yearly swing grows with its level, so the model reads the log of
 * the values differenced at lag 1 (the month-on-month growth rate), normalised with the mean and
 * standard deviation of the training months; it must learn the seasonal pattern of those growth
 * rates itself. The last 12 of the 132 months (1959) are the validation tail for early stopping.
 * Each model is a GRU of 16 units over a window of 12 steps that predicts one step; the 12 months
 * are forecast recursively, each prediction fed back. A single model depends much on its seed
 * (test MAPEs between 2.2% and 7.8% were seen), so the forecast is the mean of a small ensemble of
 * models with different seeds; the demo prints every member's score as well. Settings and
 * results: docs/tasks.md.
 */
public final class AirlineDemo {
  private static final int TEST_MONTHS = 12;
  private static final int VALIDATION_MONTHS = 12;
  private static final int SEASON = 12;

  /**
   * The models and their training.
   *
   * @param members models in the ensemble, each with its own seed
   * @param hidden H, GRU units
   * @param window W, past months each model reads
   * @param epochs the most epochs (early stopping may end sooner)
   * @param patience epochs without a better validation loss before stopping
   * @param learningRate Adam's step size
   * @param batch windows per batch
   */
  public record Settings(int members, int hidden, int window, int epochs, int patience,
      double learningRate, int batch) {
    /** The settings of {@code rnn4j demo airline}. */
    public static final Settings DEFAULT = new Settings(5, 16, 12, 300, 20, 0.01, 16);
  }

  /**
   * What the demo measured on the 12 held-out months.
   *
   * @param ensemble the mean forecast of the members
   * @param members each member's forecast
   * @param seasonalNaive the seasonal-naive forecast, m = 12
   * @param naive the naive forecast
   * @param forecast (12, 1) the ensemble's forecast of 1960
   */
  public record Result(ForecastScore ensemble, List<ForecastScore> members,
      ForecastScore seasonalNaive, ForecastScore naive, Features forecast) {}

  private final long seed;
  private final Settings settings;

  /** @param seed seeds the members' seeds (initial weights and batch order) */
  public AirlineDemo(long seed) {
    this(seed, Settings.DEFAULT);
  }

  /**
   * @param seed seeds the members' seeds (initial weights and batch order)
   * @param settings the models and their training
   */
  public AirlineDemo(long seed, Settings settings) {
    this.seed = seed;
    this.settings = settings;
  }

  /**
   * Trains the ensemble on 1949–1959, forecasts 1960, prints the scores beside the baselines and
   * draws the chart.
   *
   * @param out where to print
   * @param chart where to write the PNG of history, forecast, actual and seasonal naive
   * @return the scores
   * @throws IOException if the data set is missing (run data/fetch) or the chart cannot be written
   */
  public Result run(PrintWriter out, Path chart) throws IOException {
    long start = System.nanoTime();
    TimeSeries series = AirPassengers.load(DataCache.locate());
    Holdout test = Holdout.of(series.values(), TEST_MONTHS);
    SeriesTransform transform = new SeriesTransform(true, 1);
    ForecastData data = ForecastData.prepare(test.history(), transform, VALIDATION_MONTHS);
    out.printf(Locale.ROOT, "Airline passengers (thousands per month, %s to %s): %d months to"
            + " train on (the last %d of them validate), %d held out (%s to %s); log, lag-1"
            + " differencing, normalised; an ensemble of %d GRU(%d) forecasters, window %d,"
            + " recursive.%n", series.times().get(0), series.times().get(series.length() - 1),
        test.history().length(), VALIDATION_MONTHS, TEST_MONTHS,
        series.times().get(series.length() - TEST_MONTHS),
        series.times().get(series.length() - 1), settings.members(), settings.hidden(),
        settings.window());
    out.flush();
    SplittableRandom seeds = new SplittableRandom(seed);
    List<Features> forecasts = new ArrayList<>();
    List<ForecastScore> members = new ArrayList<>();
    for (int k = 0; k < settings.members(); k++) {
      Forecaster model = train(data, transform, seeds.nextLong());
      Features f = test.forecast(model);
      forecasts.add(f);
      members.add(test.score(f));
      out.printf(Locale.ROOT, "  member %d: MAPE %.2f%%%n", k + 1,
          members.get(k).mape().getAsDouble());
      out.flush();
    }
    Features mean = mean(forecasts);
    Features seasonal = test.forecast(Baselines.seasonalNaive(SEASON));
    Result r = new Result(test.score(mean), members, test.score(seasonal),
        test.score(test.forecast(Baselines.naive())), mean);
    print(out, r, (System.nanoTime() - start) / 1e9);
    draw(chart, test, mean, seasonal);
    out.println("chart: " + chart.toAbsolutePath());
    out.flush();
    return r;
  }

  private Forecaster train(ForecastData data, SeriesTransform transform, long memberSeed) {
    Forecaster model = new Forecaster(ForecasterConfig.builder(List.of("passengers"),
            RecurrentSpec.of(CellKind.GRU, settings.hidden()), settings.window())
        .horizon(TEST_MONTHS).season(SEASON).transform(transform).normaliser(data.normaliser())
        .build(), new SplittableRandom(memberSeed));
    TrainingRecipe.of(settings.epochs(), memberSeed).withLearningRate(settings.learningRate())
        .withEarlyStopping(EarlyStopping.onLoss(settings.patience()))
        .fit(new ForecasterObjective(model),
            ForecastData.batches(data.trainExamples(settings.window(), 1), settings.batch()),
            Optional.of(ForecastData.batches(data.validationExamples(settings.window(), 1),
                VALIDATION_MONTHS)));
    model.eval();
    return model;
  }

  /** The elementwise mean of forecasts of one shape. */
  static Features mean(List<Features> forecasts) {
    float[] sum = new float[forecasts.get(0).values().length];
    for (Features f : forecasts) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += f.values()[i];
      }
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] /= forecasts.size();
    }
    return new Features(sum, forecasts.get(0).features());
  }

  private void print(PrintWriter out, Result r, double seconds) {
    out.printf(Locale.ROOT, "forecast of the 12 months of 1960 (seed %d, %.1f s):%n", seed,
        seconds);
    out.printf(Locale.ROOT, "  %-34s %8s %8s %8s%n", "", "MAE", "RMSE", "MAPE");
    row(out, "GRU ensemble (mean of " + r.members().size() + ")", r.ensemble());
    row(out, "seasonal naive (m=12)", r.seasonalNaive());
    row(out, "naive", r.naive());
  }

  private static void row(PrintWriter out, String name, ForecastScore s) {
    out.printf(Locale.ROOT, "  %-34s %8.2f %8.2f %7.2f%%%n", name, s.mae(), s.rmse(),
        s.mape().getAsDouble());
  }

  private static void draw(Path png, Holdout test, Features forecast, Features seasonal)
      throws IOException {
    int t = test.history().length();
    new ForecastChart().line("history", 0, test.history().values())
        .line("GRU ensemble forecast", t, forecast.values())
        .line("actual", t, test.actual().values())
        .line("seasonal naive (m=12)", t, seasonal.values())
        .write(png, "Airline passengers: forecast of 1960 from 1949–1959", "month (0 = 1949-01)",
            "passengers (thousands)");
  }
}
