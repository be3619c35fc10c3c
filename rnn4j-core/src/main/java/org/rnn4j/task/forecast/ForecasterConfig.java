package org.rnn4j.task.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.rnn4j.io.ConfigJson;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.nn.recurrent.CellKind;

/**
 * The shape of a {@link Forecaster}, with the preprocessing fitted for its series, so that a
 * loaded model reads and forecasts raw values.
 *
 * @param names (F) the names of the values of each step (the CSV columns)
 * @param cell the recurrent cell
 * @param hiddenSize H, hidden units per layer
 * @param layers L, stacked recurrent layers
 * @param dropout dropout between recurrent layers and before the output layer while training
 * @param window W, the most past steps the model reads (the training windows' length)
 * @param outputSteps S, steps predicted by one call: 1 for one-step forecasts fed back for longer
 *     horizons (recursive), the horizon for direct multi-output forecasts
 * @param horizon the default number of steps to forecast
 * @param season m, the season length of the seasonal-naive baseline; 1 when the series has none
 * @param transform log and differencing, applied before the normaliser
 * @param normaliser the per-feature statistics fitted on the training part
 */
public record ForecasterConfig(
    List<String> names, CellKind cell, int hiddenSize, int layers, float dropout, int window,
    int outputSteps, int horizon, int season, SeriesTransform transform, Normaliser normaliser) {

  /** The task name in model files. */
  public static final String TASK = "forecast";
  public static final int DEFAULT_LAYERS = 1;
  public static final float DEFAULT_DROPOUT = 0f;
  public static final int DEFAULT_OUTPUT_STEPS = 1;
  public static final int DEFAULT_HORIZON = 1;
  public static final int DEFAULT_SEASON = 1;

  /** Checks every setting; copies the names. */
  public ForecasterConfig {
    if (names == null || names.isEmpty() || new HashSet<>(names).size() != names.size()) {
      throw new IllegalArgumentException("names must name F ≥ 1 distinct values, got " + names);
    }
    if (cell == null || transform == null || normaliser == null) {
      throw new IllegalArgumentException("cell, transform and normaliser must be given");
    }
    positive("hiddenSize", hiddenSize);
    positive("layers", layers);
    positive("window", window);
    positive("outputSteps", outputSteps);
    positive("horizon", horizon);
    positive("season", season);
    if (!(dropout >= 0f && dropout < 1f)) {
      throw new IllegalArgumentException("dropout must lie in [0, 1), got " + dropout);
    }
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

  /** F, values per step. */
  public int features() {
    return names.size();
  }

  /**
   * A builder with one layer, no dropout, one output step, horizon 1, no season, no transform and
   * the identity normaliser.
   *
   * @param names the value names (F)
   * @param cell the recurrent cell
   * @param hiddenSize H
   * @param window W
   * @return the builder
   */
  public static Builder builder(List<String> names, CellKind cell, int hiddenSize, int window) {
    return new Builder(names, cell, hiddenSize, window);
  }

  /** A builder with this configuration's settings, to change a few. */
  public Builder toBuilder() {
    return new Builder(names, cell, hiddenSize, window).layers(layers).dropout(dropout)
        .outputSteps(outputSteps).horizon(horizon).season(season).transform(transform)
        .normaliser(normaliser);
  }

  /** Builds a {@link ForecasterConfig}. */
  public static final class Builder {
    private final List<String> names;
    private final CellKind cell;
    private final int hiddenSize;
    private final int window;
    private int layers = DEFAULT_LAYERS;
    private float dropout = DEFAULT_DROPOUT;
    private int outputSteps = DEFAULT_OUTPUT_STEPS;
    private int horizon = DEFAULT_HORIZON;
    private int season = DEFAULT_SEASON;
    private SeriesTransform transform = SeriesTransform.NONE;
    private Normaliser normaliser;

    private Builder(List<String> names, CellKind cell, int hiddenSize, int window) {
      this.names = names;
      this.cell = cell;
      this.hiddenSize = hiddenSize;
      this.window = window;
    }

    /** @param value L, stacked recurrent layers */
    public Builder layers(int value) {
      layers = value;
      return this;
    }

    /** @param value dropout between layers in [0, 1) */
    public Builder dropout(float value) {
      dropout = value;
      return this;
    }

    /** @param value S, steps per call (1: recursive; the horizon: direct multi-output) */
    public Builder outputSteps(int value) {
      outputSteps = value;
      return this;
    }

    /** @param value the default forecast horizon */
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

    /**
     * @return the configuration
     * @throws IllegalArgumentException naming the bad setting
     */
    public ForecasterConfig build() {
      return new ForecasterConfig(names, cell, hiddenSize, layers, dropout, window, outputSteps,
          horizon, season, transform,
          normaliser != null ? normaliser : Normaliser.identity(names == null ? 1 : names.size()));
    }
  }

  /** The configuration as stored in a model file's {@code config} metadata. */
  public JsonNode toJson() {
    ObjectNode json = new ObjectMapper().createObjectNode().put("task", TASK);
    ArrayNode n = json.putArray("names");
    names.forEach(n::add);
    json.put("cell", cell.name()).put("hidden_size", hiddenSize).put("layers", layers)
        .put("dropout", dropout).put("window", window).put("output_steps", outputSteps)
        .put("horizon", horizon).put("season", season).put("log", transform.log())
        .put("difference_lag", transform.lag());
    ArrayNode mean = json.putArray("mean");
    ArrayNode std = json.putArray("std");
    for (int j = 0; j < normaliser.features(); j++) {
      mean.add(normaliser.mean()[j]);
      std.add(normaliser.std()[j]);
    }
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
    if (!TASK.equals(json.path("task").asText())) {
      throw new ModelFormatException(file + ": config task is '" + json.path("task").asText()
          + "', expected '" + TASK + "' (a forecaster)");
    }
    try {
      SeriesTransform transform = new SeriesTransform(json.path("log").asBoolean(false),
          ConfigJson.integer(json, "difference_lag", file));
      Normaliser normaliser = new Normaliser(numbers(json, "mean", file),
          numbers(json, "std", file));
      return new ForecasterConfig(ConfigJson.strings(json, "names", "value names", file),
          CellKind.valueOf(json.path("cell").asText()),
          ConfigJson.integer(json, "hidden_size", file), ConfigJson.integer(json, "layers", file),
          (float) json.path("dropout").asDouble(0), ConfigJson.integer(json, "window", file),
          ConfigJson.integer(json, "output_steps", file), ConfigJson.integer(json, "horizon", file),
          ConfigJson.integer(json, "season", file), transform, normaliser);
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
