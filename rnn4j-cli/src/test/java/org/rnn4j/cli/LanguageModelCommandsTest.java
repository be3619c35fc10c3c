package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The common path, end to end on temporary files: train → info → generate → score. */
class LanguageModelCommandsTest {
  private static final List<String> NAMES = List.of("aardonyx", "abelisaurus", "abrictosaurus",
      "achelousaurus", "acrocanthosaurus", "adasaurus", "aegyptosaurus", "afrovenator",
      "albertosaurus", "allosaurus", "alvarezsaurus", "amargasaurus", "ampelosaurus",
      "anchisaurus", "ankylosaurus", "apatosaurus", "archaeopteryx", "argentinosaurus",
      "baryonyx", "brachiosaurus", "camarasaurus", "carnotaurus", "ceratosaurus", "coelophysis",
      "compsognathus", "deinonychus", "diplodocus", "edmontosaurus", "gallimimus", "iguanodon");
  @TempDir Path dir;

  @Test
  void trainInfoGenerateAndScoreWorkOnAUsersFile() throws Exception {
    Path names = Files.write(dir.resolve("names.txt"), NAMES);
    Path model = dir.resolve("out/model.safetensors");
    CliRun train = run("train", "--task", "lm", "--data", names.toString(), "--out",
        model.toString(), "--epochs", "3", "--hidden", "24", "--batch", "8", "--seed", "1");
    assertEquals(0, train.code(), train.err());
    assertTrue(train.err().contains("vocabulary") && train.err().contains("validation perplexity"),
        train.err());
    assertEquals("", train.out(), "the model file is the result: the log is on standard error");
    assertTrue(Files.size(model) > 0);
    assertTrue(Files.size(dir.resolve("out/model.curves.png")) > 1000, "a PNG chart");
    assertEquals(1 + 3 * 4 + 3, Files.readAllLines(dir.resolve("out/model.metrics.jsonl")).size(),
        "a run line, a line per step (27 names / batch 8 = 4 steps) and per epoch");

    CliRun info = run("info", model.toString());
    assertEquals(0, info.code(), info.err());
    assertTrue(info.out().contains("rnn4j model, format version 1"), info.out());
    assertTrue(info.out().contains("\"task\" : \"lm\"") && info.out().contains("rnn.weight_hh_l0"),
        info.out());

    CliRun generate = run("generate", "--model", model.toString(), "--count", "4", "--prime", "a",
        "--seed", "3");
    assertEquals(0, generate.code(), generate.err());
    List<String> lines = generate.out().lines().toList();
    assertEquals(4, lines.size(), generate.out());
    lines.forEach(l -> assertTrue(l.startsWith("a"), l));
    assertEquals(generate.out(), run("generate", "--model", model.toString(), "--count", "4",
        "--prime", "a", "--seed", "3").out(), "seeded");

    CliRun score = run("score", "--model", model.toString(), names.toString());
    assertEquals(0, score.code(), score.err());
    Matcher m = Pattern.compile("perplexity ([0-9.]+)").matcher(score.out());
    assertTrue(m.find(), score.out());
    double perplexity = Double.parseDouble(m.group(1));
    assertTrue(perplexity > 1 && perplexity < 30, "a vocabulary of about 30: " + perplexity);
  }

  @Test
  void badInputGivesOneClearLineAndAnExitCode() throws Exception {
    Path names = Files.write(dir.resolve("names.txt"), NAMES);
    CliRun task = run("train", "--task", "translate", "--data", names.toString(), "--out",
        dir.resolve("m.safetensors").toString());
    assertEquals(2, task.code(), "a usage error");
    assertTrue(task.err().contains("--task translate is not a task family: the families are "), task.err());
    CliRun missing = run("train", "--task", "lm", "--data", dir.resolve("nope.txt").toString(),
        "--out", dir.resolve("m.safetensors").toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("nope.txt"), missing.err());
    assertEquals(1, missing.err().strip().lines().count(), missing.err());
    CliRun notAModel = run("generate", "--model", names.toString());
    assertEquals(1, notAModel.code());
    assertTrue(notAModel.err().startsWith("rnn4j: " + names), notAModel.err());
    assertEquals(2, run("train", "--task", "lm").code(), "missing options are usage errors");
    CliRun help = run("train", "--help");
    assertTrue(help.out().contains("--early-stopping") && help.out().contains("--learning-rate"));
  }
}
