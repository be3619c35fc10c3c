package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task family the command line has never heard of (the test-only {@code org.rnn4j.task.toy},
 * registered by a service file in the test resources) is trained, evaluated and used through
 * {@code train}, {@code eval}, {@code predict} and {@code info}, with its own option.
 */
class ToyFamilyCommandsTest {
  @TempDir Path dir;

  /** Texts of a and b (and noise letters); the label says which of a and b is more frequent. */
  private static List<String> lines(long seed, int n) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>();
    while (lines.size() < n) {
      StringBuilder s = new StringBuilder();
      int a = 0;
      int b = 0;
      for (int i = rng.nextInt(3, 20); i > 0; i--) {
        int pick = rng.nextInt(3);
        s.append(pick == 0 ? 'a' : pick == 1 ? 'b' : 'x');
        a += pick == 0 ? 1 : 0;
        b += pick == 1 ? 1 : 0;
      }
      if (a != b) {
        lines.add(s + "\t" + (a > b ? "more-a" : "more-b"));
      }
    }
    return lines;
  }

  @Test
  void aFamilyTheCommandLineDoesNotKnowTrainsEvaluatesAndPredicts() throws IOException {
    Path train = Files.write(dir.resolve("train.tsv"), lines(1, 400));
    Path test = Files.write(dir.resolve("test.tsv"), lines(2, 100));
    Path model = dir.resolve("toy.safetensors");
    CliRun t = run("train", "--task", "toy", "--toy-alphabet", "ab", "--data", train.toString(),
        "--out", model.toString(), "--epochs", "40", "--learning-rate", "0.1", "--batch", "16");
    assertEquals(0, t.code(), t.err());
    assertTrue(t.err().contains("training a toy model on " + train), t.err());
    assertTrue(Files.exists(model) && Files.exists(dir.resolve("toy.metrics.jsonl")));

    CliRun eval = run("eval", "--model", model.toString(), "--data", test.toString());
    assertEquals(0, eval.code(), eval.err());
    int right = Integer.parseInt(eval.out().split(": ")[1].split(" ")[0]);
    assertTrue(right >= 90, "a linear model of letter frequencies separates a > b: " + eval.out());
    CliRun json = run("eval", "--json", "--model", model.toString(), "--data", test.toString());
    assertTrue(json.out().startsWith("{\"accuracy\":"), json.out());

    Path texts = Files.write(dir.resolve("texts.txt"), List.of("aaaab", "bbbxa"));
    CliRun predict = run("predict", "--model", model.toString(), texts.toString());
    assertEquals(List.of("more-a", "more-b"), predict.out().lines().toList(), predict.err());

    CliRun info = run("info", model.toString());
    assertTrue(info.out().contains("\"alphabet\" : \"ab\""), info.out());
    CliRun other = run("train", "--task", "toy", "--pooling", "max", "--data", train.toString(),
        "--out", dir.resolve("never.safetensors").toString());
    assertEquals("rnn4j: --pooling does not apply to --task toy (it applies to classify)",
        other.err().lines().findFirst().orElseThrow().replace(
            " (run with --verbose for the stack trace)", ""));
    assertTrue(!Files.exists(dir.resolve("never.metrics.jsonl")), "refused before writing");
    CliRun own = run("train", "--task", "classify", "--toy-alphabet", "ab", "--data",
        train.toString(), "--out", dir.resolve("never.safetensors").toString());
    assertTrue(own.err().contains("--toy-alphabet does not apply to --task classify (it applies"
        + " to toy)"), own.err());
    CliRun help = run("train", "--help");
    assertTrue(help.out().contains("--toy-alphabet") && help.out().contains("Task toy:"),
        help.out());
  }

  @Test
  void theCommandLineSourcesNameNoTaskFamilyInTrainEvalAndPredict() throws IOException {
    for (String command : List.of("TrainCommand", "EvalCommand", "PredictCommand",
        "FamilyOptions", "InfoCommand")) {
      String source = Files.readString(Path.of("src/main/java/org/rnn4j/cli/" + command + ".java"))
          .toLowerCase(Locale.ROOT);
      for (String family : List.of("toy", "\"lm\"", "\"classify\"", "\"tag\"", "\"seq2seq\"",
          "\"forecast\"", "task.lm", "task.classify", "task.tag", "task.seq2seq",
          "task.forecast")) {
        assertTrue(!source.contains(family), command + " mentions " + family);
      }
    }
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      assertTrue(files.noneMatch(f -> f.toString().toLowerCase(Locale.ROOT).contains("toy")));
    }
  }
}
