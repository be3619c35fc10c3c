package org.rnn4j.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data file that does not hold what its reader expects. The message names the file, where in
 * it (line, record or byte offset), what was expected and what was found: {@code
 * "reviews.csv:14: expected 3 columns, found 2"}.
 */
public final class DataFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String where;

  /**
   * An error at a place in a file.
   *
   * @param file the file
   * @param where where in it, e.g. "12" for line 12, "record 7" or "byte 4096"
   * @param message what was expected and what was found
   */
  public DataFormatException(Path file, String where, String message) {
    this(file, where, message, null);
  }

  /**
   * An error at a place in a file, caused by another exception.
   *
   * @param file the file
   * @param where where in it, e.g. "12" for line 12, "record 7" or "byte 4096"
   * @param message what was expected and what was found
   * @param cause the exception the parser raised, or null
   */
  public DataFormatException(Path file, String where, String message, Throwable cause) {
    super(file + ":" + where + ": " + message, cause);
    this.file = String.valueOf(file);
    this.where = where;
  }

  /**
   * An error on a line.
   *
   * @param file the file
   * @param line the line number, from 1
   * @param message what was expected and what was found
   * @return the exception
   */
  public static DataFormatException atLine(Path file, long line, String message) {
    return new DataFormatException(file, String.valueOf(line), message);
  }

  /**
   * An error on a line, caused by another exception.
   *
   * @param file the file
   * @param line the line number, from 1
   * @param message what was expected and what was found
   * @param cause the exception the parser raised
   * @return the exception
   */
  public static DataFormatException atLine(
      Path file, long line, String message, Throwable cause) {
    return new DataFormatException(file, String.valueOf(line), message, cause);
  }

  /** The file, as given to the reader. */
  public String file() {
    return file;
  }

  /** Where in the file: a line number, "record N" or "byte N". */
  public String where() {
    return where;
  }
}
