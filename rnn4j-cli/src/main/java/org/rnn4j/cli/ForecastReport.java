package org.rnn4j.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.rnn4j.data.Features;
import org.rnn4j.metrics.ForecastScore;
import org.rnn4j.task.forecast.Baselines;
import org.rnn4j.task.forecast.Holdout;

/**
 * Prints how a forecast of held-out steps did, beside the seasonal-naive and naive forecasts:
 * MAE, RMSE and MAPE over every held-out value (formulas in {@code metrics.ForecastErrors}).
 */
final class ForecastReport {
  private ForecastReport() {}

  /**
   * @param out where to print
   * @param what what was forecast, e.g. "data.csv: the last 12 steps"
   * @param holdout the history and the held-out actual values
   * @param forecast (N, F) the model's forecast of the held-out steps
   * @param season m of the seasonal-naive forecast
   */
  static void print(PrintWriter out, String what, Holdout holdout, Features forecast,
      int season) {
    out.printf(Locale.ROOT, "%s, forecast from the %,d steps before them:%n", what,
        holdout.history().length());
    out.printf(Locale.ROOT, "  %-24s %12s %12s %9s%n", "", "MAE", "RMSE", "MAPE");
    row(out, "model", holdout.score(forecast));
    String seasonal = "seasonal naive (m=" + season + ")";
    if (holdout.history().length() >= season) {
      row(out, seasonal, holdout.score(holdout.forecast(Baselines.seasonalNaive(season))));
    } else {
      out.printf(Locale.ROOT, "  %-24s needs at least m = %d steps of history%n", seasonal,
          season);
    }
    row(out, "naive", holdout.score(holdout.forecast(Baselines.naive())));
    out.flush();
  }

  private static void row(PrintWriter out, String name, ForecastScore s) {
    String mape = s.mape().isPresent()
        ? String.format(Locale.ROOT, "%.2f%%", s.mape().getAsDouble())
        : "n/a (an actual value is 0)";
    out.printf(Locale.ROOT, "  %-24s %12.4f %12.4f %9s%n", name, s.mae(), s.rmse(), mape);
  }
}
