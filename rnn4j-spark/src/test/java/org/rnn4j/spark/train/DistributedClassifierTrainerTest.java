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
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.io.ModelFile;
import org.rnn4j.spark.TestSpark;
import org.rnn4j.spark.job.SyntheticReviews;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.task.TrainingJob;
import org.rnn4j.task.classify.ClassPrediction;
import org.rnn4j.task.classify.TextClassifier;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.train.TrainingRecipe;

/**
 * Data-parallel training of the sentiment classifier on local[2]: as accurate as single-machine
 * training at the same seed and epochs, reproducible to the bit, resumable from the driver's
 * checkpoint.
 */
class DistributedClassifierTrainerTest {
  private static final long SEED = 4;
  private static final int EPOCHS = 3;
  private static final int BATCH = 32;
  /** The golden classify model's options (rnn4j-cli's golden cases). */
  private static final Map<String, String> MODEL = Map.of("embedding", "8", "hidden", "16",
      "bidirectional", "true", "pooling", "mean");

  private final SparkSession spark = TestSpark.session();
  @TempDir
  Path dir;

  private static final List<SyntheticReviews.Review> TRAIN = SyntheticReviews.make(1000, 1);
  private static final List<SyntheticReviews.Review> TEST = SyntheticReviews.make(1000, 2);

  /** The training reviews (review, sentiment) as rows in two fixed partitions. */
  private Dataset<Row> reviews() {
    List<Row> rows = new ArrayList<>();
    TRAIN.forEach(r -> rows.add(RowFactory.create(r.text(), r.label())));
    StructType schema = new StructType().add("review", DataTypes.StringType)
        .add("sentiment", DataTypes.StringType);
    return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(rows, 2), schema);
  }

  private DistributedTrainingResult train(DistributedConfig config) throws Exception {
    return DistributedClassifierTrainer.of(spark, config, MODEL).fit(reviews(), "review",
        "sentiment");
  }

  /** The share of the test reviews a model, saved and loaded, classifies right. */
  private double accuracy(TrainedModel model, String name) throws Exception {
    Path file = dir.resolve(name + ".safetensors");
    model.save(file, ModelFile.Provenance.now(SEED, ""));
    TextClassifier classifier = TextClassifier.load(file);
    List<ClassPrediction> predicted =
        classifier.predict(TEST.stream().map(SyntheticReviews.Review::text).toList());
    int right = 0;
    for (int i = 0; i < TEST.size(); i++) {
      right += predicted.get(i).label().equals(TEST.get(i).label()) ? 1 : 0;
    }
    return (double) right / TEST.size();
  }

  /** Trained once for both averaging tests. */
  private static Double singleMachineAccuracy;

  private double singleMachineAccuracy() throws Exception {
    if (singleMachineAccuracy == null) {
      singleMachineAccuracy = trainSingleMachine();
    }
    return singleMachineAccuracy;
  }

  private double trainSingleMachine() throws Exception {
    Map<String, String> options = new java.util.HashMap<>(MODEL);
    options.put("text", "review");
    options.put("label", "sentiment");
    TrainedModel single = TaskFamilies.named("classify").train(new TrainingJob(
        SyntheticReviews.writeCsv(TRAIN, dir.resolve("train.csv")), TaskOptions.of(options), TrainingRecipe.of(EPOCHS, SEED),
        BATCH, 0, new PrintWriter(new StringWriter())));
    return accuracy(single, "single");
  }

  @Test
  void gradientAveragingIsWithinOneAccuracyPointOfSingleMachineTraining() throws Exception {
    double single = singleMachineAccuracy();
    DistributedTrainingResult run = train(DistributedConfig.of(EPOCHS, SEED)
        .withBatchSize(BATCH));
    double distributed = accuracy(run.model(), "distributed");
    assertTrue(single > 0.9, "single-machine training learns the task: accuracy " + single);
    assertEquals(2, run.partitions());
    assertEquals(EPOCHS * run.stepsPerEpoch(), run.steps());
    assertTrue(Math.abs(distributed - single) <= 0.01, "distributed accuracy " + distributed
        + ", single-machine " + single);
    assertTrue(run.epochLosses().get(EPOCHS - 1) < run.epochLosses().get(0),
        "the loss falls: " + run.epochLosses());
  }

  @Test
  void parameterAveragingIsWithinOneAccuracyPointOfSingleMachineTraining() throws Exception {
    double single = singleMachineAccuracy();
    DistributedTrainingResult run = train(DistributedConfig.of(EPOCHS, SEED)
        .withBatchSize(BATCH).averagingParameters(2));
    double distributed = accuracy(run.model(), "averaged");
    assertTrue(Math.abs(distributed - single) <= 0.01, "parameter-averaged accuracy "
        + distributed + ", single-machine " + single);
  }

  @Test
  void aRunIsReproducibleToTheBitForASeedAndPartitioning() throws Exception {
    DistributedConfig config = DistributedConfig.of(1, SEED).withBatchSize(BATCH);
    Map<String, Tensor> a = train(config).model().model().parameters();
    Map<String, Tensor> b = train(config).model().model().parameters();
    for (String name : a.keySet()) {
      assertArrayEquals(a.get(name).data(), b.get(name).data(), name);
    }
  }

  @Test
  void aRunResumedFromItsCheckpointEndsWithTheWeightsOfAnUninterruptedRun() throws Exception {
    DistributedConfig config = DistributedConfig.of(2, SEED).withBatchSize(BATCH)
        .averagingParameters(2);
    Map<String, Tensor> straight = train(config).model().model().parameters();
    Path checkpoint = dir.resolve("run.ckpt");
    train(config.withEpochs(1).withCheckpoint(checkpoint));
    assertTrue(Files.exists(checkpoint));
    DistributedTrainingResult resumed = train(config.withCheckpoint(checkpoint));
    assertEquals(2, resumed.epochLosses().size());
    Map<String, Tensor> after = resumed.model().model().parameters();
    for (String name : straight.keySet()) {
      assertArrayEquals(straight.get(name).data(), after.get(name).data(), name);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> train(config.withCheckpoint(checkpoint).withBatchSize(8)));
    assertTrue(e.getMessage().contains("batch_size 32, this run has 8"), e.getMessage());
  }

  @Test
  void onOnePartitionParameterAveragingEveryStepIsGradientAveraging() throws Exception {
    // one replica taking one step from the driver's weights and Adam state is the driver's step:
    // equal up to the rounding of weighting by the rows and dividing again
    Dataset<Row> one = reviews().coalesce(1);
    DistributedConfig config = DistributedConfig.of(1, SEED).withBatchSize(BATCH);
    Map<String, Tensor> g = DistributedClassifierTrainer.of(spark, config, MODEL)
        .fit(one, "review", "sentiment").model().model().parameters();
    Map<String, Tensor> p = DistributedClassifierTrainer.of(spark, config.averagingParameters(1),
        MODEL).fit(one, "review", "sentiment").model().model().parameters();
    for (String name : g.keySet()) {
      float[] a = g.get(name).data();
      float[] b = p.get(name).data();
      for (int i = 0; i < a.length; i++) {
        assertEquals(a[i], b[i], 1e-5 * Math.max(1, Math.abs(a[i])), name + "[" + i + "]");
      }
    }
  }

  @Test
  void emptyPartitionsSitOut() throws Exception {
    List<Row> rows = new ArrayList<>();
    TRAIN.subList(0, 10).forEach(r -> rows.add(RowFactory.create(r.text(), r.label())));
    StructType schema = new StructType().add("review", DataTypes.StringType)
        .add("sentiment", DataTypes.StringType);
    Dataset<Row> sparse = spark.createDataFrame(JavaSparkContext.fromSparkContext(
        spark.sparkContext()).parallelize(rows, 12), schema); // two partitions without a row
    for (DistributedConfig config : List.of(DistributedConfig.of(1, SEED).withBatchSize(12),
        DistributedConfig.of(1, SEED).withBatchSize(12).averagingParameters(2))) {
      DistributedTrainingResult run = DistributedClassifierTrainer.of(spark, config, MODEL)
          .fit(sparse, "review", "sentiment");
      assertEquals(12, run.partitions());
      assertEquals(1, run.stepsPerEpoch());
      assertTrue(Double.isFinite(run.epochLosses().get(0)), run.epochLosses().toString());
    }
  }

  @Test
  void anUnknownOptionIsNamedWithTheOptionsThereAre() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DistributedClassifierTrainer.of(spark, DistributedConfig.of(1, SEED),
            Map.of("hiden", "16")));
    assertTrue(e.getMessage().startsWith("option 'hiden' is not a model or text option of"
        + " distributed classifier training: the options are [bidirectional, cell,"),
        e.getMessage());
  }

  @Test
  void aMissingColumnIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DistributedClassifierTrainer.of(spark, DistributedConfig.of(1, SEED), MODEL)
            .fit(reviews(), "text", "sentiment"));
    assertEquals("column 'text' is not in the training data: its columns are [review,"
        + " sentiment]", e.getMessage());
  }
}
