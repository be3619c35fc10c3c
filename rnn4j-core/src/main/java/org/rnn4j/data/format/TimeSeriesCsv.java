package org.rnn4j.data.format;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rnn4j.data.DataFormatException;
import org.rnn4j.data.Features;
import org.rnn4j.kernel.Sizes;

/**
 * Reads a time series from a CSV file with a header: an optional time column and one or more
 * numeric value columns, one observation per record, in time order.
 */
public final class TimeSeriesCsv {
  private TimeSeriesCsv() {}

  /**
   * The series of a file.
   *
   * @param file a UTF-8 delimited file with a header line
   * @param format its dialect (must have a header)
   * @param timeColumn the time-stamp column, if any
   * @param valueColumns the value columns, at least one
   * @return the series
   * @throws IOException if the file cannot be read, or {@link DataFormatException} naming the
   *     line, record and column of a value that is not a finite number
   */
  public static TimeSeries read(Path file, DelimitedFormat format, Optional<String> timeColumn,
      List<String> valueColumns) throws IOException {
    if (!format.header() || valueColumns.isEmpty()) {
      throw new IllegalArgumentException("a time-series CSV needs a header and at least one "
          + "value column");
    }
    List<String> columns = new ArrayList<>(valueColumns);
    timeColumn.ifPresent(columns::add);
    List<String> times = new ArrayList<>();
    int f = valueColumns.size();
    float[] values = new float[Sizes.product(1024, f)];
    int t = 0;
    try (Reader reader = NumberedLines.utf8Reader(file);
        CSVParser parser =
            DelimitedReader.parse(file, reader, DelimitedReader.csvFormat(format))) {
      List<String> header = parser.getHeaderNames();
      int[] picks = DelimitedReader.columnIndices(file, header, header.size(), columns);
      Iterator<CSVRecord> it = parser.iterator();
      while (DelimitedReader.next(it, file, parser)) {
        CSVRecord r = it.next();
        if (r.size() != header.size()) {
          throw DelimitedReader.recordError(file, parser, r, "expected " + header.size()
              + " fields, found " + r.size());
        }
        if ((t + 1) * f > values.length) {
          values = java.util.Arrays.copyOf(values, values.length * 2);
        }
        for (int j = 0; j < f; j++) {
          values[t * f + j] = number(r.get(picks[j]), valueColumns.get(j), file, parser, r);
        }
        times.add(timeColumn.isPresent() ? r.get(picks[f]) : "");
        t++;
      }
    } catch (java.nio.charset.MalformedInputException e) {
      throw DataFormatException.atLine(file, NumberedLines.firstMalformedLine(file),
          "expected UTF-8 text, found a malformed byte sequence", e);
    }
    return new TimeSeries(valueColumns, times,
        new Features(java.util.Arrays.copyOf(values, t * f), f));
  }

  private static float number(String text, String column, Path file, CSVParser parser,
      CSVRecord r) throws DataFormatException {
    try {
      float v = Float.parseFloat(text.strip());
      if (Float.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below with the place
    }
    throw DelimitedReader.recordError(file, parser, r, "expected a finite number in column \""
        + column + "\", found \"" + text + "\"");
  }
}
