package org.rnn4j.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rnn4j.data.Features;
import org.rnn4j.task.TaskModel;
import org.rnn4j.task.forecast.SeriesForecaster;

/**
 * forecast: a history x (T, F) of raw values → {@code struct<forecast: array<double>>} for a
 * model of one value per step (F = 1), {@code struct<forecast: array<array<double>>>} (N rows of
 * F) otherwise; N is the option {@code steps}, the model's horizon by default. A history is an
 * array of numbers (F = 1), an array of rows of F numbers, or a string of numbers separated by
 * commas or spaces (F = 1). Values are in the data's units: the model's log, differencing and
 * scaling happen inside {@link SeriesForecaster#forecast(List, int)}.
 */
public final class ForecastColumns implements FamilyColumns {
  private static final long serialVersionUID = 1L;
  /** The option giving N, the steps to forecast. */
  public static final String STEPS = "steps";

  @Override
  public String family() {
    return "forecast";
  }

  /** "history". */
  @Override
  public String defaultInputColumn() {
    return "history";
  }

  /** Only {@value #STEPS}: the forecast command's other options read files. */
  @Override
  public Set<String> options() {
    return Set.of(STEPS);
  }

  @Override
  public StructType predictionType(TaskModel model) {
    DataType step = forecaster(model).names().size() == 1 ? DataTypes.DoubleType
        : DataTypes.createArrayType(DataTypes.DoubleType);
    return new StructType().add("forecast", DataTypes.createArrayType(step));
  }

  @Override
  public Object read(TaskModel model, String column, Object value) throws BadInputException {
    int f = forecaster(model).names().size();
    if (value == null) {
      throw new BadInputException("column '" + column + "' is null: expected a history of"
          + " numbers");
    }
    List<?> steps = value instanceof String s ? split(s) : Inputs.sequence(value);
    if (steps == null) {
      throw new BadInputException("column '" + column + "' holds " + Inputs.describe(value)
          + ": expected an array of " + (f == 1 ? "numbers" : "rows of " + f + " numbers"));
    }
    if (steps.isEmpty()) {
      throw new BadInputException("column '" + column + "' is an empty history: expected at"
          + " least one step");
    }
    float[] values = new float[steps.size() * f];
    for (int t = 0; t < steps.size(); t++) {
      Object cell = steps.get(t);
      List<?> row = Inputs.sequence(cell);
      if (row == null && f == 1) {
        row = java.util.Collections.singletonList(cell);
      }
      if (row == null || row.size() != f) {
        throw new BadInputException("column '" + column + "', step " + t + ": expected "
            + (f == 1 ? "a number" : "a row of " + f + " numbers") + ", got "
            + Inputs.describe(steps.get(t)));
      }
      for (int j = 0; j < f; j++) {
        values[t * f + j] = number(column, t, row.get(j));
      }
    }
    return new Features(values, f);
  }

  @Override
  public List<Row> predict(TaskModel model, List<Object> inputs, Map<String, String> options) {
    SeriesForecaster forecaster = forecaster(model);
    List<Features> histories = new ArrayList<>(inputs.size());
    inputs.forEach(i -> histories.add((Features) i));
    List<Features> forecasts = forecaster.forecast(histories, steps(forecaster, options));
    List<Row> out = new ArrayList<>(forecasts.size());
    boolean one = forecaster.names().size() == 1;
    for (Features x : forecasts) {
      List<Object> rows = new ArrayList<>(x.length());
      for (int t = 0; t < x.length(); t++) {
        if (one) {
          rows.add((double) x.get(t, 0));
        } else {
          List<Double> row = new ArrayList<>(x.features());
          for (int j = 0; j < x.features(); j++) {
            row.add((double) x.get(t, j));
          }
          rows.add(TagColumns.seq(row));
        }
      }
      out.add(RowFactory.create(TagColumns.seq(rows)));
    }
    return out;
  }

  private static int steps(SeriesForecaster forecaster, Map<String, String> options) {
    String given = options.get(STEPS);
    if (given == null) {
      return forecaster.horizon();
    }
    try {
      int steps = Integer.parseInt(given.trim());
      if (steps >= 1) {
        return steps;
      }
    } catch (NumberFormatException e) {
      // the message below says what was expected
    }
    throw new IllegalArgumentException("option '" + STEPS + "' must be a whole number of steps"
        + " of at least 1, got '" + given + "'");
  }

  private static SeriesForecaster forecaster(TaskModel model) {
    if (!(model instanceof SeriesForecaster forecaster)) {
      throw new IllegalArgumentException("expected a forecast model, got "
          + model.getClass().getName());
    }
    return forecaster;
  }

  private static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    for (String part : text.trim().split("[,\\s]+")) {
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return parts;
  }

  private static float number(String column, int t, Object cell) throws BadInputException {
    double v;
    if (cell instanceof Number n) {
      v = n.doubleValue();
    } else if (cell instanceof String s) {
      try {
        v = Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw new BadInputException("column '" + column + "', step " + t + ": expected a number,"
            + " got " + Inputs.describe(s));
      }
    } else {
      throw new BadInputException("column '" + column + "', step " + t + ": expected a number,"
          + " got " + Inputs.describe(cell));
    }
    if (!Double.isFinite(v) || !Float.isFinite((float) v)) {
      throw new BadInputException("column '" + column + "', step " + t + ": expected a finite"
          + " number, got " + v);
    }
    return (float) v;
  }
}
