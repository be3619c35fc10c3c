package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.io.Safetensors;
import org.rnn4j.io.SafetensorsFile;

/**
 * {@code train}'s settings beyond the defaults: a validation file, the watched metric, the
 * optimizer and schedule, continuing from a trained model, the streamed language model.
 */
class TrainOptionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private Path names() throws IOException {
    return Files.write(dir.resolve("names.txt"), TrainingNames.NAMES);
  }

  /** Small lm runs: batch 8, 1 epoch and hidden 8 unless given, then the given options. */
  private CliRun lm(Path data, String out, String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--task", "lm", "--data",
        data.toString(), "--out", dir.resolve(out).toString(), "--batch", "8", "--quiet"));
    List<String> given = List.of(more);
    if (!given.contains("--epochs")) {
      args.addAll(List.of("--epochs", "1"));
    }
    if (!given.contains("--hidden") && !given.contains("--init-from")) {
      args.addAll(List.of("--hidden", "8", "--embedding", "4"));
    }
    args.addAll(given);
    return run(args.toArray(String[]::new));
  }

  private List<JsonNode> log(String model) throws IOException {
    String base = model.substring(0, model.length() - ".safetensors".length());
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve(base + ".metrics.jsonl"))) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  private List<JsonNode> steps(String model) throws IOException {
    return log(model).stream().filter(n -> n.get("type").asText().equals("step")).toList();
  }

  private static void usageError(CliRun run, String message) {
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().startsWith("rnn4j: " + message), run.err());
  }

  @Test
  void aValidationFileValidatesInsteadOfAPartOfTheData() throws IOException {
    Path names = names();
    Path held = Files.write(dir.resolve("held.txt"), List.of("brontosaurus", "stegosaurus",
        "triceratops"));
    CliRun train = lm(names, "m.safetensors", "--validation-data", held.toString());
    assertEquals(0, train.code(), train.err());
    assertTrue(train.err().contains(": 27 for training, 3 for validation,"), train.err());
    JsonNode settings = log("m.safetensors").get(0).get("settings");
    assertEquals(held.toString(), settings.get("validation_data").asText());
    assertTrue(settings.get("validation") == null, settings.toString());

    usageError(lm(names, "n.safetensors", "--validation-data", held.toString(), "--validation",
        "0.2"), "--validation-data and --validation both say what validates: give one");
    CliRun missing = lm(names, "n.safetensors", "--validation-data",
        dir.resolve("nope.txt").toString());
    assertEquals(1, missing.code(), missing.err());
    assertTrue(missing.err().contains("--validation-data " + dir.resolve("nope.txt")
        + ": not found"), missing.err());
    Path blank = Files.write(dir.resolve("blank.txt"), List.of("", " "));
    CliRun empty = lm(names, "n.safetensors", "--validation-data", blank.toString());
    assertEquals(1, empty.code(), empty.err());
    assertTrue(empty.err().contains(blank + ": --validation-data holds no record to validate on"),
        empty.err());
  }

  @Test
  void earlyStoppingWatchesTheNamedMetricOfTheFamily() throws IOException {
    Path names = names();
    CliRun train = lm(names, "m.safetensors", "--epochs", "2", "--early-stopping", "1",
        "--early-stopping-metric", "perplexity");
    assertEquals(0, train.code(), train.err());
    assertTrue(train.err().contains("best validation perplexity: "), train.err());
    assertEquals("perplexity",
        log("m.safetensors").get(0).get("settings").get("early_stopping_metric").asText());

    usageError(lm(names, "n.safetensors", "--early-stopping", "1", "--early-stopping-metric",
        "bleu"), "--early-stopping-metric bleu is not a validation metric of --task lm: expected"
        + " one of loss (lower is better), perplexity (lower is better)");
    usageError(lm(names, "n.safetensors", "--early-stopping-metric", "loss"),
        "--early-stopping-metric loss needs --early-stopping EPOCHS or --schedule plateau");
    usageError(lm(names, "n.safetensors", "--early-stopping", "1", "--validation", "0"),
        "--early-stopping watches a validation metric, but --validation 0 leaves no validation"
            + " data");
  }

  @Test
  void aClassifierStopsOnAccuracyHigherBeingBetter() throws IOException {
    Path data = reviews(dir.resolve("reviews.csv"), 1, 60);
    CliRun train = run("train", "--task", "classify", "--data", data.toString(), "--text",
        "review", "--label", "sentiment", "--out", dir.resolve("c.safetensors").toString(),
        "--epochs", "3", "--hidden", "8", "--embedding", "4", "--quiet", "--early-stopping", "1",
        "--early-stopping-metric", "accuracy");
    assertEquals(0, train.code(), train.err());
    List<JsonNode> epochs = log("c.safetensors").stream()
        .filter(n -> n.get("type").asText().equals("epoch")).toList();
    double best = epochs.stream().mapToDouble(e -> e.get("validation").get("accuracy").asDouble())
        .max().orElseThrow();
    assertTrue(train.err().contains(String.format(java.util.Locale.ROOT,
        "best validation accuracy: %.4f", best)), train.err());
    usageError(run("train", "--task", "classify", "--data", data.toString(), "--text", "review",
        "--label", "sentiment", "--out", dir.resolve("d.safetensors").toString(),
        "--early-stopping", "1", "--early-stopping-metric", "perplexity"),
        "--early-stopping-metric perplexity is not a validation metric of --task classify:"
            + " expected one of loss (lower is better), accuracy (higher is better), macro_f1"
            + " (higher is better)");
  }

  @Test
  void theOptimizerAndScheduleAreChosenAndLogged() throws IOException {
    Path names = names();
    CliRun plain = lm(names, "adam.safetensors", "--epochs", "2");
    assertEquals(0, plain.code(), plain.err());
    assertTrue(plain.err().contains("optimizer: adam, learning rate 0.01, weight decay 0.0,"
        + " schedule constant"), plain.err());
    steps("adam.safetensors").forEach(s -> assertEquals(0.01, s.get("lr").asDouble(), 0));
    JsonNode defaults = log("adam.safetensors").get(0).get("settings");
    assertEquals("adam", defaults.get("optimizer").asText());
    assertEquals("constant", defaults.get("schedule").asText());

    CliRun sgd = lm(names, "sgd.safetensors", "--epochs", "2", "--optimizer", "sgd",
        "--momentum", "0.9", "--weight-decay", "0.001", "--schedule", "step", "--decay-every",
        "1", "--decay-factor", "0.5", "--learning-rate", "0.1");
    assertEquals(0, sgd.code(), sgd.err());
    JsonNode settings = log("sgd.safetensors").get(0).get("settings");
    assertEquals("sgd", settings.get("optimizer").asText());
    assertEquals(0.9, settings.get("momentum").asDouble());
    assertEquals(0.001, settings.get("weight_decay").asDouble());
    assertEquals(1, settings.get("decay_every").asInt());
    List<JsonNode> steps = steps("sgd.safetensors");
    assertEquals(0.1, steps.get(0).get("lr").asDouble(), 1e-12);
    assertEquals(0.05, steps.get(steps.size() - 1).get("lr").asDouble(), 1e-12,
        "halved for the second epoch");
    assertNotEquals(tensor("adam.safetensors"), tensor("sgd.safetensors"));

    CliRun cosine = lm(names, "cos.safetensors", "--epochs", "2", "--optimizer", "adamw",
        "--schedule", "cosine");
    assertEquals(0, cosine.code(), cosine.err());
    assertEquals(0.01, log("cos.safetensors").get(0).get("settings").get("weight_decay")
        .asDouble(), "AdamW's default decay");
    List<Double> rates = steps("cos.safetensors").stream().map(s -> s.get("lr").asDouble())
        .toList();
    for (int i = 1; i < rates.size(); i++) {
      assertTrue(rates.get(i) < rates.get(i - 1), "cosine falls every step: " + rates);
    }
    CliRun plateau = lm(names, "p.safetensors", "--optimizer", "RMSprop", "--schedule",
        "plateau", "--plateau-patience", "0", "--early-stopping-metric", "perplexity");
    assertEquals(0, plateau.code(), plateau.err());
    assertEquals("perplexity", log("p.safetensors").get(0).get("settings").get("watched")
        .asText());

    usageError(lm(names, "x.safetensors", "--optimizer", "adam", "--momentum", "0.9"),
        "--momentum applies to --optimizer sgd or rmsprop, got --optimizer adam");
    usageError(lm(names, "x.safetensors", "--optimizer", "lbfgs"),
        "Invalid value for option '--optimizer': expected one of adam, adamw, sgd, rmsprop, got"
            + " 'lbfgs'");
    usageError(lm(names, "x.safetensors", "--decay-every", "2"),
        "--decay-every applies to --schedule step, got --schedule constant");
    usageError(lm(names, "x.safetensors", "--weight-decay", "-1"),
        "--weight-decay must be finite and at least 0, got -1.0");
    usageError(lm(names, "x.safetensors", "--schedule", "plateau", "--decay-factor", "1"),
        "--decay-factor must lie in (0, 1), got 1.0");
    CliRun help = run("train", "--help");
    assertTrue(help.out().replaceAll("\\s+", " ").contains("--optimizer=OPTIMIZER The update"
        + " rule: adam, adamw, sgd, rmsprop (default: adam)."), help.out());
  }

  @Test
  void aTrainedModelTrainsOnWithItsVocabularyAndArchitecture() throws IOException {
    Path names = names();
    assertEquals(0, lm(names, "first.safetensors", "--epochs", "8").code());
    Path more = Files.write(dir.resolve("more.txt"), List.of("stegosaurus", "brontosaurus",
        "triceratops", "velociraptor", "spinosaurus", "pachycephalosaurus"));
    CliRun second = lm(more, "second.safetensors", "--init-from",
        dir.resolve("first.safetensors").toString(), "--validation", "0.2", "--min-count", "1");
    // --min-count builds a vocabulary: the run keeps the model's
    usageError(second, "--min-count does not apply with --init-from");
    CliRun next = lm(more, "second.safetensors", "--init-from",
        dir.resolve("first.safetensors").toString(), "--validation", "0.2", "--hidden", "8");
    assertEquals(0, next.code(), next.err());
    SafetensorsFile first = Safetensors.read(dir.resolve("first.safetensors"));
    SafetensorsFile continued = Safetensors.read(dir.resolve("second.safetensors"));
    assertEquals(first.metadata().get("vocabulary"), continued.metadata().get("vocabulary"),
        "the model's vocabulary, though the new file has letters it never saw");
    assertEquals(first.metadata().get("config"), continued.metadata().get("config"));
    // a step too small to move anything: the weights are the model's, not new random ones
    CliRun still = lm(names, "still.safetensors", "--init-from",
        dir.resolve("first.safetensors").toString(), "--learning-rate", "1e-12");
    assertEquals(0, still.code(), still.err());
    SafetensorsFile kept = Safetensors.read(dir.resolve("still.safetensors"));
    first.tensors().forEach((name, t) -> {
      float[] a = t.data();
      float[] b = kept.tensors().get(name).data();
      for (int i = 0; i < a.length; i++) {
        assertEquals(a[i], b[i], 1e-6, name + "[" + i + "]");
      }
    });

    usageError(lm(more, "x.safetensors", "--init-from",
        dir.resolve("first.safetensors").toString(), "--hidden", "16"),
        "--hidden 16 conflicts with --init-from " + dir.resolve("first.safetensors")
            + ": its hidden is 8; a run that starts from a model keeps its architecture");
    usageError(lm(more, "x.safetensors", "--init-from",
        dir.resolve("first.safetensors").toString(), "--cell", "gru"),
        "--cell gru conflicts with --init-from");
    usageError(lm(more, "x.safetensors", "--init-from",
        dir.resolve("first.safetensors").toString(), "--tokens", "word"),
        "--tokens word conflicts with --init-from");
    Path data = reviews(dir.resolve("reviews.csv"), 1, 30);
    usageError(run("train", "--task", "classify", "--data", data.toString(), "--text", "review",
        "--label", "sentiment", "--out", dir.resolve("c.safetensors").toString(), "--init-from",
        dir.resolve("first.safetensors").toString()), "--init-from "
        + dir.resolve("first.safetensors") + ": expected a classify model for --task classify,"
        + " got a lm model");
    CliRun same = lm(more, "first.safetensors", "--init-from",
        dir.resolve("first.safetensors").toString());
    assertEquals(1, same.code(), same.err());
    assertTrue(same.err().contains("is the same file as --init-from"), same.err());
  }

  @Test
  void aRunFromAWordModelCountsMaxLengthInWords() throws IOException {
    Path words = Files.write(dir.resolve("words.txt"), List.of("the cat sat", "a dog ran",
        "the dog sat", "a cat ran", "the cat ran", "a dog sat"));
    assertEquals(0, lm(words, "w.safetensors", "--tokens", "word").code());
    Path more = Files.write(dir.resolve("more.txt"), List.of("the cat", "a dog ran", "the dog",
        "a cat sat"));
    CliRun run = lm(more, "w2.safetensors", "--init-from",
        dir.resolve("w.safetensors").toString(), "--max-length", "2");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.err().contains("cut 2 of 4 examples to keep them within --max-length 2"
        + " tokens"), "the model's word tokens, not characters: " + run.err());
  }

  @Test
  void aClassifierTrainsOnKeepingItsLabels() throws IOException {
    Path data = reviews(dir.resolve("reviews.csv"), 1, 60);
    String[] common = {"--text", "review", "--label", "sentiment", "--epochs", "2", "--hidden",
        "8", "--embedding", "4", "--quiet"};
    CliRun first = run(Stream.concat(Stream.of("train", "--task", "classify", "--data",
        data.toString(), "--out", dir.resolve("c1.safetensors").toString()),
        Stream.of(common)).toArray(String[]::new));
    assertEquals(0, first.code(), first.err());
    Path more = reviews(dir.resolve("more.csv"), 2, 40);
    CliRun next = run(Stream.concat(Stream.of("train", "--task", "classify", "--data",
        more.toString(), "--out", dir.resolve("c2.safetensors").toString(), "--init-from",
        dir.resolve("c1.safetensors").toString()), Stream.of(common)).toArray(String[]::new));
    assertEquals(0, next.code(), next.err());
    assertEquals(Safetensors.read(dir.resolve("c1.safetensors")).metadata().get("config"),
        Safetensors.read(dir.resolve("c2.safetensors")).metadata().get("config"));
    Path other = Files.write(dir.resolve("other.csv"), List.of("review,sentiment",
        "good film,pos", "bad film,neg", "so so,meh", "fine,pos"));
    CliRun unknown = run(Stream.concat(Stream.of("train", "--task", "classify", "--data",
        other.toString(), "--out", dir.resolve("c3.safetensors").toString(), "--init-from",
        dir.resolve("c1.safetensors").toString()), Stream.of(common)).toArray(String[]::new));
    assertEquals(1, unknown.code(), unknown.err());
    assertTrue(unknown.err().contains("--init-from " + dir.resolve("c1.safetensors")
        + ": the model has no label 'meh' of the data; its labels are [neg, pos]"),
        unknown.err());
  }

  @Test
  void theStreamedLanguageModelTrainsOverOneTextAndReportsPerplexity() throws IOException {
    Path text = Files.writeString(dir.resolve("text.txt"), String.join("\n",
        TrainingNames.NAMES) + "\n");
    CliRun train = run("train", "--task", "lm", "--data", text.toString(), "--out",
        dir.resolve("s.safetensors").toString(), "--epochs", "2", "--hidden", "8",
        "--embedding", "4", "--batch", "4", "--stream", "--seq-length", "16");
    assertEquals(0, train.code(), train.err());
    assertTrue(train.err().contains("streamed: ") && train.err().contains(" in 4 streams,"
        + " chunks of 16 tokens;"), train.err());
    assertTrue(train.err().contains("last epoch's validation perplexity: "), train.err());
    CliRun generate = run("generate", "--model", dir.resolve("s.safetensors").toString(),
        "--count", "2", "--seed", "1");
    assertEquals(0, generate.code(), generate.err());
    assertEquals(2, generate.out().lines().count(), generate.out());
    usageError(run("train", "--task", "lm", "--data", text.toString(), "--out",
        dir.resolve("t.safetensors").toString(), "--seq-length", "16"),
        "--seq-length applies with --stream only");
    usageError(run("train", "--task", "classify", "--data", text.toString(), "--out",
        dir.resolve("t.safetensors").toString(), "--stream"),
        "--stream does not apply to --task classify (it applies to lm)");
  }

  private static Path reviews(Path file, long seed, int n) throws IOException {
    String[] filler = {"the", "film", "was", "quite", "a", "very", "plot", "and", "acting"};
    SplittableRandom rng = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>(List.of("review,sentiment"));
    for (int i = 0; i < n; i++) {
      boolean pos = rng.nextBoolean();
      lines.add(filler[rng.nextInt(filler.length)] + " " + (pos ? "good" : "bad") + " "
          + filler[rng.nextInt(filler.length)] + "," + (pos ? "pos" : "neg"));
    }
    return Files.write(file, lines);
  }

  private float tensor(String model) throws IOException {
    return Safetensors.read(dir.resolve(model)).tensors().get("fc.weight").data()[0];
  }
}
