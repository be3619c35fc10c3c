package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.io.Safetensors;
import org.rnn4j.tensor.Tensor;

/**
 * What {@code train} reads and writes: it refuses to overwrite an input or to start on a path it
 * cannot write, replaces the model's metrics log only when the new model is saved, and continues
 * a checkpointed run exactly.
 */
class TrainFilesTest {
  private static final List<String> NAMES = TrainingNames.NAMES;

  @TempDir Path dir;

  private Path names() throws IOException {
    return Files.write(dir.resolve("names.txt"), NAMES);
  }

  private static String firstLine(CliRun r) {
    return r.err().lines().findFirst().orElse("")
        .replace(" (run with --verbose for the stack trace)", "");
  }

  private static CliRun train(Path data, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--task", "lm", "--data",
        data.toString(), "--out", out.toString(), "--hidden", "8", "--embedding", "4",
        "--seed", "3"));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  @Test
  void anOutputThatIsAnInputIsRefusedBeforeAnyWork() throws IOException {
    Path data = names();
    CliRun same = train(data, data);
    assertEquals(1, same.code());
    assertEquals("rnn4j: --out " + data + " is the same file as --data " + data
        + ": refusing to overwrite it", firstLine(same));
    assertEquals(NAMES, Files.readAllLines(data), "the data is untouched");
    CliRun viaDots = train(data, dir.resolve("sub/../names.txt"));
    assertEquals(1, viaDots.code());
    assertTrue(firstLine(viaDots).contains("is the same file as --data"), viaDots.err());
    CliRun checkpoint = train(data, dir.resolve("m.safetensors"), "--checkpoint",
        data.toString());
    assertTrue(firstLine(checkpoint).startsWith("rnn4j: --checkpoint " + data
        + " is the same file as --data"), checkpoint.err());
    assertEquals(NAMES, Files.readAllLines(data));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(data), files.toList(), "nothing was written");
    }
  }

  @Test
  void aValidationShareThatLeavesNothingToTrainOnIsOneClearLine() throws IOException {
    Path data = Files.write(dir.resolve("twelve.txt"), NAMES.subList(0, 12));
    CliRun r = train(data, dir.resolve("m.safetensors"), "--epochs", "1", "--validation",
        "0.99");
    assertEquals(1, r.code(), r.err());
    assertEquals("rnn4j: --validation 0.99 leaves no record to train on: of 12 records, 12 are"
        + " held out for validation; hold out less, or give more data", firstLine(r));
    assertFalse(Files.exists(dir.resolve("m.safetensors")));
  }

  @Test
  void missingDirectoryAndUnwritableOutputsAreNamedBeforeTraining() throws IOException {
    Path data = names();
    assertEquals("rnn4j: --data " + dir.resolve("nope.txt") + ": not found",
        firstLine(train(dir.resolve("nope.txt"), dir.resolve("m.safetensors"))));
    assertEquals("rnn4j: --data " + dir + ": is a directory, expected a file",
        firstLine(train(dir, dir.resolve("m.safetensors"))));
    Path folder = Files.createDirectory(dir.resolve("models"));
    CliRun intoFolder = train(data, folder);
    assertEquals("rnn4j: --out " + folder + ": is a directory, expected a file to write",
        firstLine(intoFolder));
    assertFalse(intoFolder.err().contains("epoch"), "refused before training");
  }

  @Test
  void aFailedRunLeavesThePreviousModelAndItsLogAsTheyWere() throws IOException {
    Path data = names();
    Path model = dir.resolve("m.safetensors");
    assertEquals(0, train(data, model, "--epochs", "1").code());
    byte[] weights = Files.readAllBytes(model);
    List<String> log = Files.readAllLines(dir.resolve("m.metrics.jsonl"));
    assertEquals("run", log.get(0).replaceAll(".*\"type\":\"(\\w+)\".*", "$1"));
    CliRun diverged = train(data, model, "--epochs", "3", "--batch", "4", "--learning-rate",
        "1e38", "--clip", "0");
    assertEquals(1, diverged.code(), diverged.out());
    assertTrue(diverged.err().contains("training diverged"), diverged.err());
    assertArrayEquals(weights, Files.readAllBytes(model), "the model on disk is the old one");
    assertEquals(log, Files.readAllLines(dir.resolve("m.metrics.jsonl")), "and so is its log");
    assertFalse(Files.exists(dir.resolve("m.metrics.jsonl.partial")), "no leftovers");
  }

  @Test
  void aCheckpointedRunContinuedWithResumeEndsWithTheWeightsOfAnUnbrokenOne() throws Exception {
    Path data = names();
    Path checkpoint = dir.resolve("run.ckpt");
    Path first = dir.resolve("first.safetensors");
    assertEquals(0, train(data, first, "--epochs", "2", "--dropout", "0.2", "--layers", "2",
        "--checkpoint", checkpoint.toString()).code());
    CliRun again = train(data, first, "--epochs", "2", "--checkpoint", checkpoint.toString());
    assertEquals(2, again.code(), "a checkpoint is never continued silently");
    assertTrue(again.err().contains("holds a run already: add --resume"), again.err());
    CliRun resumed = train(data, dir.resolve("resumed.safetensors"), "--epochs", "4",
        "--dropout", "0.2", "--layers", "2", "--checkpoint", checkpoint.toString(), "--resume");
    assertEquals(0, resumed.code(), resumed.err());
    assertEquals(0, train(data, dir.resolve("whole.safetensors"), "--epochs", "4", "--dropout",
        "0.2", "--layers", "2").code());
    Map<String, Tensor> whole = Safetensors.read(dir.resolve("whole.safetensors")).tensors();
    Map<String, Tensor> continued =
        Safetensors.read(dir.resolve("resumed.safetensors")).tensors();
    for (Map.Entry<String, Tensor> e : whole.entrySet()) {
      assertArrayEquals(e.getValue().data(), continued.get(e.getKey()).data(), 0f, e.getKey());
    }
    List<String> log = Files.readAllLines(dir.resolve("resumed.metrics.jsonl"));
    assertTrue(log.get(0).contains("\"type\":\"run\"") && log.get(0).contains("\"first_epoch\":3"),
        "the resumed run's log starts where it resumed: " + log.get(0));
    CliRun missing = train(data, first, "--checkpoint", dir.resolve("none.ckpt").toString(),
        "--resume");
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("--resume: --checkpoint " + dir.resolve("none.ckpt")
        + ": not found"), missing.err());
    assertEquals(2, train(data, first, "--resume").code(), "--resume needs --checkpoint");
  }

  @Test
  void outOfRangeRunSettingsAreUsageErrorsNamingTheOption() throws IOException {
    Path data = names();
    Path model = dir.resolve("m.safetensors");
    CliRun batch = train(data, model, "--batch", "0");
    assertEquals(2, batch.code());
    assertEquals("rnn4j: --batch must be at least 1, got 0", firstLine(batch));
    assertTrue(batch.err().contains("(see rnn4j train --help)"), batch.err());
    assertEquals("rnn4j: --learning-rate must be positive and finite, got -1.0",
        firstLine(train(data, model, "--learning-rate", "-1")));
    assertEquals("rnn4j: --validation must lie in [0, 1), got 1.0",
        firstLine(train(data, model, "--validation", "1")));
    CliRun hidden = train(data, model, "--layers", "0");
    assertEquals(2, hidden.code());
    assertEquals("rnn4j: --layers must be at least 1, got 0", firstLine(hidden));
    assertFalse(Files.exists(model));
  }

  @Test
  void everyCommandNamesAMissingOrDirectoryInputWithWhatIsWrong() throws IOException {
    Path model = Path.of("src/test/resources/golden/models/lm.safetensors");
    Path nope = dir.resolve("nope.txt");
    assertEquals("rnn4j: --data " + nope + ": not found",
        firstLine(run("eval", "--model", model.toString(), "--data", nope.toString())));
    assertEquals("rnn4j: --model " + dir + ": is a directory, expected a file",
        firstLine(run("generate", "--model", dir.toString())));
    assertEquals("rnn4j: " + nope + ": not found",
        firstLine(run("predict", "--model", model.toString(), nope.toString())));
    assertEquals("rnn4j: " + nope + ": not found",
        firstLine(run("score", "--model", model.toString(), names().toString(), nope.toString())));
    assertEquals("rnn4j: " + dir + ": is a directory, expected a file",
        firstLine(run("info", dir.toString())));
  }

  @Test
  void aModelTooLargeForTheHeapIsRefusedBeforeItsWeightsAreAllocated() throws IOException {
    CliRun big = run("train", "--task", "lm", "--data", names().toString(), "--out",
        dir.resolve("big.safetensors").toString(), "--hidden", "20000");
    assertEquals(1, big.code());
    assertTrue(firstLine(big).startsWith("rnn4j: the model is too large to train here: a tensor"
        + " of 1,600,000,000 values would bring the total to"), big.err());
    assertTrue(big.err().contains("choose a smaller --hidden, --layers or --embedding"),
        big.err());
  }

  @Test
  void maxLengthCutsLongTrainingTextsAndSaysHowMany() throws IOException {
    List<String> lines = new ArrayList<>(NAMES);
    lines.add("x".repeat(5_000));
    Path data = Files.write(dir.resolve("long.txt"), lines);
    CliRun r = train(data, dir.resolve("m.safetensors"), "--epochs", "1", "--max-length", "20",
        "--validation", "0");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("cut 1 of 28 examples to keep them within --max-length 20"
        + " tokens"), r.err());
    assertEquals(2, train(data, dir.resolve("m.safetensors"), "--max-length", "0").code());
  }
}
