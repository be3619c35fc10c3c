package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * train --task ctc on a folder of recordings → eval → transcribe, end to end, on recordings of
 * tones: the symbols l and h are a low and a high burst.
 */
class CtcCommandsTest {
  private static final int RATE = 8_000;
  @TempDir Path dir;

  /** A folder of recordings of 1 to 3 bursts, 8 kHz, with transcripts.tsv. */
  private Path recordings(String name, int count, long seed) throws Exception {
    Path folder = Files.createDirectories(dir.resolve(name));
    SplittableRandom rng = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder text = new StringBuilder();
      ByteBuffer b = ByteBuffer.allocate(2 * RATE).order(ByteOrder.LITTLE_ENDIAN);
      int at = 600;
      for (int k = 0, n = 1 + rng.nextInt(3); k < n; k++) {
        boolean high = rng.nextBoolean();
        text.append(high ? 'h' : 'l');
        for (int j = 0; j < 1_000; j++) {
          b.putShort(2 * (at + j), (short) (6_000 * Math.sin(Math.PI * j / 1_000)
              * Math.sin(2 * Math.PI * (high ? 2_200 : 500) * j / RATE)));
        }
        at += 1_600;
      }
      String file = i + ".wav";
      try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(b.array()),
          new AudioFormat(RATE, 16, 1, true, false), RATE)) {
        AudioSystem.write(in, AudioFileFormat.Type.WAVE, folder.resolve(file).toFile());
      }
      lines.add(file + "\t" + text);
    }
    Files.write(folder.resolve("transcripts.tsv"), lines);
    return folder;
  }

  @Test
  void aRecognizerTrainsOnAFolderAndTranscribesRecordings() throws Exception {
    Path train = recordings("train", 40, 1);
    Path test = recordings("test", 10, 2);
    Path model = dir.resolve("asr.safetensors");
    CliRun t = CliRun.run("train", "--task", "ctc", "--data", train.toString(), "--out",
        model.toString(), "--epochs", "25", "--hidden", "16", "--cell", "gru",
        "--bidirectional", "--deltas", "0", "--batch", "8", "--seed", "3");
    assertEquals(0, t.code(), t.err());
    assertTrue(t.err().contains("bidirectional GRU CTC recognizer of 2 characters [h, l]"),
        t.err());

    CliRun eval = CliRun.run("eval", "--model", model.toString(), "--data", test.toString());
    assertEquals(0, eval.code(), eval.err());
    Matcher m = Pattern.compile("symbol error rate ([0-9.]+)%").matcher(eval.out());
    assertTrue(m.find(), eval.out());
    assertTrue(Double.parseDouble(m.group(1)) <= 10, eval.out());

    CliRun heard = CliRun.run("transcribe", "--model", model.toString(),
        test.resolve("0.wav").toString(), test.resolve("1.wav").toString());
    assertEquals(0, heard.code(), heard.err());
    List<String> expected = Files.readAllLines(test.resolve("transcripts.tsv"));
    String[] lines = heard.out().strip().split("\n");
    assertEquals(2, lines.length, heard.out());
    assertTrue(lines[0].startsWith(test.resolve("0.wav") + "\t"), lines[0]);
    assertEquals(expected.get(0).split("\t")[1], lines[0].split("\t")[1], heard.out());

    CliRun notAsr = CliRun.run("transcribe", "--model", dir.resolve("none.safetensors")
        .toString(), test.resolve("0.wav").toString());
    assertEquals(1, notAsr.code());
    assertTrue(notAsr.err().contains("none.safetensors: not found"), notAsr.err());
  }

  @Test
  void aDeltaOrderBeyondTwoIsAUsageErrorNamingTheOption() throws Exception {
    Path train = recordings("few", 3, 4);
    CliRun t = CliRun.run("train", "--task", "ctc", "--data", train.toString(), "--out",
        dir.resolve("x.safetensors").toString(), "--deltas", "3");
    assertEquals(2, t.code(), t.err());
    assertTrue(t.err().contains("--deltas must be 0, 1 or 2, got 3"), t.err());
  }
}
