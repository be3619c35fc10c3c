package org.rnn4j.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.rnn4j.data.Features;
import org.rnn4j.task.forecast.SeriesForecaster;

/**
 * {@code POST /v1/forecast}: {@code {"history": [x_0, x_1, …], "steps": N}} for a model of one
 * value per step, or {@code {"history": [[x_0,0, …, x_0,F−1], …]}} for F values per step, or
 * {@code "histories": [history, …]} → {@code {"names": [F names], "steps": N, "forecasts":
 * [forecast, …]}}, each forecast in the form its history came in: N values, or N rows of F. Values
 * are raw, in the data's units: the model's log, differencing and scaling happen inside.
 */
final class ForecastApi implements ModelApi {
  private static final Set<String> FIELDS = Set.of("history", "histories", "steps");

  /** Histories through {@link SeriesForecaster#forecast(List, int)}, all N steps ahead. */
  private record Forecast(SeriesForecaster forecaster, int steps)
      implements MicroBatcher.Kind<Features, Features> {
    @Override
    public List<Features> run(List<Features> histories) {
      return forecaster.forecast(histories, steps);
    }
  }

  /** One history as given: its values and whether it came as rows of F. */
  private record History(Features values, boolean rows) {}

  private final SeriesForecaster forecaster;
  private final ServeConfig config;
  private final BatchCalls calls;

  ForecastApi(SeriesForecaster forecaster, ServeConfig config, BatchCalls calls) {
    this.forecaster = forecaster;
    this.config = config;
    this.calls = calls;
  }

  @Override
  public String task() {
    return "forecast";
  }

  @Override
  public List<Route> routes() {
    return List.of(new Route("/v1/forecast", this::forecast));
  }

  @Override
  public void describe(ObjectNode into) {
    forecaster.names().forEach(into.putArray("names")::add);
    into.put("horizon", forecaster.horizon()).put("season", forecaster.season());
  }

  private ObjectNode forecast(JsonRequest request) {
    request.allowOnly(FIELDS);
    boolean one = request.has("history");
    if (one == request.has("histories")) {
      throw ApiException.badRequest(one ? "history" : "histories", one
          ? "give \"history\" or \"histories\", not both"
          : "missing: give \"history\": [values …] or \"histories\": [[values …], …]");
    }
    List<History> histories = new ArrayList<>();
    if (one) {
      histories.add(history("history", request.get("history")));
    } else {
      JsonNode all = request.get("histories");
      if (!all.isArray() || all.isEmpty()) {
        throw ApiException.badRequest("histories", "expected a non-empty array of histories, got "
            + JsonRequest.kind(all));
      }
      if (all.size() > config.maxTexts()) {
        throw ApiException.tooLarge("histories", "at most " + config.maxTexts()
            + " histories per request, got " + all.size());
      }
      for (int i = 0; i < all.size(); i++) {
        histories.add(history("histories[" + i + "]", all.get(i)));
      }
    }
    int steps = request.integer("steps", Math.min(forecaster.horizon(), config.maxHorizon()), 1,
        config.maxHorizon());
    List<Features> inputs = histories.stream().map(History::values).toList();
    List<Features> out = calls.call(new Forecast(forecaster, steps), inputs,
        i -> one ? "history" : "histories[" + i + "]");
    ObjectNode response = JsonRequest.JSON.createObjectNode();
    forecaster.names().forEach(response.putArray("names")::add);
    response.put("steps", steps);
    ArrayNode forecasts = response.putArray("forecasts");
    for (int i = 0; i < out.size(); i++) {
      forecasts.add(json(out.get(i), histories.get(i).rows()));
    }
    return response;
  }

  private History history(String field, JsonNode node) {
    int f = forecaster.names().size();
    if (node == null || !node.isArray() || node.isEmpty()) {
      throw ApiException.badRequest(field, "expected a non-empty array of "
          + (f == 1 ? "numbers" : "rows of " + f + " numbers") + ", got "
          + JsonRequest.kind(node));
    }
    if (node.size() > config.maxTokens()) {
      throw ApiException.tooLarge(field, "at most " + config.maxTokens()
          + " steps per history, got " + node.size());
    }
    boolean rows = node.get(0).isArray();
    if (!rows && f != 1) {
      throw ApiException.badRequest(field, "the model reads " + f + " values per step ("
          + String.join(", ", forecaster.names()) + "): give rows of " + f + " numbers");
    }
    float[] values = new float[node.size() * f];
    for (int t = 0; t < node.size(); t++) {
      JsonNode step = node.get(t);
      if (rows) {
        if (!step.isArray() || step.size() != f) {
          throw ApiException.badRequest(field + "[" + t + "]", "expected a row of " + f
              + " numbers, got " + JsonRequest.kind(step));
        }
        for (int j = 0; j < f; j++) {
          values[t * f + j] = value(field + "[" + t + "][" + j + "]", step.get(j));
        }
      } else {
        values[t] = value(field + "[" + t + "]", step);
      }
    }
    return new History(new Features(values, f), rows);
  }

  private static float value(String field, JsonNode n) {
    if (n == null || !n.isNumber() || !Double.isFinite(n.doubleValue())
        || !Float.isFinite((float) n.doubleValue())) {
      throw ApiException.badRequest(field, "expected a finite number, got "
          + JsonRequest.kind(n));
    }
    return (float) n.doubleValue();
  }

  private static ArrayNode json(Features forecast, boolean rows) {
    ArrayNode out = JsonRequest.JSON.createArrayNode();
    int f = forecast.features();
    for (int t = 0; t < forecast.length(); t++) {
      if (rows) {
        ArrayNode row = out.addArray();
        for (int j = 0; j < f; j++) {
          row.add(forecast.get(t, j));
        }
      } else {
        out.add(forecast.get(t, 0));
      }
    }
    return out;
  }
}
