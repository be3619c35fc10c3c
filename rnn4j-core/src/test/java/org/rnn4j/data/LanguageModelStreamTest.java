package org.rnn4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.text.CharTokenizer;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.text.WordTokenizer;

class LanguageModelStreamTest {
  @TempDir Path dir;

  /** Writes about {@code bytes} of random lower-case words, ten to a line. */
  static void writeCorpus(Path file, long bytes, long seed) throws IOException {
    SplittableRandom rng = new SplittableRandom(seed);
    String[] words = {"the", "cat", "sat", "on", "a", "mat", "and", "dog", "ran", "far", "über"};
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      long written = 0;
      while (written < bytes) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 10; i++) {
          line.append(i == 0 ? "" : " ").append(words[rng.nextInt(words.length)]);
        }
        line.append('\n');
        w.write(line.toString());
        written += line.length();
      }
    }
  }

  @Test
  void rowsContinueAcrossBatchesAndTargetsAreTheNextTokens() throws IOException {
    Path file = dir.resolve("corpus.txt");
    Files.writeString(file, "abc\ndefg\nhi\njklmn\nop\nqrstu\nvwxyz\n");
    CharTokenizer chars = new CharTokenizer();
    Vocabulary v = LanguageModelStream.vocabulary(file, chars, 1, Integer.MAX_VALUE);
    assertEquals(4 + 26, v.size());
    List<Integer> row0 = new ArrayList<>();
    List<Integer> row1 = new ArrayList<>();
    try (LanguageModelStream s = LanguageModelStream.open(file, new TextCodec(chars, v), 2, 3)) {
      for (Optional<TagBatch> b = s.next(); b.isPresent(); b = s.next()) {
        PaddedIds x = (PaddedIds) b.get().inputs();
        int[] y = b.get().targets();
        assertArrayEquals(new int[] {3, 3}, x.lengths());
        for (int t = 0; t < 2; t++) {
          assertEquals(y[t], x.ids()[t + 1]); // y is x shifted by one within a window
        }
        for (int t = 0; t < 3; t++) {
          row0.add(x.ids()[t]);
          row1.add(x.ids()[3 + t]);
        }
      }
    }
    // 33 bytes cut at the first line start after byte 16: part 1 starts at "op"; part 1 has 15
    // tokens, so 4 windows of 3 (each needing one more token as a target)
    assertEquals("abc|defg|hi|", decode(v, row0));
    assertEquals("op|qrstu|vwx", decode(v, row1));
  }

  private static String decode(Vocabulary v, List<Integer> ids) {
    StringBuilder sb = new StringBuilder();
    for (int id : ids) {
      sb.append(id == v.eosId() ? "|" : v.token(id));
    }
    return sb.toString();
  }

  @Test
  void streamsAFewMegabytesUsingAlmostEveryToken() throws IOException {
    Path file = dir.resolve("big.txt");
    writeCorpus(file, 3_000_000, 1);
    WordTokenizer words = new WordTokenizer(false, true);
    Vocabulary v = LanguageModelStream.vocabulary(file, words, 1, 100);
    assertEquals(4 + 11, v.size());
    long lines = Files.lines(file).count();
    long tokens = lines * 11; // ten words and <eos>
    int batch = 16;
    int time = 64;
    long seen = 0;
    try (LanguageModelStream s = LanguageModelStream.open(file, new TextCodec(words, v), batch,
        time)) {
      for (Optional<TagBatch> b = s.next(); b.isPresent(); b = s.next()) {
        seen += b.get().targets().length;
      }
    }
    assertTrue(seen <= tokens && seen > tokens - 2L * batch * (time + 11),
        "seen " + seen + " of " + tokens);
  }

  @Test
  void malformedUtf8IsReportedWithItsByteOffset() throws IOException {
    Path file = dir.resolve("bad.txt");
    byte[] good = "hello\nworld\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[good.length + 3];
    System.arraycopy(good, 0, bytes, 0, good.length);
    bytes[good.length] = 'o';
    bytes[good.length + 1] = (byte) 0xC3; // a lead byte without its continuation
    bytes[good.length + 2] = '\n';
    Files.write(file, bytes);
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> LanguageModelStream.vocabulary(file, new CharTokenizer(), 1, 100));
    assertTrue(e.getMessage().contains("bad.txt:byte 12: expected UTF-8 text"), e.getMessage());
  }
}
