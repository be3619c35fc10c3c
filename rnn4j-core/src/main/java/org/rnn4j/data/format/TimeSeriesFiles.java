package org.rnn4j.data.format;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVParser;
import org.rnn4j.data.DataFormatException;

/** Reads a time series in the formats the command line accepts: csv (default) or tsv. */
public final class TimeSeriesFiles {
  private TimeSeriesFiles() {}

  /**
   * @param file the data, one observation per record in time order, with a header line
   * @param format csv or tsv; when empty, tsv for a name ending in .tsv, else csv
   * @param time the time-stamp column, if any
   * @param values the value columns, by header name or index
   * @return the series
   * @throws DataFormatException naming file, line and column of a bad value, or when the file
   *     holds no observation
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if the format is neither csv nor tsv
   */
  public static TimeSeries read(Path file, Optional<String> format, Optional<String> time,
      List<String> values) throws IOException {
    TimeSeries series = TimeSeriesCsv.read(file, dialect(file, format), time, values);
    if (series.length() == 0) {
      throw new DataFormatException(file, "2", "expected observations after the header line,"
          + " found none");
    }
    return series;
  }

  /**
   * The column names of a series file's header line.
   *
   * @param file the data, with a header line
   * @param format csv or tsv; when empty, tsv for a name ending in .tsv, else csv
   * @return the names, in order (empty for an empty file)
   * @throws IOException if the file cannot be read, or {@link DataFormatException} naming it when
   *     the header is malformed
   */
  public static List<String> columns(Path file, Optional<String> format) throws IOException {
    DelimitedFormat dialect = dialect(file, format);
    try (Reader reader = NumberedLines.utf8Reader(file);
        CSVParser parser = DelimitedReader.parse(file, reader,
            DelimitedReader.csvFormat(dialect))) {
      return List.copyOf(parser.getHeaderNames());
    }
  }

  private static DelimitedFormat dialect(Path file, Optional<String> format) {
    String f = format.map(v -> v.toLowerCase(Locale.ROOT))
        .orElse(file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tsv")
            ? "tsv" : "csv");
    return switch (f) {
      case "csv" -> DelimitedFormat.CSV;
      case "tsv" -> DelimitedFormat.TSV;
      default -> throw new IllegalArgumentException(file + ": --format must be csv or tsv for a"
          + " time series, got " + format.orElseThrow());
    };
  }

  /**
   * Checks that every value is positive, as the log transform needs.
   *
   * @param file for messages
   * @param series the values
   * @param why the option that needs it, e.g. "--log"
   * @throws DataFormatException naming the record and column of the first value ≤ 0
   */
  public static void requirePositive(Path file, TimeSeries series, String why)
      throws DataFormatException {
    int f = series.values().features();
    float[] v = series.values().values();
    for (int i = 0; i < v.length; i++) {
      if (!(v[i] > 0)) {
        throw new DataFormatException(file, "record " + (i / f + 1), why + " needs positive"
            + " values: expected a number > 0 in column \"" + series.names().get(i % f)
            + "\", found " + v[i]);
      }
    }
  }

  /**
   * Checks that every value is at least 0, as log(1 + x) needs.
   *
   * @param file the file, for the message
   * @param series its series
   * @param why what needs them, e.g. "--log1p"
   * @throws DataFormatException naming the record (from 1) and column of the first negative
   *     value
   */
  public static void requireNonNegative(Path file, TimeSeries series, String why)
      throws DataFormatException {
    int f = series.values().features();
    float[] v = series.values().values();
    for (int i = 0; i < v.length; i++) {
      if (!(v[i] >= 0)) {
        throw new DataFormatException(file, "record " + (i / f + 1), why + " needs values of 0"
            + " or more: expected a number ≥ 0 in column \"" + series.names().get(i % f)
            + "\", found " + v[i]);
      }
    }
  }
}
