package org.rnn4j.data.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.rnn4j.data.DataFormatException;
import org.rnn4j.data.Utf8LineReader;

/** Strict UTF-8 lines of a file with their numbers (from 1). */
final class NumberedLines implements AutoCloseable {
  private final InputStream in;
  private final Utf8LineReader reader;
  private final Path file;
  private long number;

  NumberedLines(Path file) throws IOException {
    this.file = file;
    this.in = Files.newInputStream(file);
    this.reader = new Utf8LineReader(in, file, 0);
  }

  /** The next line, or null at the end of the file. */
  String next() throws IOException {
    Optional<String> line;
    try {
      line = reader.next();
    } catch (DataFormatException e) {
      throw DataFormatException.atLine(file, number + 1,
          "expected UTF-8 text, found a malformed byte sequence", e);
    }
    if (line.isEmpty()) {
      return null;
    }
    number++;
    String s = line.get();
    return number == 1 && s.startsWith("\uFEFF") ? s.substring(1) : s; // byte-order mark
  }

  /**
   * A strict UTF-8 reader of a whole file that skips a leading byte-order mark, as every reader
   * of rnn4j does (the rule of {@link #next} for line readers).
   *
   * @param file the file
   * @return the reader, positioned after any BOM
   * @throws IOException if the file cannot be opened
   */
  static Reader utf8Reader(Path file) throws IOException {
    BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    try {
      reader.mark(1);
      if (reader.read() != '\uFEFF') {
        reader.reset();
      }
    } catch (IOException e) {
      reader.close();
      throw e;
    }
    return reader;
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
    in.close();
  }
}
