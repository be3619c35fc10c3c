package org.rnn4j.speech.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * data/make-digits synthesizes seeded digit strings with espeak-ng that the front end reads; the
 * test voices are never training voices. Skipped, saying why, where espeak-ng is not installed
 * (CI installs it).
 */
class SynthesizedDigitsTest {
  private static final Path SCRIPT = Path.of("../data/make-digits").toAbsolutePath().normalize();

  @TempDir Path dir;

  private int make(Path out) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(SCRIPT.toString(), "--seed", "4", "--train", "12", "--test",
        "4", "--out", out.toString()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    return p.exitValue();
  }

  @Test
  void theSetsAreSeededSpokenDigitsWithHeldOutVoices() throws Exception {
    boolean espeak = new ProcessBuilder("sh", "-c", "command -v espeak-ng").start().waitFor() == 0;
    assumeTrue(espeak, "espeak-ng is not installed (apt-get install espeak-ng): data/make-digits"
        + " cannot run here");
    assertEquals(0, make(dir.resolve("a")));
    assertEquals(0, make(dir.resolve("b")));
    Set<String> trainVoices = new HashSet<>();
    for (String set : new String[] {"train", "test"}) {
      List<String> lines = Files.readAllLines(dir.resolve("a/" + set + "/transcripts.tsv"));
      assertEquals(set.equals("train") ? 12 : 4, lines.size());
      for (String line : lines) {
        String[] f = line.split("\t");
        assertTrue(f[1].matches("[0-9]{1,7}"), line);
        assertEquals(f[1].length(), f[2].split(" ").length, "a word per digit: " + line);
        if (set.equals("train")) {
          trainVoices.add(f[3]);
        } else {
          assertTrue(!trainVoices.contains(f[3]), "a held-out voice: " + line);
        }
        Path wav = dir.resolve("a/" + set + "/" + f[0]);
        assertArrayEquals(Files.readAllBytes(wav),
            Files.readAllBytes(dir.resolve("b/" + set + "/" + f[0])), "seeded: " + f[0]);
        Waveform audio = WavReader.read(wav);
        float[][] mfcc = new FeatureExtractor(FeatureConfig.speech()).mfcc(audio);
        assertTrue(audio.seconds() > 0.2 && mfcc.length > 10, line + ": " + audio.seconds());
      }
    }
  }
}
