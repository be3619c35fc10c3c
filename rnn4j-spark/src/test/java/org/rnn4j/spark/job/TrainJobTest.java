package org.rnn4j.spark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.spark.TestSpark;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.task.TaskModel;
import org.rnn4j.task.TaskOptions;

/** The job jar's {@code train --task …} on local[2]: each family's data read, a model file out. */
class TrainJobTest {
  @TempDir
  Path dir;

  private TaskModel train(String... args) throws Exception {
    TrainJob.run(TestSpark.session(), JobArgs.parse(args, 0, TrainJob.FLAGS));
    Path out = Path.of(args[java.util.Arrays.asList(args).indexOf("--out") + 1]);
    return TaskFamilies.load(out);
  }

  @Test
  void anLmIsTrainedOnTheLinesOfATextFile() throws Exception {
    Path data = dir.resolve("corpus.txt");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      lines.add(i % 7 == 0 ? "" : "the cat sat on mat number " + (i % 5));
    }
    Files.write(data, lines);
    TaskModel lm = train("--task", "lm", "--data", data.toString(), "--out",
        dir.resolve("lm.safetensors").toString(), "--epochs", "1", "--partitions", "2",
        "--hidden", "8", "--embedding", "4");
    assertEquals("lm", lm.config().task());
    assertEquals(1, lm.predict(List.of("the cat"), TaskOptions.none()).size());
  }

  @Test
  void aTaggerIsTrainedOnACsvOfTokensAndTags() throws Exception {
    Path data = dir.resolve("ner.csv");
    List<String> lines = new ArrayList<>(List.of("words,labels"));
    for (int i = 0; i < 40; i++) {
      lines.add(i % 2 == 0 ? "Ann went to Rome,B-PER O O B-LOC" : "Bob left,B-PER O");
    }
    Files.write(data, lines);
    TaskModel tagger = train("--task", "tag", "--data", data.toString(), "--out",
        dir.resolve("tag.safetensors").toString(), "--epochs", "1", "--partitions", "2",
        "--tokens-column", "words", "--tags-column", "labels", "--hidden", "8",
        "--lower-case");
    assertEquals("tag", tagger.config().task());
    assertTrue(tagger.predict(List.of("Ann went to Oslo"), TaskOptions.none()).get(0).toString()
        .length() > 0);
  }

  @Test
  void aForecasterIsTrainedOnSeriesOneALine() throws Exception {
    Path data = dir.resolve("series.txt");
    List<String> lines = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      StringBuilder line = new StringBuilder();
      for (int t = 0; t < 40; t++) {
        line.append(t == 0 ? "" : t % 2 == 0 ? ", " : " ").append(s + Math.sin(t / 2.0));
      }
      lines.add(line.toString());
    }
    lines.add("");
    Files.write(data, lines);
    TaskModel forecaster = train("--task", "forecast", "--data", data.toString(), "--out",
        dir.resolve("forecast.safetensors").toString(), "--epochs", "1", "--partitions", "2",
        "--window", "6", "--hidden", "8");
    assertEquals("forecast", forecaster.config().task());
    Files.write(data, List.of("1, 2, 3", "4, five, 6"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> train("--task", "forecast", "--data", data.toString(), "--out",
            dir.resolve("bad.safetensors").toString()));
    assertEquals("--data: 1 lines hold something that is not a number: expected one series per"
        + " line, numbers separated by commas or spaces", e.getMessage());
  }

  @Test
  void anUnknownTaskIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrainJob.run(TestSpark.session(), JobArgs.parse(new String[] {"--task", "speech",
            "--data", "x", "--out", "y"}, 0, TrainJob.FLAGS)));
    assertEquals("--task must be one of [classify, lm, tag, seq2seq, forecast, ctc], got"
        + " 'speech'", e.getMessage());
  }
}
