package org.rnn4j.data.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads parallel text: one pair per line, {@code source TAB target}, both sides non-empty.
 * Blank lines are skipped; a tab inside a sentence is not allowed (it would be ambiguous).
 */
public final class ParallelTsv {
  private ParallelTsv() {}

  /**
   * The pairs of a file.
   *
   * @param file a UTF-8 file
   * @return the pairs, in order, each side stripped of surrounding whitespace
   * @throws IOException if the file cannot be read, or {@link org.rnn4j.data.DataFormatException}
   *     naming the line that does not hold exactly two non-empty fields
   */
  public static List<SentencePair> read(Path file) throws IOException {
    List<SentencePair> out = new ArrayList<>();
    try (NumberedLines lines = new NumberedLines(file)) {
      for (String line = lines.next(); line != null; line = lines.next()) {
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        if (fields.length != 2) {
          throw lines.error("expected 2 tab-separated fields (source TAB target), found "
              + fields.length);
        }
        String source = fields[0].strip();
        String target = fields[1].strip();
        if (source.isEmpty() || target.isEmpty()) {
          throw lines.error("expected a non-empty " + (source.isEmpty() ? "source" : "target")
              + ", found an empty field");
        }
        out.add(new SentencePair(source, target));
      }
    }
    return out;
  }
}
