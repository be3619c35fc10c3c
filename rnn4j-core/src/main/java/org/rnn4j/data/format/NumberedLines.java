package org.rnn4j.data.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rnn4j.data.DataFormatException;

/** Strict UTF-8 lines of a file with their numbers (from 1). */
final class NumberedLines implements AutoCloseable {
  private final BufferedReader reader;
  private final Path file;
  private long number;

  NumberedLines(Path file) throws IOException {
    this.file = file;
    this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); // reports bad bytes
  }

  /** The next line, or null at the end of the file. */
  String next() throws IOException {
    try {
      String line = reader.readLine();
      if (line != null) {
        number++;
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1); // byte-order mark
        }
      }
      return line;
    } catch (MalformedInputException e) {
      throw DataFormatException.atLine(file, number + 1,
          "expected UTF-8 text, found a malformed byte sequence", e);
    }
  }

  /**
   * The number of the first line of a file that is not UTF-8, for readers whose parser reports
   * malformed bytes without a line.
   *
   * @return the line number, or 0 if every line decodes
   */
  static long firstMalformedLine(Path file) throws IOException {
    try (NumberedLines lines = new NumberedLines(file)) {
      while (lines.next() != null) {
        // read on until the decoder fails
      }
    } catch (DataFormatException e) {
      return Long.parseLong(e.where());
    }
    return 0;
  }

  /** The number of the line {@link #next} returned last. */
  long number() {
    return number;
  }

  Path file() {
    return file;
  }

  DataFormatException error(String message) {
    return DataFormatException.atLine(file, number, message);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
