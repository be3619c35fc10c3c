package org.rnn4j.data.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a UTF-8 text file as lines: one name, sentence or text per line. */
public final class TextLines {
  private TextLines() {}

  /**
   * The lines of a file, without line terminators (and without a leading byte-order mark).
   *
   * @param file a UTF-8 text file
   * @param skipBlank leave out lines that are empty or only whitespace
   * @return the lines, in order
   * @throws IOException if the file cannot be read, or {@link org.rnn4j.data.DataFormatException}
   *     naming the line of malformed UTF-8
   */
  public static List<String> read(Path file, boolean skipBlank) throws IOException {
    List<String> out = new ArrayList<>();
    try (NumberedLines lines = new NumberedLines(file)) {
      for (String line = lines.next(); line != null; line = lines.next()) {
        if (!skipBlank || !line.isBlank()) {
          out.add(line);
        }
      }
    }
    return out;
  }
}
