package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results alone on standard output, everything else (log, progress, summaries, notes) on standard
 * error; {@code --quiet} for training; {@code --json} for {@code eval}, {@code info} and {@code
 * score}. On the small committed models of the golden tests.
 */
class OutputStreamsTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Path LM = GOLDEN.resolve("models/lm.safetensors");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void trainingPrintsNothingOnStandardOutputAndQuietDropsTheProgress() throws Exception {
    Path names = Files.write(dir.resolve("names.txt"), TrainingNames.NAMES);
    CliRun loud = run("train", "--task", "lm", "--data", names.toString(), "--out",
        dir.resolve("a.safetensors").toString(), "--epochs", "2", "--hidden", "8", "--batch",
        "8");
    assertEquals(0, loud.code(), loud.err());
    assertEquals("", loud.out());
    assertTrue(loud.err().contains("training a") && loud.err().contains("done: 2 epochs"),
        loud.err());
    assertTrue(loud.err().contains("epoch 1/2 done"), "the progress: " + loud.err());
    CliRun quiet = run("train", "--task", "lm", "--data", names.toString(), "--out",
        dir.resolve("b.safetensors").toString(), "--epochs", "2", "--hidden", "8", "--batch",
        "8", "--quiet");
    assertEquals(0, quiet.code(), quiet.err());
    assertEquals("", quiet.out());
    assertTrue(quiet.err().contains("done: 2 epochs"), "the summary remains: " + quiet.err());
    assertFalse(quiet.err().contains("epoch 1/2"), "no progress: " + quiet.err());
  }

  @Test
  void infoJsonHoldsWhatTheTextShows() throws Exception {
    CliRun r = run("info", "--json", LM.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(1, r.out().lines().count(), "one JSON object on one line: " + r.out());
    JsonNode info = JSON.readTree(r.out());
    assertTrue(info.path("rnn4j_model").asBoolean(), r.out());
    assertEquals("lm", info.path("config").path("task").asText(), r.out());
    assertEquals(30, info.path("vocabulary").path("size").asInt(), r.out());
    assertEquals("char", info.path("vocabulary").path("tokens").asText(), r.out());
    assertEquals(3, info.path("provenance").path("seed").asInt(), r.out());
    assertEquals(7, info.path("tensors").size(), r.out());
    assertEquals("rnn.weight_hh_l0", info.path("tensors").get(2).path("name").asText());
    assertEquals(List.of(96, 24), List.of(info.path("tensors").get(2).path("shape").get(0)
        .asInt(), info.path("tensors").get(2).path("shape").get(1).asInt()));
    assertEquals(4254, info.path("parameters").asLong(), "as the text says: 4,254 parameters");

    JsonNode seq2seq = JSON.readTree(run("info", "--json",
        GOLDEN.resolve("models/seq2seq.safetensors").toString()).out());
    assertEquals("word", seq2seq.path("vocabularies").path("source").path("tokens").asText());
    assertTrue(seq2seq.path("vocabularies").path("target").path("size").asInt() > 4);
  }

  @Test
  void scoreJsonIsOneObjectPerFileWithTheTextsNumbers() throws Exception {
    Path test = GOLDEN.resolve("names-test.txt");
    Path texts = GOLDEN.resolve("names.txt");
    CliRun text = run("score", "--model", LM.toString(), test.toString());
    Matcher m = Pattern.compile("perplexity ([0-9.]+)").matcher(text.out());
    assertTrue(m.find(), text.out());
    CliRun r = run("score", "--json", "--model", LM.toString(), test.toString(),
        texts.toString());
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(2, lines.size(), r.out());
    JsonNode first = JSON.readTree(lines.get(0));
    assertEquals(test.toString(), first.path("file").asText());
    assertEquals(40, first.path("texts").asInt());
    assertEquals(483, first.path("tokens").asInt());
    assertEquals(Double.parseDouble(m.group(1)), first.path("perplexity").asDouble(), 5e-4);
    assertEquals(first.path("log_likelihood").asDouble() / 483,
        first.path("log_likelihood_per_token").asDouble(), 1e-9);
    assertEquals(texts.toString(), JSON.readTree(lines.get(1)).path("file").asText());
  }

  @Test
  void evalJsonIsOneObject() throws Exception {
    CliRun r = run("eval", "--json", "--model", LM.toString(), "--data",
        GOLDEN.resolve("names-test.txt").toString());
    assertEquals(0, r.code(), r.err());
    JsonNode e = JSON.readTree(r.out());
    assertEquals(40, e.path("texts").asInt(), r.out());
    assertTrue(e.path("perplexity").asDouble() > 1, r.out());
    assertEquals("", r.err());
  }
}
