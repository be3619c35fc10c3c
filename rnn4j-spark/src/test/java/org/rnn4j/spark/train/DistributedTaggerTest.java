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
import org.rnn4j.data.format.TaggedSentence;
import org.rnn4j.io.ModelFile;
import org.rnn4j.spark.TestSpark;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.task.TrainingJob;
import org.rnn4j.task.tag.SentenceTagger;
import org.rnn4j.task.tag.TagEvaluation;
import org.rnn4j.train.TrainingRecipe;

/**
 * Data-parallel training of a named-entity tagger (the tag family) on local[2]: as good as
 * single-machine training at the same seed and epochs, reproducible to the bit, the same from
 * array and string columns, bad input named.
 */
class DistributedTaggerTest {
  private static final long SEED = 3;
  private static final int EPOCHS = 3;
  private static final int BATCH = 32;
  private static final Map<String, String> MODEL = Map.of("embedding", "8", "hidden", "16");
  private static final List<Corpora.Tagged> TRAIN = Corpora.tagged(400, 1);
  private static final List<Corpora.Tagged> TEST = Corpora.tagged(100, 2);
  private static final DataType STRINGS = DataTypes.createArrayType(DataTypes.StringType);

  private final SparkSession spark = TestSpark.session();
  @TempDir
  Path dir;

  /** The training sentences as (tokens, tags) columns of array&lt;string&gt; in 2 partitions. */
  private Dataset<Row> sentences() {
    List<Object[]> rows = new ArrayList<>();
    TRAIN.forEach(s -> rows.add(new Object[] {s.tokens().toArray(new String[0]),
        s.tags().toArray(new String[0])}));
    return Corpora.frame(spark, rows, 2, new String[] {"tokens", "tags"},
        new DataType[] {STRINGS, STRINGS});
  }

  private DistributedTrainingResult train(DistributedConfig config, Dataset<Row> data) {
    return DistributedTrainer.of(spark, config, "tag", MODEL).fit(data, "tokens", "tags");
  }

  /** Entity F1 and token accuracy on the test sentences of a model, saved and loaded. */
  private TagEvaluation evaluate(TrainedModel model, String name) throws Exception {
    Path file = dir.resolve(name + ".safetensors");
    model.save(file, ModelFile.Provenance.now(SEED, ""));
    return SentenceTagger.load(file).evaluate("test", TEST.stream()
        .map(s -> new TaggedSentence(s.tokens(), s.tags())).toList());
  }

  private static TagEvaluation singleMachine;

  private TagEvaluation singleMachine() throws Exception {
    if (singleMachine == null) {
      List<String> conll = new ArrayList<>();
      for (Corpora.Tagged s : TRAIN) {
        for (int i = 0; i < s.tokens().size(); i++) {
          conll.add(s.tokens().get(i) + " " + s.tags().get(i));
        }
        conll.add("");
      }
      Path data = dir.resolve("train.conll");
      Files.write(data, conll);
      Map<String, String> options = new HashMap<>(MODEL);
      options.put("format", "conll");
      options.put("tag-column", "1");
      TrainedModel single = TaskFamilies.named("tag").train(new TrainingJob(data,
          TaskOptions.of(options), TrainingRecipe.of(EPOCHS, SEED), BATCH, 0,
          new PrintWriter(new StringWriter())));
      singleMachine = evaluate(single, "single");
    }
    return singleMachine;
  }

  @Test
  void bothAveragingsTagAsWellAsSingleMachineTraining() throws Exception {
    TagEvaluation single = singleMachine();
    assertTrue(single.f1() > 0.9, "single-machine training learns the entities: F1 "
        + single.f1());
    DistributedTrainingResult gradients = train(DistributedConfig.of(EPOCHS, SEED)
        .withBatchSize(BATCH), sentences());
    TagEvaluation g = evaluate(gradients.model(), "gradients");
    assertTrue(Math.abs(g.f1() - single.f1()) <= 0.03, "distributed F1 " + g.f1()
        + ", single-machine " + single.f1());
    assertTrue(gradients.epochLosses().get(EPOCHS - 1) < gradients.epochLosses().get(0),
        gradients.epochLosses().toString());
    assertEquals(single.score().tokens(), g.score().tokens());
    TagEvaluation p = evaluate(train(DistributedConfig.of(EPOCHS, SEED).withBatchSize(BATCH)
        .averagingParameters(2), sentences()).model(), "parameters");
    assertTrue(Math.abs(p.f1() - single.f1()) <= 0.05, "parameter-averaged F1 " + p.f1()
        + ", single-machine " + single.f1());
  }

  @Test
  void aRunIsReproducibleToTheBitAndTheSameFromStringColumns() {
    DistributedConfig config = DistributedConfig.of(1, SEED).withBatchSize(BATCH);
    DistributedTrainingResult a = train(config, sentences());
    Corpora.assertSameWeights(a.model().model().parameters(),
        train(config, sentences()).model().model().parameters());
    List<Object[]> rows = new ArrayList<>();
    TRAIN.forEach(s -> rows.add(new Object[] {String.join(" ", s.tokens()),
        "  " + String.join("  ", s.tags()) + " "}));
    Dataset<Row> strings = Corpora.frame(spark, rows, 2, new String[] {"tokens", "tags"},
        new DataType[] {DataTypes.StringType, DataTypes.StringType});
    DistributedTrainingResult b = train(config, strings);
    assertEquals(a.model().config().toJson(), b.model().config().toJson());
    assertEquals(a.model().vocabulary(), b.model().vocabulary());
    Corpora.assertSameWeights(a.model().model().parameters(), b.model().model().parameters());
  }

  @Test
  void badInputIsNamed() {
    DistributedTrainer trainer = DistributedTrainer.of(spark, DistributedConfig.of(1, SEED),
        "tag", MODEL);
    Dataset<Row> unequal = Corpora.frame(spark, List.of(
            new Object[] {new String[] {"Ann", "went"}, new String[] {"B-PER", "O"}},
            new Object[] {new String[] {"to", "Rome"}, new String[] {"O"}}), 1,
        new String[] {"tokens", "tags"}, new DataType[] {STRINGS, STRINGS});
    IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
        () -> trainer.fit(unequal, "tokens", "tags"));
    assertEquals("columns 'tokens' and 'tags' differ in length in 1 training rows: expected one"
        + " tag per token", lengths.getMessage());
    Dataset<Row> numbers = Corpora.frame(spark, List.<Object[]>of(new Object[] {"Ann", 1}), 1,
        new String[] {"tokens", "tags"},
        new DataType[] {DataTypes.StringType, DataTypes.IntegerType});
    IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
        () -> trainer.fit(numbers, "tokens", "tags"));
    assertEquals("column 'tags' is of type int: expected array<string> or a string of"
        + " whitespace-separated tokens", type.getMessage());
    Dataset<Row> empty = Corpora.frame(spark, List.of(
            new Object[] {new String[] {"Ann"}, new String[] {"B-PER"}},
            new Object[] {new String[] {}, new String[] {}}), 1,
        new String[] {"tokens", "tags"}, new DataType[] {STRINGS, STRINGS});
    IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
        () -> trainer.fit(empty, "tokens", "tags"));
    assertEquals("column 'tokens' is empty in 1 training rows: expected at least one token in"
        + " every row", blank.getMessage());
    Dataset<Row> nullToken = Corpora.frame(spark, List.<Object[]>of(
            new Object[] {new String[] {"Ann", null}, new String[] {"B-PER", "O"}}), 1,
        new String[] {"tokens", "tags"}, new DataType[] {STRINGS, STRINGS});
    IllegalArgumentException nulls = assertThrows(IllegalArgumentException.class,
        () -> trainer.fit(nullToken, "tokens", "tags"));
    assertEquals("column 'tokens' holds a null token in 1 training rows", nulls.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> trainer.fit(sentences(), "words", "tags"));
    assertEquals("column 'words' is not in the training data: its columns are [tokens, tags]",
        missing.getMessage());
  }
}
