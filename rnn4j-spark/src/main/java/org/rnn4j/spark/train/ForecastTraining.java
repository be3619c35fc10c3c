package org.rnn4j.spark.train;

import static org.rnn4j.task.TaskOption.Use.TRAIN;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.rnn4j.data.Collate;
import org.rnn4j.data.ForecastBatch;
import org.rnn4j.data.ForecastExample;
import org.rnn4j.data.Features;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.CommonOptions;
import org.rnn4j.task.TaskOption;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.forecast.ForecastData;
import org.rnn4j.task.forecast.Forecaster;
import org.rnn4j.task.forecast.ForecasterConfig;
import org.rnn4j.task.forecast.ForecasterObjective;
import org.rnn4j.task.forecast.Normaliser;
import org.rnn4j.task.forecast.SeriesTransform;
import org.rnn4j.train.Objective;

/**
 * The forecast family in distributed training. A training row is one whole series: an {@code
 * array<double>} (one value per step, F = 1) or an {@code array<array<double>>} (F values per
 * step, the same F in every row). Each series is transformed ({@code log} or {@code log1p}, then
 * {@code difference}), normalised with the mean and standard deviation of every transformed step
 * of every series (summed over the partitions in partition order), and cut into every window of
 * {@code window} W steps followed by S steps to predict (S = {@code horizon} with {@code direct},
 * else 1), as {@code rnn4j train --task forecast} cuts its one series with {@code --validation 0}:
 * a data set of one series gives that command's normaliser and windows. The model's value names
 * are the column's name (F = 1) or name_1 … name_F. A batch's weight is its rows (every window
 * has S·F values).
 */
final class ForecastTraining implements FamilyTraining {
  static final Set<String> OPTIONS = Collections.unmodifiableSet(new TreeSet<>(List.of("cell",
      "hidden", "layers", "dropout", "window", "horizon", "season", "log", "log1p", "difference",
      "direct")));
  private static final TaskOption WINDOW = TaskOption.value("window", "W", "", "12", TRAIN);
  private static final TaskOption HORIZON = TaskOption.value("horizon", "N", "", "1", TRAIN);
  private static final TaskOption SEASON = TaskOption.value("season", "M", "", "1", TRAIN);
  private static final TaskOption DIFFERENCE = TaskOption.value("difference", "LAG", "", "0",
      TRAIN);
  private static final TaskOption LOG = TaskOption.flag("log", "", TRAIN);
  private static final TaskOption LOG1P = TaskOption.flag("log1p", "", TRAIN);
  private static final TaskOption DIRECT = TaskOption.flag("direct", "", TRAIN);

  @Override
  public String task() {
    return ForecasterConfig.TASK;
  }

  @Override
  public String noun() {
    return "forecaster";
  }

  @Override
  public Set<String> options() {
    return OPTIONS;
  }

  @Override
  public List<String> columns() {
    return List.of("series");
  }

  @Override
  public Prepared<SeriesWindow> prepare(Dataset<Row> data, List<String> columns,
      Map<String, String> options, long seed) {
    String column = columns.get(0);
    TrainingData.check(data, column);
    DataType type = data.schema().apply(column).dataType();
    boolean nested = type instanceof ArrayType a && a.elementType() instanceof ArrayType b
        && b.elementType().equals(DataTypes.DoubleType);
    if (!nested && !(type instanceof ArrayType a
        && a.elementType().equals(DataTypes.DoubleType))) {
      throw new IllegalArgumentException("column '" + column + "' is of type "
          + type.simpleString() + ": expected array<double> (one value per step) or"
          + " array<array<double>> (F values per step)");
    }
    String quoted = "`" + column.replace("`", "``") + "`";
    long nulls = data.filter(functions.expr(nested
        ? "exists(" + quoted + ", x -> x is null or exists(x, v -> v is null))"
        : "exists(" + quoted + ", x -> x is null)")).count();
    if (nulls > 0) {
      throw new IllegalArgumentException("column '" + column + "' holds a null value in " + nulls
          + " training rows");
    }
    int features = 1;
    if (nested) {
      List<Row> sizes = data.select(functions.expr("size(" + quoted + "[0])")).distinct()
          .collectAsList();
      if (sizes.size() != 1 || sizes.get(0).getInt(0) < 1) {
        throw new IllegalArgumentException("column '" + column + "' must hold the same number F"
            + " ≥ 1 of values at every step of every row, got first steps of sizes " + sizes);
      }
      features = sizes.get(0).getInt(0);
      long ragged = data.filter(functions.expr("exists(" + quoted + ", x -> size(x) != "
          + features + ")")).count();
      if (ragged > 0) {
        throw new IllegalArgumentException("column '" + column + "' must hold F = " + features
            + " values at every step: " + ragged + " training rows have steps of another size");
      }
    }
    TaskOptions o = TaskOptions.of(options);
    if (o.flag(LOG) && o.flag(LOG1P)) {
      throw new IllegalArgumentException("options 'log' and 'log1p' exclude each other: log for"
          + " positive values, log1p for values that may be 0");
    }
    SeriesTransform transform = new SeriesTransform(o.flag(LOG), o.flag(LOG1P),
        o.integer(DIFFERENCE, 0));
    int window = o.integer(WINDOW, 1);
    int horizon = o.integer(HORIZON, 1);
    int outputSteps = o.flag(DIRECT) ? horizon : 1;
    RecurrentSpec recurrent = CommonOptions.recurrent(o);
    JavaRDD<Row> series = data.select(column).javaRDD();
    Normaliser normaliser = normaliser(series, transform, features);
    List<String> names = new ArrayList<>();
    for (int j = 1; j <= features; j++) {
      names.add(features == 1 ? column : column + "_" + j);
    }
    ForecasterConfig config = ForecasterConfig.builder(names, recurrent, window)
        .outputSteps(outputSteps).horizon(horizon).season(o.integer(SEASON, 1))
        .transform(transform).normaliser(normaliser).time(Optional.empty()).build();
    return new Prepared<>(new Forecaster(config, new SplittableRandom(seed)), config,
        Optional.empty(), windows(series, transform, normaliser, window, outputSteps),
        new Replicas(config.toJson().toString()));
  }

  /** A cell of the column as a series x (T, F). */
  static Features features(Object cell) {
    List<?> steps = list(cell);
    float[][] rows = new float[steps.size()][];
    for (int t = 0; t < rows.length; t++) {
      Object step = steps.get(t);
      if (step instanceof Number n) {
        rows[t] = new float[] {n.floatValue()};
      } else {
        List<?> values = list(step);
        rows[t] = new float[values.size()];
        for (int j = 0; j < rows[t].length; j++) {
          rows[t][j] = ((Number) values.get(j)).floatValue();
        }
      }
    }
    return Features.of(rows);
  }

  private static List<?> list(Object cell) {
    if (cell instanceof List<?> l) {
      return l;
    }
    if (cell instanceof scala.collection.Seq<?> s) {
      return scala.jdk.javaapi.CollectionConverters.asJava(s);
    }
    throw new IllegalArgumentException("expected an array, got " + cell);
  }

  /**
   * The mean and standard deviation of every transformed step of every series, as {@link
   * Normaliser#fit} computes them over one series: two passes, each summed per partition in
   * step order and then over the partitions in partition order.
   */
  private static Normaliser normaliser(JavaRDD<Row> series, SeriesTransform transform,
      int features) {
    boolean log = transform.log();
    boolean log1p = transform.log1p();
    int lag = transform.lag();
    double[] first = total(series.mapPartitionsWithIndex((p, it) -> {
      SeriesTransform tr = new SeriesTransform(log, log1p, lag);
      double[] s = new double[features + 3]; // Σu per feature, steps, non-positive, negative
      it.forEachRemaining(r -> {
        Features x = features(r.get(0));
        for (int t = 0; t < x.length(); t++) {
          for (int j = 0; j < features; j++) {
            s[features + 1] += x.get(t, j) <= 0 ? 1 : 0;
            s[features + 2] += x.get(t, j) < 0 ? 1 : 0;
          }
        }
        if (x.length() > lag && (!log || s[features + 1] == 0)
            && (!log1p || s[features + 2] == 0)) {
          Features u = tr.apply(x);
          for (int t = 0; t < u.length(); t++) {
            for (int j = 0; j < features; j++) {
              s[j] += u.get(t, j);
            }
          }
          s[features] += u.length();
        }
      });
      return List.of(s).iterator();
    }, true).collect());
    if (transform.log() && first[features + 1] > 0) {
      throw new IllegalArgumentException("option 'log' needs positive values: the series hold "
          + (long) first[features + 1] + " values ≤ 0 (log1p takes 0)");
    }
    if (transform.log1p() && first[features + 2] > 0) {
      throw new IllegalArgumentException("option 'log1p' needs values ≥ 0: the series hold "
          + (long) first[features + 2] + " negative values");
    }
    double n = first[features];
    if (n == 0) {
      throw new IllegalArgumentException("no series is longer than the differencing lag "
          + transform.lag() + ": there is nothing to train on");
    }
    double[] mean = Arrays.copyOf(first, features);
    for (int j = 0; j < features; j++) {
      mean[j] /= n;
    }
    double[] squares = total(series.mapPartitionsWithIndex((p, it) -> {
      SeriesTransform tr = new SeriesTransform(log, log1p, lag);
      double[] s = new double[features];
      it.forEachRemaining(r -> {
        Features x = features(r.get(0));
        if (x.length() > lag) {
          Features u = tr.apply(x);
          for (int t = 0; t < u.length(); t++) {
            for (int j = 0; j < features; j++) {
              double c = u.get(t, j) - mean[j];
              s[j] += c * c;
            }
          }
        }
      });
      return List.of(s).iterator();
    }, true).collect());
    double[] std = new double[features];
    for (int j = 0; j < features; j++) {
      std[j] = Math.sqrt(squares[j] / n);
      if (!(std[j] >= 1e-8 * Math.max(1, Math.abs(mean[j])))) {
        std[j] = 1;
      }
    }
    return new Normaliser(mean, std);
  }

  /** The partitions' sums added in partition order. */
  private static double[] total(List<double[]> partials) {
    double[] out = partials.get(0).clone();
    for (double[] p : partials.subList(1, partials.size())) {
      for (int i = 0; i < out.length; i++) {
        out[i] += p[i];
      }
    }
    return out;
  }

  /** Every window of every series where it lies, cached. */
  private static JavaRDD<SeriesWindow> windows(JavaRDD<Row> series,
      SeriesTransform transform, Normaliser normaliser, int window, int outputSteps) {
    boolean log = transform.log();
    boolean log1p = transform.log1p();
    int lag = transform.lag();
    double[] mean = normaliser.mean();
    double[] std = normaliser.std();
    return series.mapPartitions((Iterator<Row> it) -> {
      SeriesTransform tr = new SeriesTransform(log, log1p, lag);
      Normaliser n = new Normaliser(mean, std);
      List<SeriesWindow> out = new ArrayList<>();
      it.forEachRemaining(r -> {
        Features x = features(r.get(0));
        if (x.length() <= lag) {
          return;
        }
        Features z = n.apply(tr.apply(x));
        for (ForecastExample e : new ForecastData(n, z, z.length())
            .trainExamples(window, outputSteps)) {
          out.add(new SeriesWindow(e.history().values(), e.future().values(), z.features()));
        }
      });
      return out.iterator();
    }).cache();
  }

  /**
   * The executors' forecaster.
   *
   * @param configJson the {@link ForecasterConfig} as JSON
   */
  record Replicas(String configJson) implements ReplicaFamily<SeriesWindow, ForecastBatch> {
    @Override
    public Objective<ForecastBatch> objective() {
      ForecasterConfig config = ReplicaFamily.config(configJson, "forecaster", ForecasterConfig::fromJson);
      return new ForecasterObjective(new Forecaster(config, new SplittableRandom(0)));
    }

    /** Rows [from, to): histories (b, W, F) and futures (b, S, F). */
    @Override
    public ForecastBatch batch(List<SeriesWindow> rows, int from, int to) {
      List<ForecastExample> examples = new ArrayList<>(to - from);
      int[] indices = new int[to - from];
      for (int i = from; i < to; i++) {
        SeriesWindow w = rows.get(i);
        examples.add(new ForecastExample(new Features(w.history(), w.features()),
            new Features(w.future(), w.features())));
        indices[i - from] = i - from;
      }
      return Collate.forecast(examples, indices);
    }

    /** The batch's rows: every window has S·F values to predict. */
    @Override
    public float weight(Objective<ForecastBatch> objective, ForecastBatch batch, int rows) {
      return rows;
    }
  }
}
