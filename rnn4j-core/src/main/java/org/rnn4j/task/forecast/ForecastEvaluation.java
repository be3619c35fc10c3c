package org.rnn4j.task.forecast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import org.rnn4j.data.Features;
import org.rnn4j.metrics.ForecastScore;
import org.rnn4j.task.Evaluation;

/**
 * How a forecast of N held-out steps did beside the seasonal-naive and naive forecasts of the
 * same steps ({@link Baselines}): MAE, RMSE and MAPE over every held-out value (formulas in
 * {@link org.rnn4j.metrics.ForecastErrors}).
 *
 * @param what what was forecast, for the report, e.g. "data.csv: the last 12 steps"
 * @param steps N, the held-out steps
 * @param historySteps T, the steps the forecasts were made from
 * @param model the errors of the model's forecast
 * @param season m of the seasonal-naive forecast
 * @param seasonalNaive its errors; empty when the history is shorter than one season
 * @param naive the errors of the naive forecast (the last value repeated)
 */
public record ForecastEvaluation(String what, int steps, int historySteps, ForecastScore model,
    int season, Optional<ForecastScore> seasonalNaive, ForecastScore naive)
    implements Evaluation {

  /** Checks that everything is given. */
  public ForecastEvaluation {
    if (what == null || model == null || seasonalNaive == null || naive == null) {
      throw new IllegalArgumentException("what, model, seasonalNaive and naive must be given");
    }
  }

  /**
   * Scores a forecast of held-out steps and the baselines of the same steps.
   *
   * @param what what was forecast, for the report
   * @param holdout the history and the N held-out actual values
   * @param forecast (N, F) the model's forecast of the held-out steps
   * @param season m ≥ 1 of the seasonal-naive forecast
   * @return the scores
   */
  public static ForecastEvaluation of(String what, Holdout holdout, Features forecast,
      int season) {
    ForecastScore model = holdout.score(forecast);
    Optional<ForecastScore> seasonal = holdout.history().length() >= season
        ? Optional.of(holdout.score(holdout.forecast(Baselines.seasonalNaive(season))))
        : Optional.empty();
    return new ForecastEvaluation(what, holdout.steps(), holdout.history().length(), model,
        season, seasonal, holdout.score(holdout.forecast(Baselines.naive())));
  }

  /**
   * <pre>
   * WHAT, forecast from the T steps before them:
   *                                     MAE         RMSE      MAPE
   *   model                          7.8229       8.7358     3.48%
   *   seasonal naive (m=12)         17.5383      17.7148     7.75%
   *   naive                         21.9850      22.6093     9.78%
   * </pre>
   */
  @Override
  public String report() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "%s, forecast from the %,d steps before them:%n", what,
        historySteps));
    s.append(String.format(Locale.ROOT, "  %-24s %12s %12s %9s%n", "", "MAE", "RMSE", "MAPE"));
    row(s, "model", model);
    String name = "seasonal naive (m=" + season + ")";
    if (seasonalNaive.isPresent()) {
      row(s, name, seasonalNaive.get());
    } else {
      s.append(String.format(Locale.ROOT, "  %-24s needs at least m = %d steps of history%n",
          name, season));
    }
    row(s, "naive", naive);
    return s.toString();
  }

  private static void row(StringBuilder s, String name, ForecastScore score) {
    String mape = score.mape().isPresent()
        ? String.format(Locale.ROOT, "%.2f%%", score.mape().getAsDouble())
        : "n/a (an actual value is 0)";
    s.append(String.format(Locale.ROOT, "  %-24s %12.4f %12.4f %9s%n", name, score.mae(),
        score.rmse(), mape));
  }

  /**
   * {@code {"steps": N, "history_steps": T, "season": m, "model": {"mae", "rmse", "mape"},
   * "seasonal_naive": {…} or null, "naive": {…}}}; a MAPE is null when an actual value is 0.
   */
  @Override
  public ObjectNode toJson() {
    ObjectNode json = new ObjectMapper().createObjectNode().put("steps", steps)
        .put("history_steps", historySteps).put("season", season);
    scores(json.putObject("model"), model);
    if (seasonalNaive.isPresent()) {
      scores(json.putObject("seasonal_naive"), seasonalNaive.get());
    } else {
      json.putNull("seasonal_naive");
    }
    scores(json.putObject("naive"), naive);
    return json;
  }

  private static void scores(ObjectNode json, ForecastScore score) {
    json.put("mae", score.mae()).put("rmse", score.rmse());
    if (score.mape().isPresent()) {
      json.put("mape", score.mape().getAsDouble());
    } else {
      json.putNull("mape");
    }
  }
}
