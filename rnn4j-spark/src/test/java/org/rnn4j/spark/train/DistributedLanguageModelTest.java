package org.rnn4j.spark.train;

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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.io.ModelFile;
import org.rnn4j.spark.SparkPredictor;
import org.rnn4j.spark.TestSpark;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.task.TrainingJob;
import org.rnn4j.task.lm.TextGenerator;
import org.rnn4j.train.TrainingRecipe;

/**
 * Data-parallel training of a character language model (the lm family) on local[2]: as good as
 * single-machine training at the same seed and epochs, reproducible to the bit, resumable from
 * the driver's checkpoint, with documents cut into windows of the model's length.
 */
class DistributedLanguageModelTest {
  private static final long SEED = 7;
  private static final int EPOCHS = 5;
  private static final int BATCH = 32;
  private static final Map<String, String> MODEL = Map.of("embedding", "8", "hidden", "32");
  private static final List<String> TRAIN = Corpora.sentences(480, 1);
  private static final List<String> TEST = Corpora.sentences(100, 2);

  private final SparkSession spark = TestSpark.session();
  @TempDir
  Path dir;

  /** The training sentences as a (line: string) column in two partitions. */
  private Dataset<Row> lines() {
    List<Object[]> rows = new ArrayList<>();
    TRAIN.forEach(t -> rows.add(new Object[] {t}));
    return Corpora.frame(spark, rows, 2, new String[] {"line"},
        new DataType[] {DataTypes.StringType});
  }

  private DistributedTrainingResult train(DistributedConfig config) {
    return DistributedTrainer.of(spark, config, "lm", MODEL).fit(lines(), "line");
  }

  /** The perplexity per token of the test sentences under a model, saved and loaded. */
  private double perplexity(TrainedModel model, String name) throws Exception {
    Path file = dir.resolve(name + ".safetensors");
    model.save(file, ModelFile.Provenance.now(SEED, ""));
    return TextGenerator.load(file).evaluate("test", TEST).perplexity();
  }

  private static Double singleMachine;

  private double singleMachinePerplexity() throws Exception {
    if (singleMachine == null) {
      Path data = dir.resolve("train.txt");
      Files.write(data, TRAIN);
      TrainedModel single = TaskFamilies.named("lm").train(new TrainingJob(data,
          TaskOptions.of(MODEL), TrainingRecipe.of(EPOCHS, SEED), BATCH, 0,
          new PrintWriter(new StringWriter())));
      singleMachine = perplexity(single, "single");
    }
    return singleMachine;
  }

  @Test
  void gradientAveragingReachesThePerplexityOfSingleMachineTraining() throws Exception {
    double single = singleMachinePerplexity();
    DistributedTrainingResult run = train(DistributedConfig.of(EPOCHS, SEED).withBatchSize(BATCH));
    double distributed = perplexity(run.model(), "distributed");
    // the vocabulary holds 4 specials and 20-odd characters: an untrained model is near 25
    assertTrue(single < 2.5, "single-machine training learns the grammar: perplexity " + single);
    assertTrue(Math.abs(distributed - single) <= 0.1 * single, "distributed perplexity "
        + distributed + ", single-machine " + single);
    assertEquals(2, run.partitions());
    assertEquals(EPOCHS * run.stepsPerEpoch(), run.steps());
    assertTrue(run.epochLosses().get(EPOCHS - 1) < run.epochLosses().get(0),
        "the loss falls: " + run.epochLosses());
    assertEquals("lm", run.model().config().task());
    // the model file is an ordinary lm model: distributed inference scores with it too
    try (SparkPredictor scorer = SparkPredictor.load(spark, dir.resolve("distributed.safetensors"))
        .withInputColumn("line")) {
      List<Row> scored = scorer.transform(lines().limit(3)).select("prediction.perplexity",
          "prediction_error").collectAsList();
      assertEquals(3, scored.size());
      scored.forEach(r -> assertTrue(r.isNullAt(1) && r.getDouble(0) > 1, r.toString()));
    }
  }

  @Test
  void parameterAveragingReachesThePerplexityOfSingleMachineTraining() throws Exception {
    double single = singleMachinePerplexity();
    DistributedTrainingResult run = train(DistributedConfig.of(EPOCHS, SEED).withBatchSize(BATCH)
        .averagingParameters(2));
    double distributed = perplexity(run.model(), "averaged");
    assertTrue(Math.abs(distributed - single) <= 0.15 * single, "parameter-averaged perplexity "
        + distributed + ", single-machine " + single);
  }

  @Test
  void aRunIsReproducibleToTheBitForASeedAndPartitioning() {
    DistributedConfig config = DistributedConfig.of(1, SEED).withBatchSize(BATCH);
    Corpora.assertSameWeights(train(config).model().model().parameters(),
        train(config).model().model().parameters());
    DistributedConfig averaged = config.averagingParameters(3);
    Corpora.assertSameWeights(train(averaged).model().model().parameters(),
        train(averaged).model().model().parameters());
  }

  @Test
  void aRunResumedFromItsCheckpointEndsWithTheWeightsOfAnUninterruptedRun() {
    // gradient averaging here; the seq2seq test resumes a parameter-averaged run
    for (DistributedConfig config : List.of(DistributedConfig.of(2, SEED).withBatchSize(BATCH))) {
      DistributedTrainingResult straight = train(config);
      Path checkpoint = dir.resolve(config.averaging() + ".ckpt");
      train(config.withEpochs(1).withCheckpoint(checkpoint));
      assertTrue(Files.exists(checkpoint));
      DistributedTrainingResult resumed = train(config.withCheckpoint(checkpoint));
      assertEquals(straight.epochLosses(), resumed.epochLosses());
      assertEquals(straight.steps(), resumed.steps());
      Corpora.assertSameWeights(straight.model().model().parameters(),
          resumed.model().model().parameters());
    }
  }

  @Test
  void aCheckpointOfAnotherFamilyIsRefused() {
    Path checkpoint = dir.resolve("lm.ckpt");
    DistributedConfig config = DistributedConfig.of(1, SEED).withBatchSize(BATCH)
        .withCheckpoint(checkpoint);
    train(config);
    Map<String, String> classify = Map.of("embedding", "8", "hidden", "32");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DistributedTrainer.of(spark, config.withEpochs(2), "classify", classify)
            .fit(lines().withColumn("label", org.apache.spark.sql.functions.length(
                org.apache.spark.sql.functions.col("line")).mod(2)), "line", "label"));
    assertTrue(e.getMessage().contains("written with task lm, this run has classify"),
        e.getMessage());
  }

  @Test
  void withASequenceLengthEachPartitionIsCutIntoWindowsOfTheModelsLength() throws Exception {
    // the sentences of a partition as three long documents: one stream cut into windows of 16
    List<Object[]> documents = new ArrayList<>();
    for (int d = 0; d < 4; d++) {
      documents.add(new Object[] {String.join(" . ", TRAIN.subList(d * 120, d * 120 + 120))});
    }
    Dataset<Row> docs = Corpora.frame(spark, documents, 2, new String[] {"document"},
        new DataType[] {DataTypes.StringType});
    Map<String, String> options = new HashMap<>(MODEL);
    options.put("seq-length", "16");
    DistributedTrainingResult run = DistributedTrainer.of(spark,
            DistributedConfig.of(2, SEED).withBatchSize(BATCH).averagingParameters(2), "lm",
            options)
        .fit(docs, "document");
    long tokens = 0;
    for (int d = 0; d < 2; d++) { // the first partition: 2 documents, <bos> … <eos> each
      tokens += String.join(" . ", TRAIN.subList(d * 120, d * 120 + 120)).length() + 2;
    }
    int windows = (int) ((tokens - 1 + 15) / 16);
    assertEquals((windows + 15) / 16, run.stepsPerEpoch(), "windows of the first partition: "
        + windows);
    assertTrue(run.epochLosses().get(1) < run.epochLosses().get(0), run.epochLosses().toString());
    Path file = dir.resolve("windows.safetensors");
    run.model().save(file, ModelFile.Provenance.now(SEED, ""));
    double perplexity = TextGenerator.load(file).evaluate("test", TEST).perplexity();
    assertTrue(perplexity < 10, "perplexity " + perplexity);
  }

  @Test
  void badInputIsNamed() {
    DistributedTrainer trainer = DistributedTrainer.of(spark, DistributedConfig.of(1, SEED),
        "lm", MODEL);
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> trainer.fit(lines(), "text"));
    assertEquals("column 'text' is not in the training data: its columns are [line]",
        missing.getMessage());
    Dataset<Row> numbers = Corpora.frame(spark, List.<Object[]>of(new Object[] {1},
        new Object[] {2}), 1, new String[] {"line"}, new DataType[] {DataTypes.IntegerType});
    IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
        () -> trainer.fit(numbers, "line"));
    assertEquals("column 'line' is of type int: expected string (one text per row)",
        type.getMessage());
    Dataset<Row> nulls = Corpora.frame(spark, List.of(new Object[] {"a b"},
        new Object[] {null}), 1, new String[] {"line"}, new DataType[] {DataTypes.StringType});
    IllegalArgumentException isNull = assertThrows(IllegalArgumentException.class,
        () -> trainer.fit(nulls, "line"));
    assertTrue(isNull.getMessage().startsWith("column 'line' is null in 1 training rows"),
        isNull.getMessage());
    IllegalArgumentException columns = assertThrows(IllegalArgumentException.class,
        () -> trainer.fit(lines(), "line", "label"));
    assertEquals("distributed language model training reads 1 column(s), [text], got 2: [line,"
        + " label]", columns.getMessage());
    IllegalArgumentException option = assertThrows(IllegalArgumentException.class,
        () -> DistributedTrainer.of(spark, DistributedConfig.of(1, SEED), "lm",
            Map.of("bidirectional", "true")));
    assertTrue(option.getMessage().startsWith("option 'bidirectional' is not a model or text"
        + " option of distributed language model training: the options are [cell, dropout,"),
        option.getMessage());
    IllegalArgumentException task = assertThrows(IllegalArgumentException.class,
        () -> DistributedTrainer.of(spark, DistributedConfig.of(1, SEED), "speech", MODEL));
    assertEquals("task 'speech' does not train distributed: the tasks that do are [classify,"
        + " lm, tag, seq2seq, forecast, ctc]", task.getMessage());
  }
}
