package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnn4j.io.Safetensors;
import org.rnn4j.io.SafetensorsFile;
import org.rnn4j.tensor.Tensor;

/**
 * {@code --init-from} and {@code --validation-data} in every family, on the golden data: a run
 * from a trained model starts from its weights exactly and refuses another architecture; a
 * validation file validates instead of a part of the data.
 */
class TrainOnFamiliesTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  @TempDir Path dir;

  /** The family, its data and options, and an architecture option to contradict. */
  static Stream<Arguments> families() {
    return Stream.of(
        Arguments.of("classify", List.of("--data", GOLDEN.resolve("reviews.csv").toString(),
            "--text", "review", "--label", "sentiment"), "--pooling", "mean", "last"),
        Arguments.of("tag", List.of("--format", "conll", "--data",
            GOLDEN.resolve("train.conll").toString()), "--embedding", "6", "4"),
        Arguments.of("seq2seq", List.of("--tokens", "word", "--data",
            GOLDEN.resolve("pairs.tsv").toString()), "--attention", "multiplicative", "additive"),
        Arguments.of("forecast", List.of("--data", GOLDEN.resolve("sales.csv").toString(),
            "--time", "month", "--value", "sales", "--window", "6", "--log"), "--season", "12",
            "1"),
        Arguments.of("lm", List.of("--data", GOLDEN.resolve("names.txt").toString()),
            "--layers", "2", "1"));
  }

  private CliRun train(String task, List<String> data, String out, String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--task", task, "--out",
        dir.resolve(out).toString(), "--epochs", "1", "--batch", "16", "--quiet"));
    args.addAll(data);
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("families")
  void aRunFromATrainedModelStartsFromItsWeightsAndKeepsItsArchitecture(String task,
      List<String> data, String option, String other, String model) throws IOException {
    CliRun first = task.equals("forecast")
        ? train(task, data, "first.safetensors", "--hidden", "6")
        : train(task, data, "first.safetensors", "--hidden", "6", "--embedding", "4");
    assertEquals(0, first.code(), first.err());
    CliRun still = train(task, data, "still.safetensors", "--init-from",
        dir.resolve("first.safetensors").toString(), "--learning-rate", "1e-12");
    assertEquals(0, still.code(), still.err());
    SafetensorsFile a = Safetensors.read(dir.resolve("first.safetensors"));
    SafetensorsFile b = Safetensors.read(dir.resolve("still.safetensors"));
    assertEquals(a.metadata().get("config"), b.metadata().get("config"));
    assertEquals(a.metadata().get("vocabulary"), b.metadata().get("vocabulary"));
    for (var e : a.tensors().entrySet()) {
      Tensor t = b.tensors().get(e.getKey());
      for (int i = 0; i < t.size(); i++) {
        assertEquals(e.getValue().data()[i], t.data()[i], 1e-6, e.getKey() + "[" + i + "]");
      }
    }
    CliRun conflict = train(task, data, "x.safetensors", "--init-from",
        dir.resolve("first.safetensors").toString(), option, other);
    assertEquals(2, conflict.code(), conflict.err());
    assertTrue(conflict.err().startsWith("rnn4j: " + option + " " + other + " conflicts with"
        + " --init-from " + dir.resolve("first.safetensors") + ": its " + option.substring(2)
        + " is " + model + "; "), conflict.err());
    CliRun same = train(task, data, "x.safetensors", "--init-from",
        dir.resolve("first.safetensors").toString(), option, model, "--hidden", "6");
    assertEquals(0, same.code(), "the model's own values may be given: " + same.err());
  }

  /** The family, its data options, a validation file and how many records it holds. */
  static Stream<Arguments> validationFiles() {
    return Stream.of(
        Arguments.of("tag", List.of("--format", "conll", "--data",
            GOLDEN.resolve("train.conll").toString()), GOLDEN.resolve("test.conll"),
            ": 200 for training, 40 for validation"),
        Arguments.of("seq2seq", List.of("--tokens", "word", "--data",
            GOLDEN.resolve("pairs.tsv").toString()), GOLDEN.resolve("pairs-test.tsv"),
            ": 300 pairs for training, 40 for validation"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validationFiles")
  void aValidationFileValidatesInEveryFamilyThatSplits(String task, List<String> data,
      Path validation, String counts) {
    CliRun run = train(task, data, "v.safetensors", "--hidden", "6", "--embedding", "4",
        "--validation-data", validation.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.err().contains(counts), run.err());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("families")
  void aClassifierValidatesOnACsvFileAndAForecasterRefusesOne(String task, List<String> data,
      String option, String other, String model) throws IOException {
    if (task.equals("classify")) {
      List<String> lines = Files.readAllLines(GOLDEN.resolve("reviews.csv"));
      Path held = Files.write(dir.resolve("held.csv"), lines.subList(0, 21));
      CliRun run = train(task, data, "v.safetensors", "--hidden", "6", "--validation-data",
          held.toString());
      assertEquals(0, run.code(), run.err());
      assertTrue(run.err().contains(": 240 for training, 20 for validation"), run.err());
    } else if (task.equals("forecast")) {
      CliRun run = train(task, data, "v.safetensors", "--validation-data",
          GOLDEN.resolve("sales.csv").toString());
      assertEquals(2, run.code(), run.err());
      assertTrue(run.err().startsWith("rnn4j: --validation-data does not apply to --task"
          + " forecast: its validation is the last part of the series itself"), run.err());
    }
  }

  @org.junit.jupiter.api.Test
  void anEncoderDecoderStopsOnTheChrFOfItsTranslations() throws IOException {
    CliRun run = train("seq2seq", List.of("--tokens", "word", "--data",
        GOLDEN.resolve("pairs.tsv").toString()), "t.safetensors", "--hidden", "8",
        "--embedding", "4", "--early-stopping", "1", "--early-stopping-metric", "chrf");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.err().contains("best validation chrf: "), run.err());
    List<String> epochs = Files.readAllLines(dir.resolve("t.metrics.jsonl")).stream()
        .filter(l -> l.contains("\"type\":\"epoch\"")).toList();
    assertEquals(1, epochs.size());
    epochs.forEach(l -> assertTrue(l.contains("\"chrf\":") && l.contains("\"bleu\":"), l));
  }

  @org.junit.jupiter.api.Test
  void aTagTheModelLacksIsNamedWithItsFile() throws IOException {
    List<String> data = List.of("--format", "conll", "--data",
        GOLDEN.resolve("train.conll").toString());
    assertEquals(0, train("tag", data, "t.safetensors", "--hidden", "6").code());
    Path other = Files.write(dir.resolve("other.conll"), List.of("Ada NN O B-PER",
        "flies NN O O", "", "Zork NN O B-GAME", "runs NN O O", ""));
    CliRun run = train("tag", List.of("--format", "conll", "--data", other.toString()),
        "u.safetensors", "--init-from", dir.resolve("t.safetensors").toString(),
        "--validation", "0");
    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("rnn4j: " + other + ": sentence "), run.err());
    assertTrue(run.err().contains(": tag 'B-GAME' is not one of the model's tags [")
        && run.err().contains("] (the tags of --init-from " + dir.resolve("t.safetensors")
        + ")"), run.err());
  }
}
