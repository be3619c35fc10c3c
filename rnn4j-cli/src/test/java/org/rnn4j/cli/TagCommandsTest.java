package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --task tag on a CoNLL file → eval → predict, end to end. */
class TagCommandsTest {
  private static final String[] CITIES = {"paris", "london", "berlin", "madrid", "rome"};
  private static final String[] WORDS = {"we", "went", "to", "from", "and", "then", "home"};
  @TempDir Path dir;

  private static int run(StringWriter out, String... args) {
    return Main.execute(args, new PrintWriter(out), new PrintWriter(new StringWriter()));
  }

  /** CoNLL-2003 columns: token, POS, chunk, entity; cities are B-LOC. */
  private static List<String> conll(long seed, int sentences) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>();
    for (int s = 0; s < sentences; s++) {
      for (int w = 0; w < 4 + rng.nextInt(5); w++) {
        boolean city = rng.nextInt(3) == 0;
        String token = city ? CITIES[rng.nextInt(CITIES.length)] : WORDS[rng.nextInt(WORDS.length)];
        lines.add(token + " NN O " + (city ? "B-LOC" : "O"));
      }
      lines.add("");
    }
    return lines;
  }

  @Test
  void aTaggerTrainsOnConllFindsTheEntitiesAndTagsNewText() throws Exception {
    Path train = Files.write(dir.resolve("train.conll"), conll(1, 200));
    Path test = Files.write(dir.resolve("test.conll"), conll(2, 40));
    Path model = dir.resolve("tagger.safetensors");
    CliRun t = CliRun.run("train", "--task", "tag", "--format", "conll", "--data",
        train.toString(), "--out", model.toString(), "--epochs", "6", "--hidden", "16",
        "--embedding", "16", "--seed", "2");
    assertEquals(0, t.code(), t.err());
    assertTrue(t.err().contains("tagger of 2 tags [B-LOC, O]"), t.err());

    StringWriter eval = new StringWriter();
    assertEquals(0, run(eval, "eval", "--model", model.toString(), "--data", test.toString(),
        "--format", "conll"));
    Matcher m = Pattern.compile("F1 ([0-9.]+)").matcher(eval.toString());
    assertTrue(m.find(), eval.toString());
    assertTrue(Double.parseDouble(m.group(1)) >= 0.9, eval.toString());

    Path texts = Files.write(dir.resolve("texts.txt"), List.of("we went to rome"));
    StringWriter predict = new StringWriter();
    assertEquals(0, run(predict, "predict", "--model", model.toString(), texts.toString()));
    assertEquals("we/O went/O to/O rome/B-LOC", predict.toString().strip());
  }
}
