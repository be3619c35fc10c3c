package org.rnn4j.task.forecast;

import static org.rnn4j.task.TaskOption.Use.EVAL;
import static org.rnn4j.task.TaskOption.Use.TRAIN;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.rnn4j.data.ForecastExample;
import org.rnn4j.data.format.TimeSeries;
import org.rnn4j.data.format.TimeSeriesFiles;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.AbstractTaskFamily;
import org.rnn4j.task.CommonOptions;
import org.rnn4j.task.StartingModel;
import org.rnn4j.task.TaskOption;
import org.rnn4j.task.TaskOptionException;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.task.TrainingJob;
import org.rnn4j.train.TrainingResult;
import org.rnn4j.train.ValidationMetric;

/**
 * The forecast family: a {@link Forecaster} trained on a time-series CSV or TSV, loaded for use
 * as a {@link SeriesForecaster}.
 *
 * <p>Training holds out the last part of the series for validation (in time order, never
 * shuffled across the split), fits the normaliser on the rest, trains on sliding windows of W
 * steps predicting S (1, or N with {@code --direct}), and afterwards forecasts the validation tail
 * from the steps before it beside the naive baselines, on the job's log.
 */
public final class ForecastFamily extends AbstractTaskFamily {
  static final TaskOption FORMAT = TaskOption.value("format", "FORMAT",
      "csv or tsv (default: tsv for a .tsv file, else csv).", null, TRAIN, EVAL);
  static final TaskOption VALUE = TaskOption.value("value", "COLUMN",
      "The value column(s), by name or index, comma-separated for a multivariate series.",
      "value", TRAIN);
  static final TaskOption TIME = TaskOption.value("time", "COLUMN",
      "The time-stamp column, if the file has one.", null, TRAIN);
  static final TaskOption WINDOW = TaskOption.value("window", "W",
      "Past steps the model reads.", "12", TRAIN);
  static final TaskOption HORIZON = TaskOption.value("horizon", "N",
      "Steps to forecast, stored as the model's default.", "1", TRAIN);
  static final TaskOption SEASON = TaskOption.value("season", "M",
      "Season length m of the seasonal-naive baseline, e.g. 12 for monthly data (1: none).", "1",
      TRAIN);
  static final TaskOption LOG = TaskOption.flag("log",
      "Model the natural log of the values (for positive series whose swings grow with their"
          + " level).", TRAIN);
  static final TaskOption LOG1P = TaskOption.flag("log1p",
      "Model log(1 + x) of the values, inverted on output (for counts and amounts that may be 0;"
          + " values must not be negative).", TRAIN);
  static final TaskOption DIFFERENCE = TaskOption.value("difference", "LAG",
      "Model the change over LAG steps, e.g. 1 to remove a trend, the season length to remove a"
          + " season too (0: none).", "0", TRAIN);
  static final TaskOption DIRECT = TaskOption.flag("direct",
      "Predict all --horizon steps at once instead of one step fed back --horizon times.", TRAIN);

  public ForecastFamily() {
    super(ForecasterConfig.TASK, "a forecaster over a time-series CSV or TSV (--value, --time,"
            + " --window, --horizon, --season, --log, --log1p, --difference, --direct); the last"
            + " --validation part validates.",
        options(List.of(FORMAT, VALUE, TIME, WINDOW, HORIZON, SEASON, LOG, LOG1P, DIFFERENCE,
                DIRECT),
            CommonOptions.RECURRENT_ONE_WAY),
        ForecasterConfig::fromJson, SeriesForecaster::load);
  }

  /** The settings of one training run, read from the options. */
  private record Settings(List<String> values, Optional<String> time, int window, int horizon,
      int season, SeriesTransform transform, boolean direct, RecurrentSpec recurrent) {

    static Settings of(TaskOptions o) {
      if (o.flag(CommonOptions.BIDIRECTIONAL)) {
        throw new TaskOptionException(CommonOptions.BIDIRECTIONAL.flagName() + " does not"
            + " apply to --task forecast: a forecaster reads the past in time order only");
      }
      if (o.flag(LOG) && o.flag(LOG1P)) {
        throw new TaskOptionException(LOG.flagName() + " and " + LOG1P.flagName() + " exclude"
            + " each other: --log for positive values, --log1p for values that may be 0");
      }
      return new Settings(Arrays.asList(o.string(VALUE).split(",")), o.get(TIME),
          o.integer(WINDOW, 1), o.integer(HORIZON, 1), o.integer(SEASON, 1),
          new SeriesTransform(o.flag(LOG), o.flag(LOG1P), o.integer(DIFFERENCE, 0)),
          o.flag(DIRECT), CommonOptions.recurrent(o));
    }

    /**
     * The settings of a trained model a run starts from, after checking that the options given
     * agree with them.
     */
    static Settings of(ForecasterConfig c, TaskOptions o, StartingModel start) {
      start.require(o, VALUE, String.join(",", c.names()));
      start.require(o, TIME, c.time().orElse("(none)"));
      start.require(o, WINDOW, Integer.toString(c.window()));
      start.require(o, HORIZON, Integer.toString(c.horizon()));
      start.require(o, SEASON, Integer.toString(c.season()));
      start.require(o, DIFFERENCE, Integer.toString(c.transform().lag()));
      start.require(o, LOG, Boolean.toString(c.transform().log()));
      start.require(o, LOG1P, Boolean.toString(c.transform().log1p()));
      start.require(o, DIRECT, Boolean.toString(c.outputSteps() > 1));
      start.requireRecurrent(o, c.recurrent());
      return new Settings(c.names(), c.time(), c.window(), c.horizon(), c.season(),
          c.transform(), c.outputSteps() > 1, c.recurrent());
    }

    /** S: the horizon with {@code --direct}, else 1. */
    int outputSteps() {
      return direct ? horizon : 1;
    }
  }

  @Override
  public TrainedModel train(TrainingJob job) throws IOException {
    if (job.validationData().isPresent()) {
      throw new TaskOptionException("--validation-data does not apply to --task forecast: its"
          + " validation is the last part of the series itself (--validation), forecast from the"
          + " history before it");
    }
    Optional<StartingModel> start = StartingModel.of(job, ForecasterConfig.TASK);
    Optional<ForecasterConfig> trained = start.isEmpty() ? Optional.empty()
        : Optional.of(ForecasterConfig.fromJson(start.get().config(), start.get().file()));
    Settings s = start.isPresent() ? Settings.of(trained.get(), job.options(), start.get())
        : Settings.of(job.options());
    Path data = job.data();
    TimeSeries series = TimeSeriesFiles.read(data, job.options().get(FORMAT), s.time(),
        s.values());
    if (s.transform().log()) {
      TimeSeriesFiles.requirePositive(data, series, LOG.flagName());
    }
    if (s.transform().log1p()) {
      TimeSeriesFiles.requireNonNegative(data, series, LOG1P.flagName());
    }
    int validation = (int) Math.round(series.length() * job.validationFraction());
    ForecastData prepared = prepare(data, series, s.transform(), validation,
        trained.map(ForecasterConfig::normaliser));
    List<ForecastExample> train = prepared.trainExamples(s.window(), s.outputSteps());
    List<ForecastExample> tail = prepared.validationExamples(s.window(), s.outputSteps());
    checkEnough(job, series, prepared, train, tail, validation, s);
    ForecasterConfig config = trained.orElseGet(() -> ForecasterConfig.builder(series.names(),
            s.recurrent(), s.window())
        .outputSteps(s.outputSteps()).horizon(s.horizon()).season(s.season())
        .transform(s.transform()).normaliser(prepared.normaliser()).time(s.time()).build());
    Forecaster model = job.build(() -> new Forecaster(config, new SplittableRandom(job.seed())));
    if (start.isPresent()) {
      start.get().copyInto(model);
    }
    announce(job.log(), data, series, validation, train.size(), tail.size(), model,
        start.map(StartingModel::file));
    TrainingResult result = job.fit(new ForecasterObjective(model),
        ForecastData.batches(train, job.batchSize()), ForecastData.batches(tail, job.batchSize()));
    if (validation > 0) {
      model.eval();
      Holdout holdout = Holdout.of(series.values(), validation);
      job.log().print(ForecastEvaluation.of(data + ": the validation tail of " + validation
          + " steps", holdout, holdout.forecast(model), s.season()).report());
      job.log().flush();
    }
    return new TrainedModel(model, config, Optional.empty(), result);
  }

  private static ForecastData prepare(Path data, TimeSeries series, SeriesTransform transform,
      int validation, Optional<Normaliser> normaliser) {
    try {
      return normaliser.isPresent()
          ? ForecastData.prepare(series.values(), transform, validation, normaliser.get())
          : ForecastData.prepare(series.values(), transform, validation);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(data + ": " + e.getMessage()
          + " (check --difference and --validation)", e);
    }
  }

  private static void checkEnough(TrainingJob job, TimeSeries series, ForecastData prepared,
      List<ForecastExample> train, List<ForecastExample> tail, int validation, Settings s) {
    if (train.isEmpty()) {
      throw new IllegalArgumentException(job.data() + ": " + series.length() + " steps leave "
          + prepared.trainEnd() + " for training after differencing at lag "
          + s.transform().lag() + " and holding out " + validation + " for validation, too few"
          + " for one window of --window " + s.window() + " plus " + s.outputSteps()
          + " step(s) to predict");
    }
    if (validation > 0 && tail.isEmpty()) {
      throw new IllegalArgumentException(job.data() + ": --validation "
          + job.validationFraction() + " holds out " + validation + " steps, fewer than the "
          + s.outputSteps() + " one validation example predicts; raise --validation or set it"
          + " to 0");
    }
  }

  private static void announce(PrintWriter log, Path data, TimeSeries series, int validation,
      int trainWindows, int tailWindows, Forecaster model, Optional<Path> startedFrom) {
    ForecasterConfig c = model.config();
    log.printf(Locale.ROOT, "training a %s forecaster of %s on %s: %,d steps, the last %,d for"
            + " validation; %,d training and %,d validation windows of %d steps predicting %d;"
            + " %s; %,d parameters%n", c.recurrent().cell(), c.names(), data, series.length(),
        validation, trainWindows, tailWindows, c.window(), c.outputSteps(),
        describe(c.transform(), startedFrom), model.parameterCount());
    log.flush();
  }

  private static String describe(SeriesTransform t, Optional<Path> startedFrom) {
    String diff = t.lag() == 0 ? "no differencing" : "differencing at lag " + t.lag();
    return (t.log() ? "log, " : t.log1p() ? "log1p, " : "") + diff + startedFrom.map(m ->
        ", normalised with the mean and std of " + m).orElse(
        ", normalised with the training part's mean and std");
  }

  @Override
  public List<ValidationMetric> validationMetrics() {
    return List.of(ValidationMetric.lower("loss", "the mean squared error of the scaled values"),
        ValidationMetric.lower("mae", "the mean absolute error of the scaled values"),
        ValidationMetric.lower("rmse", "the root of the mean squared error of the scaled values"));
  }
}
