package org.rnn4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.rnn4j.data.ForecastExample;
import org.rnn4j.data.Split;
import org.rnn4j.data.format.TimeSeries;
import org.rnn4j.io.ModelFile;
import org.rnn4j.task.forecast.ForecastData;
import org.rnn4j.task.forecast.Forecaster;
import org.rnn4j.task.forecast.ForecasterConfig;
import org.rnn4j.task.forecast.ForecasterObjective;
import org.rnn4j.task.forecast.Holdout;
import org.rnn4j.task.forecast.SeriesTransform;
import org.rnn4j.train.TrainingResult;

/**
 * {@code rnn4j train --task forecast}: reads a time-series CSV, holds out its last part for
 * validation (in time order, never shuffled across the split), fits the normaliser on the rest,
 * trains a {@link Forecaster} on sliding windows with {@link TrainCommand}'s common options, saves
 * it and forecasts the validation tail beside the naive baselines.
 */
final class ForecastTraining {
  private final TrainCommand command;
  private final ForecastOptions options;

  /** @param command the parsed command line, with its {@link ForecastOptions} */
  ForecastTraining(TrainCommand command) {
    this.command = command;
    this.options = command.forecast;
  }

  TrainingResult train() throws IOException {
    TimeSeries series = SeriesFiles.read(command.data, command.format, options.timeColumn(),
        options.values);
    if (options.log) {
      SeriesFiles.requirePositive(command.data, series, "--log");
    }
    int validation = (int) Math.round(series.length() * command.validation);
    SeriesTransform transform = new SeriesTransform(options.log, options.difference);
    int outputSteps = options.direct ? options.horizon : 1;
    ForecastData data = prepare(series, transform, validation);
    List<ForecastExample> train = data.trainExamples(options.window, outputSteps);
    List<ForecastExample> tail = data.validationExamples(options.window, outputSteps);
    checkEnough(series, data, train, tail, validation, outputSteps);
    Forecaster model = new Forecaster(ForecasterConfig.builder(series.names(),
            command.cellKind(), command.hidden, options.window).layers(command.layers)
        .dropout(command.dropout).outputSteps(outputSteps).horizon(options.horizon)
        .season(options.season).transform(transform).normaliser(data.normaliser()).build(),
        new SplittableRandom(command.seed));
    announce(series, validation, train.size(), tail.size(), model);
    TrainingResult result = command.fit(new ForecasterObjective(model), model.parameters(),
        ForecastData.batches(train, command.batch),
        ForecastData.batches(tail, command.batch),
        new Split<>(train, tail, List.of()));
    model.save(command.out, ModelFile.Provenance.now(command.seed,
        TrainCommand.sha256(command.data)));
    if (validation > 0) {
      Holdout holdout = Holdout.of(series.values(), validation);
      ForecastReport.print(command.spec.commandLine().getOut(), command.data
          + ": the validation tail of " + validation + " steps", holdout,
          holdout.forecast(model), options.season);
    }
    return result;
  }

  private ForecastData prepare(TimeSeries series, SeriesTransform transform, int validation) {
    try {
      return ForecastData.prepare(series.values(), transform, validation);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(command.data + ": " + e.getMessage()
          + " (check --difference and --validation)", e);
    }
  }

  private void checkEnough(TimeSeries series, ForecastData data, List<ForecastExample> train,
      List<ForecastExample> tail, int validation, int outputSteps) {
    if (train.isEmpty()) {
      throw new IllegalArgumentException(command.data + ": " + series.length() + " steps leave "
          + data.trainEnd() + " for training after differencing at lag " + options.difference
          + " and holding out " + validation + " for validation, too few for one window of"
          + " --window " + options.window + " plus " + outputSteps + " step(s) to predict");
    }
    if (validation > 0 && tail.isEmpty()) {
      throw new IllegalArgumentException(command.data + ": --validation " + command.validation
          + " holds out " + validation + " steps, fewer than the " + outputSteps
          + " one validation example predicts; raise --validation or set it to 0");
    }
  }

  private void announce(TimeSeries series, int validation, int trainWindows, int tailWindows,
      Forecaster model) {
    PrintWriter log = command.spec.commandLine().getOut();
    ForecasterConfig c = model.config();
    log.printf(Locale.ROOT, "training a %s forecaster of %s on %s: %,d steps, the last %,d for"
            + " validation; %,d training and %,d validation windows of %d steps predicting %d;"
            + " %s; %,d parameters%n", c.cell(), c.names(), command.data, series.length(),
        validation, trainWindows, tailWindows, c.window(), c.outputSteps(),
        describe(c.transform()), model.parameterCount());
    log.flush();
  }

  private static String describe(SeriesTransform t) {
    String diff = t.lag() == 0 ? "no differencing" : "differencing at lag " + t.lag();
    return (t.log() ? "log, " : "") + diff + ", normalised with the training part's mean and std";
  }
}
