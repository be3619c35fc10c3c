package org.rnn4j.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options of {@code rnn4j train --task forecast} (a picocli mixin of {@link TrainCommand}). */
final class ForecastOptions {
  @Option(names = "--value", split = ",", paramLabel = "COLUMN",
      description = "forecast: the value column(s), by name or index, comma-separated for a"
          + " multivariate series (default: value).")
  List<String> values = List.of("value");

  @Option(names = "--time", paramLabel = "COLUMN",
      description = "forecast: the time-stamp column, if the file has one.")
  String time;

  @Option(names = "--window", defaultValue = "12",
      description = "forecast: past steps the model reads (default: ${DEFAULT-VALUE}).")
  int window;

  @Option(names = "--horizon", defaultValue = "1",
      description = "forecast: steps to forecast, stored as the model's default (default:"
          + " ${DEFAULT-VALUE}).")
  int horizon;

  @Option(names = "--season", defaultValue = "1",
      description = "forecast: season length m of the seasonal-naive baseline, e.g. 12 for"
          + " monthly data (default: ${DEFAULT-VALUE}, none).")
  int season;

  @Option(names = "--log", description = "forecast: model the natural log of the values (for"
      + " positive series whose swings grow with their level).")
  boolean log;

  @Option(names = "--difference", defaultValue = "0", paramLabel = "LAG",
      description = "forecast: model the change over LAG steps, e.g. 1 to remove a trend, the"
          + " season length to remove a season too (default: ${DEFAULT-VALUE}, none).")
  int difference;

  @Option(names = "--direct", description = "forecast: predict all --horizon steps at once"
      + " instead of one step fed back --horizon times.")
  boolean direct;

  Optional<String> timeColumn() {
    return Optional.ofNullable(time);
  }
}
