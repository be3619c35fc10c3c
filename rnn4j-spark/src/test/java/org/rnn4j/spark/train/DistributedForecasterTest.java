package org.rnn4j.spark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.Features;
import org.rnn4j.io.ModelFile;
import org.rnn4j.spark.TestSpark;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.task.TrainingJob;
import org.rnn4j.task.forecast.ForecasterConfig;
import org.rnn4j.task.forecast.SeriesForecaster;
import org.rnn4j.train.TrainingRecipe;

/**
 * Data-parallel training of a forecaster (the forecast family) on local[2]: one-step forecasts
 * as good as single-machine training's at the same seed and epochs, the single-machine
 * normaliser from a data set of one series, reproducible to the bit, bad input named.
 */
class DistributedForecasterTest {
  private static final long SEED = 11;
  private static final int EPOCHS = 3;
  private static final int BATCH = 32;
  private static final Map<String, String> MODEL = Map.of("hidden", "16", "window", "12");
  private static final double[] TRAIN = series(480, 1);
  private static final double[] TEST = series(240, 2);
  private static final DataType DOUBLES = DataTypes.createArrayType(DataTypes.DoubleType);

  private final SparkSession spark = TestSpark.session();
  @TempDir
  Path dir;

  /** 2 + sin(2πt/12) + 0.5·sin(2πt/31) + noise of sd 0.1. */
  private static double[] series(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int t = 0; t < n; t++) {
      x[t] = 2 + Math.sin(2 * Math.PI * t / 12) + 0.5 * Math.sin(2 * Math.PI * t / 31)
          + 0.1 * (rng.nextDouble() * 2 - 1) * Math.sqrt(3);
    }
    return x;
  }

  /** The training series cut into {@code rows} consecutive series, one per row. */
  private Dataset<Row> rows(int rows, int partitions) {
    List<Object[]> out = new ArrayList<>();
    int per = TRAIN.length / rows;
    for (int r = 0; r < rows; r++) {
      List<Double> values = new ArrayList<>();
      for (int t = r * per; t < (r + 1) * per; t++) {
        values.add(TRAIN[t]);
      }
      out.add(new Object[] {values.toArray(new Double[0])});
    }
    return Corpora.frame(spark, out, partitions, new String[] {"value"},
        new DataType[] {DOUBLES});
  }

  private DistributedTrainingResult train(DistributedConfig config, Dataset<Row> data) {
    return DistributedTrainer.of(spark, config, "forecast", MODEL).fit(data, "value");
  }

  /** The mean squared error of a model's one-step forecasts over the test series. */
  private double mse(TrainedModel model, String name) throws Exception {
    Path file = dir.resolve(name + ".safetensors");
    model.save(file, ModelFile.Provenance.now(SEED, ""));
    SeriesForecaster forecaster = SeriesForecaster.load(file);
    List<Features> histories = new ArrayList<>();
    for (int t = 12; t < TEST.length; t++) {
      float[][] h = new float[12][1];
      for (int k = 0; k < 12; k++) {
        h[k][0] = (float) TEST[t - 12 + k];
      }
      histories.add(Features.of(h));
    }
    List<Features> next = forecaster.forecast(histories, 1);
    double sum = 0;
    for (int i = 0; i < next.size(); i++) {
      double e = next.get(i).get(0, 0) - TEST[i + 12];
      sum += e * e;
    }
    return sum / next.size();
  }

  /** The last value as the forecast: what a model must beat. */
  private static double naiveMse() {
    double sum = 0;
    for (int t = 12; t < TEST.length; t++) {
      sum += (TEST[t] - TEST[t - 1]) * (TEST[t] - TEST[t - 1]);
    }
    return sum / (TEST.length - 12);
  }

  private static TrainedModel single;

  private TrainedModel singleMachine() throws Exception {
    if (single == null) {
      List<String> csv = new ArrayList<>(List.of("value"));
      for (double v : TRAIN) {
        csv.add(Double.toString((float) v));
      }
      Path data = dir.resolve("train.csv");
      Files.write(data, csv);
      single = TaskFamilies.named("forecast").train(new TrainingJob(data, TaskOptions.of(MODEL),
          TrainingRecipe.of(EPOCHS, SEED), BATCH, 0, new PrintWriter(new StringWriter())));
    }
    return single;
  }

  @Test
  void bothAveragingsForecastAsWellAsSingleMachineTraining() throws Exception {
    double naive = naiveMse();
    double single = mse(singleMachine(), "single");
    assertTrue(single < 0.5 * naive, "single-machine training beats the last value: MSE "
        + single + ", naive " + naive);
    DistributedTrainingResult gradients = train(DistributedConfig.of(EPOCHS, SEED)
        .withBatchSize(BATCH), rows(2, 2));
    double g = mse(gradients.model(), "gradients");
    assertTrue(Math.abs(g - single) <= 0.25 * single, "distributed MSE " + g
        + ", single-machine " + single);
    assertTrue(gradients.epochLosses().get(EPOCHS - 1) < gradients.epochLosses().get(0),
        gradients.epochLosses().toString());
    double p = mse(train(DistributedConfig.of(EPOCHS, SEED).withBatchSize(BATCH)
        .averagingParameters(2), rows(2, 2)).model(), "parameters");
    assertTrue(p < 0.5 * naive && Math.abs(p - single) <= 0.5 * single,
        "parameter-averaged MSE " + p + ", single-machine " + single);
  }

  @Test
  void oneSeriesGivesTheSingleMachineNormaliserAndTheRunIsReproducible() throws Exception {
    DistributedConfig config = DistributedConfig.of(1, SEED).withBatchSize(BATCH);
    DistributedTrainingResult one = train(config, rows(1, 2));
    ForecasterConfig distributed = (ForecasterConfig) one.model().config();
    ForecasterConfig local = (ForecasterConfig) singleMachine().config();
    assertArrayEquals(local.normaliser().mean(), distributed.normaliser().mean(), 1e-6);
    assertArrayEquals(local.normaliser().std(), distributed.normaliser().std(), 1e-6);
    assertEquals(List.of("value"), distributed.names());
    Corpora.assertSameWeights(train(config, rows(2, 2)).model().model().parameters(),
        train(config, rows(2, 2)).model().model().parameters());
  }

  @Test
  void aMultivariateSeriesTrainsAModelOfItsFeatures() throws Exception {
    List<Object[]> out = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      Double[][] steps = new Double[200][];
      for (int t = 0; t < 200; t++) {
        steps[t] = new Double[] {TRAIN[r * 200 + t], -TRAIN[r * 200 + t]};
      }
      out.add(new Object[] {steps});
    }
    Dataset<Row> data = Corpora.frame(spark, out, 2, new String[] {"xy"},
        new DataType[] {DataTypes.createArrayType(DOUBLES)});
    Map<String, String> options = new HashMap<>(MODEL);
    options.put("horizon", "3");
    options.put("direct", "true");
    DistributedTrainingResult run = DistributedTrainer.of(spark,
        DistributedConfig.of(1, SEED).withBatchSize(BATCH), "forecast", options).fit(data, "xy");
    Path file = dir.resolve("xy.safetensors");
    run.model().save(file, ModelFile.Provenance.now(SEED, ""));
    SeriesForecaster forecaster = SeriesForecaster.load(file);
    assertEquals(List.of("xy_1", "xy_2"), forecaster.names());
    float[][] h = new float[12][];
    for (int k = 0; k < 12; k++) {
      h[k] = new float[] {(float) TEST[k], (float) -TEST[k]};
    }
    Features next = forecaster.forecast(Features.of(h), 3);
    assertEquals(3, next.length());
    assertEquals(2, next.features());
  }

  @Test
  void badInputIsNamed() {
    DistributedTrainer trainer = DistributedTrainer.of(spark, DistributedConfig.of(1, SEED),
        "forecast", MODEL);
    Dataset<Row> text = Corpora.frame(spark, List.<Object[]>of(new Object[] {"1,2,3"}), 1,
        new String[] {"value"}, new DataType[] {DataTypes.StringType});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> trainer.fit(text, "value"));
    assertEquals("column 'value' is of type string: expected array<double> (one value per step)"
        + " or array<array<double>> (F values per step)", e.getMessage());
    Dataset<Row> holes = Corpora.frame(spark, List.<Object[]>of(
            new Object[] {new Double[] {1.0, null, 3.0}}), 1, new String[] {"value"},
        new DataType[] {DOUBLES});
    e = assertThrows(IllegalArgumentException.class, () -> trainer.fit(holes, "value"));
    assertEquals("column 'value' holds a null value in 1 training rows", e.getMessage());
    Dataset<Row> negative = Corpora.frame(spark, List.<Object[]>of(
            new Object[] {new Double[] {1.0, -2.0, 3.0}}), 1, new String[] {"value"},
        new DataType[] {DOUBLES});
    e = assertThrows(IllegalArgumentException.class, () -> DistributedTrainer.of(spark,
        DistributedConfig.of(1, SEED), "forecast", Map.of("log", "true")).fit(negative,
        "value"));
    assertEquals("option 'log' needs positive values: the series hold 1 values ≤ 0 (log1p takes"
        + " 0)", e.getMessage());
  }
}
