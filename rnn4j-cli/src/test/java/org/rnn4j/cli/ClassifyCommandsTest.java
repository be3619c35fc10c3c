package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --task classify → info → eval → predict, end to end on a user's CSV and JSON files. */
class ClassifyCommandsTest {
  @TempDir Path dir;

  /** Sentences that are "pos" when they hold "good" and "neg" when they hold "bad". */
  private static List<String[]> sentences(long seed, int n) {
    String[] filler = {"the", "film", "was", "quite", "a", "very", "plot", "and", "acting", "it"};
    SplittableRandom rng = new SplittableRandom(seed);
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> words = new ArrayList<>();
      for (int w = 0; w < 3 + rng.nextInt(6); w++) {
        words.add(filler[rng.nextInt(filler.length)]);
      }
      boolean pos = rng.nextBoolean();
      words.add(rng.nextInt(words.size() + 1), pos ? "good" : "bad");
      out.add(new String[] {String.join(" ", words), pos ? "pos" : "neg"});
    }
    return out;
  }

  @Test
  void aClassifierTrainsOnCsvEvaluatesOnJsonAndPredicts() throws Exception {
    List<String> csv = new ArrayList<>(List.of("review,sentiment"));
    sentences(1, 300).forEach(s -> csv.add("\"" + s[0] + "\"," + s[1]));
    Path train = Files.write(dir.resolve("train.csv"), csv);
    StringBuilder json = new StringBuilder("[");
    for (String[] s : sentences(2, 60)) {
      json.append(json.length() > 1 ? "," : "").append("{\"text\":\"").append(s[0])
          .append("\",\"label\":\"").append(s[1]).append("\"}");
    }
    Path test = Files.writeString(dir.resolve("test.json"), json.append("]"));
    Path model = dir.resolve("clf.safetensors");

    CliRun t = run("train", "--task", "classify", "--data", train.toString(), "--text", "review",
        "--label", "sentiment", "--out", model.toString(), "--epochs", "6", "--hidden", "16",
        "--embedding", "16", "--pooling", "max", "--seed", "4");
    assertEquals(0, t.code(), t.err());
    assertTrue(t.err().contains("classifier of 2 classes [neg, pos]"), t.err());
    assertEquals("", t.out(), "training prints its log and progress on standard error");

    CliRun eval = run("eval", "--model", model.toString(), "--data", test.toString());
    assertEquals(0, eval.code(), eval.err());
    Matcher m = Pattern.compile("accuracy ([0-9.]+), macro-F1").matcher(eval.out());
    assertTrue(m.find(), eval.out());
    assertTrue(Double.parseDouble(m.group(1)) >= 0.9, "the cue word decides: " + eval.out());
    assertTrue(eval.out().contains("gold \\ predicted"), eval.out());

    Path texts = Files.write(dir.resolve("texts.txt"), List.of("a very good film", "bad acting"));
    CliRun predict = run("predict", "--model", model.toString(), texts.toString());
    assertEquals(0, predict.code(), predict.err());
    List<String> lines = predict.out().lines().toList();
    assertTrue(lines.get(0).startsWith("pos\t") && lines.get(1).startsWith("neg\t"),
        predict.out());
    Path jsonl = Files.write(dir.resolve("texts.jsonl"), List.of("{\"text\":\"good\"}"));
    CliRun predictJson = run("predict", "--json", "--model", model.toString(), jsonl.toString());
    assertTrue(predictJson.out().startsWith("{\"text\":\"good\",\"label\":\"pos\""),
        predictJson.out());
    CliRun info = run("info", model.toString());
    assertTrue(info.out().contains("\"task\" : \"classify\""), info.out());
  }

  @Test
  void badLabelledDataIsOneClearLine() throws Exception {
    Path bad = Files.write(dir.resolve("bad.csv"), List.of("text,label", "\"unclosed,pos"));
    CliRun r = run("train", "--task", "classify", "--data", bad.toString(), "--out",
        dir.resolve("m.safetensors").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("rnn4j: ") && r.err().contains("bad.csv"), r.err());
    CliRun format = run("train", "--task", "classify", "--data",
        Files.write(dir.resolve("data.xml"), List.of("<a/>")).toString(), "--out",
        dir.resolve("m.safetensors").toString());
    assertTrue(format.err().contains("--format must be json, jsonl, csv or tsv"), format.err());
  }

  @Test
  void aClassifierTrainsAndEvaluatesOnJsonLines() throws Exception {
    List<String> lines = new ArrayList<>();
    sentences(3, 300).forEach(s -> lines.add("{\"text\":\"" + s[0] + "\",\"label\":\"" + s[1]
        + "\"}"));
    lines.add(""); // a blank line is skipped
    Path train = Files.write(dir.resolve("train.jsonl"), lines);
    Path model = dir.resolve("clf.safetensors");
    CliRun t = run("train", "--task", "classify", "--data", train.toString(), "--out",
        model.toString(), "--epochs", "6", "--hidden", "16", "--embedding", "16", "--pooling",
        "max", "--seed", "4", "--quiet");
    assertEquals(0, t.code(), t.err());
    assertTrue(t.err().contains("classifier of 2 classes [neg, pos]"), t.err());

    List<String> test = new ArrayList<>();
    sentences(4, 60).forEach(s -> test.add("{\"label\":\"" + s[1] + "\",\"text\":\"" + s[0]
        + "\"}"));
    Path testFile = Files.write(dir.resolve("test.data"), test);
    CliRun eval = run("eval", "--model", model.toString(), "--data", testFile.toString(),
        "--format", "jsonl");
    assertEquals(0, eval.code(), eval.err());
    Matcher m = Pattern.compile("60 records, accuracy ([0-9.]+)").matcher(eval.out());
    assertTrue(m.find(), eval.out());
    assertTrue(Double.parseDouble(m.group(1)) >= 0.9, eval.out());
  }

  @Test
  void anEmptyOrMissingLabelIsAnErrorNamingFileAndLine() throws Exception {
    Path model = dir.resolve("m.safetensors");
    Path csv = Files.write(dir.resolve("empty.csv"), List.of("text,label", "good,pos",
        "bad,neg", "\"so so\",", "fine,pos"));
    CliRun r = run("train", "--task", "classify", "--data", csv.toString(), "--out",
        model.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("rnn4j: " + csv + ":4 (record 3): expected a non-empty label"
        + " in \"label\", found \"\""), r.err());

    Path jsonl = Files.write(dir.resolve("empty.jsonl"), List.of("{\"text\":\"good\","
        + "\"label\":\"pos\"}", "", "{\"text\":\"meh\",\"label\":\" \"}"));
    r = run("train", "--task", "classify", "--data", jsonl.toString(), "--out",
        model.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("rnn4j: " + jsonl + ":3: expected a non-empty label in"
        + " \"label\", found \" \""), r.err());

    Path missing = Files.write(dir.resolve("missing.jsonl"), List.of("{\"text\":\"good\","
        + "\"label\":\"pos\"}", "{\"text\":\"meh\"}"));
    r = run("train", "--task", "classify", "--data", missing.toString(), "--out",
        model.toString());
    assertTrue(r.err().startsWith("rnn4j: " + missing + ":2: expected a string, number or"
        + " boolean field \"label\", found none"), r.err());

    Path json = Files.writeString(dir.resolve("empty.json"), "[{\"text\":\"good\","
        + "\"label\":\"pos\"},\n{\"text\":\"meh\",\"label\":\"\"}]");
    r = run("train", "--task", "classify", "--data", json.toString(), "--out",
        model.toString());
    assertTrue(r.err().startsWith("rnn4j: " + json + ":2 (record 2): expected a non-empty"
        + " label in \"label\", found \"\""), r.err());

    Path broken = Files.write(dir.resolve("broken.jsonl"), List.of("{\"text\":\"good\","
        + "\"label\":\"pos\"}", "[1, 2]", "{\"text\":"));
    r = run("train", "--task", "classify", "--data", broken.toString(), "--out",
        model.toString());
    assertTrue(r.err().startsWith("rnn4j: " + broken + ":2: expected a JSON object '{…}', found"
        + " [1, 2]"), r.err());
  }
}
