package org.rnn4j.task.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.rnn4j.io.ConfigJson;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.TaskConfig;

/**
 * The shape of a {@link Forecaster}, with the preprocessing fitted for its series, so that a
 * loaded model reads and forecasts raw values.
 *
 * @param names (F) the names of the values of each step (the CSV columns)
 * @param recurrent the recurrent layer: cell, H, L and the dropout used between layers and before
 *     the output layer; unidirectional, since a forecaster reads the past in time order only
 * @param window W, the most past steps the model reads (the training windows' length)
 * @param outputSteps S, steps predicted by one call: 1 for one-step forecasts fed back for longer
 *     horizons (recursive), the horizon for direct multi-output forecasts
 * @param horizon N, the default number of steps to forecast
 * @param season m, the season length of the seasonal-naive baseline; 1 when the series has none
 * @param transform log (or log1p) and differencing, applied before the normaliser
 * @param normaliser the per-feature statistics fitted on the training part
 * @param time the name of the series' time-stamp column, when it had one
 */
public record ForecasterConfig(
    List<String> names, RecurrentSpec recurrent, int window, int outputSteps, int horizon,
    int season, SeriesTransform transform, Normaliser normaliser, Optional<String> time)
    implements TaskConfig {

  /** The task name in model files. */
  public static final String TASK = "forecast";
  public static final int DEFAULT_OUTPUT_STEPS = 1;
  public static final int DEFAULT_HORIZON = 1;
  public static final int DEFAULT_SEASON = 1;

  /** Checks every setting; copies the names. */
  public ForecasterConfig {
    if (names == null || names.isEmpty() || new HashSet<>(names).size() != names.size()) {
      throw new IllegalArgumentException("names must name F ≥ 1 distinct values, got " + names);
    }
    if (recurrent == null || transform == null || normaliser == null || time == null) {
      throw new IllegalArgumentException("recurrent, transform, normaliser and time (perhaps"
          + " empty) must be given");
    }
    if (time.isPresent() && (time.get().isEmpty() || names.contains(time.get()))) {
      throw new IllegalArgumentException("the time column must be named and not be a value"
          + " column, got \"" + time.get() + "\" with values " + names);
    }
    if (recurrent.bidirectional()) {
      throw new IllegalArgumentException("a forecaster reads the past in time order only: its"
          + " recurrent layer must be unidirectional, got bidirectional " + recurrent);
    }
    positive("window", window);
    positive("outputSteps", outputSteps);
    positive("horizon", horizon);
    positive("season", season);
    if (normaliser.features() != names.size()) {
      throw new IllegalArgumentException("the normaliser must have one entry per value: expected "
          + names.size() + ", got " + normaliser.features());
    }
    names = List.copyOf(names);
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }

  @Override
  public String task() {
    return TASK;
  }

  /** F, values per step. */
  public int features() {
    return names.size();
  }

  /**
   * A builder with one output step, horizon 1, no season, no transform and the identity
   * normaliser.
   *
   * @param names the value names (F)
   * @param recurrent the recurrent layer, unidirectional
   * @param window W
   * @return the builder
   */
  public static Builder builder(List<String> names, RecurrentSpec recurrent, int window) {
    return new Builder(names, recurrent, window);
  }

  /** A builder with this configuration's settings, to change a few. */
  public Builder toBuilder() {
    return new Builder(names, recurrent, window).outputSteps(outputSteps).horizon(horizon)
        .season(season).transform(transform).normaliser(normaliser).time(time);
  }

  /** Builds a {@link ForecasterConfig}. */
  public static final class Builder {
    private final List<String> names;
    private final RecurrentSpec recurrent;
    private final int window;
    private int outputSteps = DEFAULT_OUTPUT_STEPS;
    private int horizon = DEFAULT_HORIZON;
    private int season = DEFAULT_SEASON;
    private SeriesTransform transform = SeriesTransform.NONE;
    private Normaliser normaliser;
    private Optional<String> time = Optional.empty();

    private Builder(List<String> names, RecurrentSpec recurrent, int window) {
      this.names = names;
      this.recurrent = recurrent;
      this.window = window;
    }

    /** @param value S, steps per call (1: recursive; the horizon: direct multi-output) */
    public Builder outputSteps(int value) {
      outputSteps = value;
      return this;
    }

    /** @param value N, the default forecast horizon */
    public Builder horizon(int value) {
      horizon = value;
      return this;
    }

    /** @param value m, the season length (1: none) */
    public Builder season(int value) {
      season = value;
      return this;
    }

    /** @param value log and differencing */
    public Builder transform(SeriesTransform value) {
      transform = value;
      return this;
    }

    /** @param value the fitted normaliser */
    public Builder normaliser(Normaliser value) {
      normaliser = value;
      return this;
    }

    /** @param value the time-stamp column's name, if the series has one */
    public Builder time(Optional<String> value) {
      time = value;
      return this;
    }

    /**
     * @return the configuration
     * @throws IllegalArgumentException naming the bad setting
     */
    public ForecasterConfig build() {
      return new ForecasterConfig(names, recurrent, window, outputSteps, horizon, season,
          transform,
          normaliser != null ? normaliser : Normaliser.identity(names == null ? 1 : names.size()),
          time);
    }
  }

  /**
   * The configuration as stored in a model file's {@code config} metadata: {@code task}, {@code
   * names}, the recurrent fields without {@code bidirectional} ({@code cell}, {@code hidden_size},
   * {@code layers}, {@code dropout}), {@code window}, {@code output_steps}, {@code horizon},
   * {@code season}, {@code log}, {@code log1p}, {@code difference_lag}, {@code mean}, {@code
   * std}, and {@code time} when the series had a time column.
   */
  @Override
  public JsonNode toJson() {
    ObjectNode json = new ObjectMapper().createObjectNode().put("task", TASK);
    ArrayNode n = json.putArray("names");
    names.forEach(n::add);
    json.put("cell", recurrent.cell().name()).put("hidden_size", recurrent.hiddenSize())
        .put("layers", recurrent.layers()).put("dropout", recurrent.dropout())
        .put("window", window).put("output_steps", outputSteps).put("horizon", horizon)
        .put("season", season).put("log", transform.log()).put("log1p", transform.log1p())
        .put("difference_lag", transform.lag());
    ArrayNode mean = json.putArray("mean");
    ArrayNode std = json.putArray("std");
    for (int j = 0; j < normaliser.features(); j++) {
      mean.add(normaliser.mean()[j]);
      std.add(normaliser.std()[j]);
    }
    time.ifPresent(t -> json.put("time", t));
    return json;
  }

  /**
   * Reads a configuration written by {@link #toJson()}.
   *
   * @param json the {@code config} object
   * @param file for messages
   * @return the configuration
   * @throws ModelFormatException naming the field that is missing or wrong
   */
  public static ForecasterConfig fromJson(JsonNode json, Path file) throws ModelFormatException {
    ConfigJson.requireTask(json, TASK, "a forecaster", file);
    RecurrentSpec recurrent = RecurrentSpec.fromJson(json, file);
    try {
      SeriesTransform transform = new SeriesTransform(json.path("log").asBoolean(false),
          json.path("log1p").asBoolean(false), ConfigJson.integer(json, "difference_lag", file));
      JsonNode time = json.get("time");
      if (time != null && !time.isTextual()) {
        throw new ModelFormatException(file + ": config time must be the name of the time"
            + " column, got " + time);
      }
      Normaliser normaliser = new Normaliser(numbers(json, "mean", file),
          numbers(json, "std", file));
      return new ForecasterConfig(ConfigJson.strings(json, "names", "value names", file),
          recurrent, ConfigJson.integer(json, "window", file),
          ConfigJson.integer(json, "output_steps", file), ConfigJson.integer(json, "horizon", file),
          ConfigJson.integer(json, "season", file), transform, normaliser,
          Optional.ofNullable(time).map(JsonNode::textValue));
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file + ": bad forecaster config " + json + ": "
          + e.getMessage(), e);
    }
  }

  private static double[] numbers(JsonNode json, String name, Path file)
      throws ModelFormatException {
    JsonNode v = json.get(name);
    if (v == null || !v.isArray()) {
      throw new ModelFormatException(file + ": config " + name + " must be an array of numbers,"
          + " got " + (v == null ? "nothing" : v));
    }
    double[] out = new double[v.size()];
    for (int i = 0; i < out.length; i++) {
      if (!v.get(i).isNumber()) {
        throw new ModelFormatException(file + ": config " + name + " must hold numbers, got "
            + v.get(i));
      }
      out[i] = v.get(i).asDouble();
    }
    return out;
  }
}
