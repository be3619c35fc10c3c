package org.rnn4j.spark.train;

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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.io.ModelFile;
import org.rnn4j.spark.TestSpark;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.task.TrainingJob;
import org.rnn4j.task.seq2seq.Translator;
import org.rnn4j.train.TrainingRecipe;

/**
 * Data-parallel training of a character encoder-decoder (the seq2seq family) on local[2]: as good
 * as single-machine training at the same seed and epochs, reproducible to the bit, resumable from
 * the driver's checkpoint, bad input named.
 */
class DistributedSeq2SeqTest {
  private static final long SEED = 5;
  private static final int EPOCHS = 4;
  private static final int BATCH = 32;
  private static final Map<String, String> MODEL = Map.of("embedding", "12", "hidden", "32");
  private static final List<Corpora.Pair> TRAIN = Corpora.pairs(480, 1);
  private static final List<Corpora.Pair> TEST = Corpora.pairs(100, 2);

  private final SparkSession spark = TestSpark.session();
  @TempDir
  Path dir;

  /** The training pairs as (src, tgt) string columns in 2 partitions. */
  private Dataset<Row> pairs() {
    return pairs(TRAIN);
  }

  private Dataset<Row> pairs(List<Corpora.Pair> pairs) {
    List<Object[]> rows = new ArrayList<>();
    pairs.forEach(p -> rows.add(new Object[] {p.source(), p.target()}));
    return Corpora.frame(spark, rows, 2, new String[] {"src", "tgt"},
        new DataType[] {DataTypes.StringType, DataTypes.StringType});
  }

  private DistributedTrainingResult train(DistributedConfig config) {
    return DistributedTrainer.of(spark, config, "seq2seq", MODEL).fit(pairs(), "src", "tgt");
  }

  /** A quick run: the first 128 pairs, batches of 16, a smaller model. */
  private DistributedTrainingResult trainSmall(DistributedConfig config) {
    return DistributedTrainer.of(spark, config.withBatchSize(16), "seq2seq",
            Map.of("embedding", "4", "hidden", "8"))
        .fit(pairs(TRAIN.subList(0, 128)), "src", "tgt");
  }

  /** The share of target characters a model, saved and loaded, translates right (greedy). */
  private double accuracy(TrainedModel model, String name) throws Exception {
    Path file = dir.resolve(name + ".safetensors");
    model.save(file, ModelFile.Provenance.now(SEED, ""));
    List<Translator.Translation> out = Translator.load(file).translate(
        TEST.stream().map(Corpora.Pair::source).toList(), Translator.Options.GREEDY);
    int right = 0;
    int total = 0;
    for (int i = 0; i < TEST.size(); i++) {
      String want = TEST.get(i).target();
      String got = out.get(i).text();
      for (int k = 0; k < want.length(); k++) {
        right += k < got.length() && got.charAt(k) == want.charAt(k) ? 1 : 0;
      }
      total += want.length();
    }
    return (double) right / total;
  }

  private static Double singleMachine;

  private double singleMachineAccuracy() throws Exception {
    if (singleMachine == null) {
      Path data = dir.resolve("train.tsv");
      Files.write(data, TRAIN.stream().map(p -> p.source() + "\t" + p.target()).toList());
      TrainedModel single = TaskFamilies.named("seq2seq").train(new TrainingJob(data,
          TaskOptions.of(MODEL), TrainingRecipe.of(EPOCHS, SEED), BATCH, 0,
          new PrintWriter(new StringWriter())));
      singleMachine = accuracy(single, "single");
    }
    return singleMachine;
  }

  /**
   * Single-machine training buckets the pairs by source length, distributed training batches
   * consecutive rows: with these few epochs the mixed batches learn faster, so the distributed
   * model must be at least as good, less a margin, not equally good.
   */
  @Test
  void bothAveragingsTranslateAtLeastAsWellAsSingleMachineTraining() throws Exception {
    double single = singleMachineAccuracy();
    // 6 target letters: guessing is right a sixth of the time
    assertTrue(single > 0.5, "single-machine training learns the mapping: " + single);
    DistributedTrainingResult gradients = train(DistributedConfig.of(EPOCHS, SEED)
        .withBatchSize(BATCH));
    double g = accuracy(gradients.model(), "gradients");
    assertTrue(g > 0.8 && g >= single - 0.05, "distributed " + g + ", single-machine " + single);
    assertTrue(gradients.epochLosses().get(EPOCHS - 1) < 0.7 * gradients.epochLosses().get(0),
        gradients.epochLosses().toString());
    double p = accuracy(train(DistributedConfig.of(EPOCHS, SEED).withBatchSize(BATCH)
        .averagingParameters(2)).model(), "parameters");
    assertTrue(p > 0.6 && p >= single - 0.1, "parameter-averaged " + p + ", single-machine "
        + single);
  }

  @Test
  void aRunIsReproducibleAndResumesExactly() {
    DistributedConfig config = DistributedConfig.of(2, SEED).averagingParameters(3);
    DistributedTrainingResult straight = trainSmall(config);
    Corpora.assertSameWeights(straight.model().model().parameters(),
        trainSmall(config).model().model().parameters());
    Path checkpoint = dir.resolve("run.ckpt");
    trainSmall(config.withEpochs(1).withCheckpoint(checkpoint));
    DistributedTrainingResult resumed = trainSmall(config.withCheckpoint(checkpoint));
    assertEquals(straight.epochLosses(), resumed.epochLosses());
    Corpora.assertSameWeights(straight.model().model().parameters(),
        resumed.model().model().parameters());
  }

  @Test
  void badInputIsNamed() {
    DistributedTrainer trainer = DistributedTrainer.of(spark, DistributedConfig.of(1, SEED),
        "seq2seq", MODEL);
    Dataset<Row> blank = Corpora.frame(spark, List.<Object[]>of(new Object[] {"abc", "bcd"},
            new Object[] {"ab", "  "}), 1, new String[] {"src", "tgt"},
        new DataType[] {DataTypes.StringType, DataTypes.StringType});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> trainer.fit(blank, "src", "tgt"));
    assertEquals("column 'tgt' is empty in 1 training rows: expected a text in every row",
        e.getMessage());
    Dataset<Row> numbers = Corpora.frame(spark, List.<Object[]>of(new Object[] {"abc", 2.5}), 1,
        new String[] {"src", "tgt"}, new DataType[] {DataTypes.StringType, DataTypes.DoubleType});
    e = assertThrows(IllegalArgumentException.class, () -> trainer.fit(numbers, "src", "tgt"));
    assertEquals("column 'tgt' is of type double: expected string", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DistributedTrainer.of(spark,
        DistributedConfig.of(1, SEED), "seq2seq", Map.of("attention", "dot")).fit(pairs(), "src",
        "tgt"));
    assertEquals("option 'attention' must be additive or multiplicative, got 'dot'",
        e.getMessage());
  }
}
