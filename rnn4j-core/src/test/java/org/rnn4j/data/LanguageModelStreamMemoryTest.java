package org.rnn4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.text.WordTokenizer;

/**
 * Streams a 100 MB file in a forked JVM with a 32 MB heap: the file would not fit as a Java
 * string (200 MB of UTF-16), let alone as token lists.
 */
@Tag("slow")
class LanguageModelStreamMemoryTest {
  private static final long FILE_BYTES = 100_000_000L;
  private static final String HEAP = "-Xmx32m";

  @TempDir Path dir;

  @Test
  void streamsAFileMuchLargerThanTheHeap() throws Exception {
    Path file = dir.resolve("large.txt");
    LanguageModelStreamTest.writeCorpus(file, FILE_BYTES, 7);
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, HEAP, "-cp", System.getProperty("java.class.path"),
        LanguageModelStreamMemoryTest.class.getName(), file.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    long tokens = Long.parseLong(out.strip().replaceAll("(?s).*tokens=", ""));
    assertTrue(tokens > FILE_BYTES / 5, out);
  }

  /**
   * Builds the vocabulary and reads every batch of a file; prints the number of target tokens.
   *
   * @param args the file
   * @throws IOException on a read error
   */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    WordTokenizer words = new WordTokenizer(false, true);
    Vocabulary v = LanguageModelStream.vocabulary(file, words, 1, 1000);
    long tokens = 0;
    try (LanguageModelStream s = LanguageModelStream.open(file, new TextCodec(words, v), 32,
        128)) {
      for (Optional<TagBatch> b = s.next(); b.isPresent(); b = s.next()) {
        tokens += b.get().targets().length;
      }
    }
    System.out.println("vocabulary=" + v.size() + " heap=" + Runtime.getRuntime().maxMemory()
        + " tokens=" + tokens);
  }
}
