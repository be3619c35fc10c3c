package org.rnn4j.data.format;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.rnn4j.data.DataFormatException;

/**
 * Reads chosen columns of CSV or TSV files through Apache Commons CSV (RFC 4180 quoting). Every
 * record must have as many fields as the header (or, without a header, as the first record).
 * Columns are chosen by header name, or by index ("0", "1", …).
 */
public final class DelimitedReader {
  private DelimitedReader() {}

  /**
   * The chosen columns of every record.
   *
   * @param file a UTF-8 delimited file
   * @param format its dialect
   * @param columns the columns to keep, by header name or index, in the order wanted
   * @return one list of values per record, in the order of {@code columns}
   * @throws IOException if the file cannot be read, or {@link DataFormatException} naming the
   *     line and record when a record is malformed, has the wrong number of fields, or a column
   *     does not exist
   */
  public static List<List<String>> read(Path file, DelimitedFormat format, List<String> columns)
      throws IOException {
    List<List<String>> out = new ArrayList<>();
    forEachRecord(file, format, columns, (where, row) -> out.add(row));
    return out;
  }

  /** What to do with each record's chosen values; {@code where} is "line (record n)". */
  private interface RecordSink {
    void accept(String where, List<String> row) throws DataFormatException;
  }

  private static void forEachRecord(Path file, DelimitedFormat format, List<String> columns,
      RecordSink sink) throws IOException {
    CSVFormat csv = csvFormat(format);
    try (Reader reader = NumberedLines.utf8Reader(file);
        CSVParser parser = parse(file, reader, csv)) {
      List<String> header = parser.getHeaderNames();
      int[] picks = null;
      int width = format.header() ? header.size() : -1;
      Iterator<CSVRecord> it = parser.iterator();
      while (next(it, file, parser)) {
        CSVRecord r = it.next();
        if (width < 0) {
          width = r.size();
        }
        if (picks == null) {
          picks = columnIndices(file, format.header() ? header : null, width, columns);
        }
        if (r.size() != width) {
          throw recordError(file, parser, r, "expected " + width + " fields, found " + r.size());
        }
        List<String> row = new ArrayList<>(picks.length);
        for (int p : picks) {
          row.add(r.get(p));
        }
        sink.accept(parser.getCurrentLineNumber() + " (record " + r.getRecordNumber() + ")",
            row);
      }
    } catch (MalformedInputException e) {
      throw DataFormatException.atLine(file, NumberedLines.firstMalformedLine(file),
          "expected UTF-8 text, found a malformed byte sequence", e);
    }
  }

  /**
   * Texts with labels from two columns.
   *
   * @param file a UTF-8 delimited file
   * @param format its dialect
   * @param textColumn the text column, by name or index
   * @param labelColumn the label column, by name or index
   * @return the records
   * @throws IOException as {@link #read}; also a {@link DataFormatException} naming the line of
   *     a record whose label is empty
   */
  public static List<LabelledText> readLabelled(
      Path file, DelimitedFormat format, String textColumn, String labelColumn)
      throws IOException {
    List<LabelledText> out = new ArrayList<>();
    forEachRecord(file, format, List.of(textColumn, labelColumn), (where, row) -> {
      if (row.get(1).isBlank()) {
        throw new DataFormatException(file, where, LabelledText.emptyLabel(labelColumn,
            row.get(1)));
      }
      out.add(new LabelledText(row.get(0), row.get(1)));
    });
    return out;
  }

  /**
   * Starts parsing; a header that names a column twice is an error naming the file and line 1
   * (which column would be meant is not clear).
   */
  static CSVParser parse(Path file, Reader reader, CSVFormat csv) throws IOException {
    try {
      return csv.parse(reader);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw e;
    } catch (IOException e) { // the header record itself is malformed, e.g. an unclosed quote
      throw DataFormatException.atLine(file, 1, "expected a well-formed header record: "
          + e.getMessage());
    } catch (IllegalArgumentException e) {
      // the parser's own message suggests an API call; the user needs the file and the name
      throw DataFormatException.atLine(file, 1, "expected distinct column names in the header: "
          + e.getMessage().replaceAll("\\. If this is valid.*", ""));
    }
  }

  static CSVFormat csvFormat(DelimitedFormat format) {
    CSVFormat.Builder b = CSVFormat.RFC4180.builder()
        .setDelimiter(format.delimiter())
        .setIgnoreEmptyLines(true);
    if (!format.quoted()) {
      b.setQuote(null);
    }
    if (format.header()) {
      // a name twice is an error; empty names (columns chosen by index) may repeat
      b.setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true)
          .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY);
    }
    return b.get();
  }

  /** Advances the parser, turning its unchecked errors into errors that name the line. */
  static boolean next(Iterator<CSVRecord> it, Path file, CSVParser parser)
      throws IOException {
    try {
      return it.hasNext();
    } catch (UncheckedIOException | IllegalStateException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof MalformedInputException) {
        throw DataFormatException.atLine(file, NumberedLines.firstMalformedLine(file),
            "expected UTF-8 text, found a malformed byte sequence", e);
      }
      throw DataFormatException.atLine(file, parser.getCurrentLineNumber(),
          "expected a well-formed record (RFC 4180 quoting), found: " + cause.getMessage(), e);
    }
  }

  static DataFormatException recordError(
      Path file, CSVParser parser, CSVRecord r, String message) {
    return new DataFormatException(file,
        parser.getCurrentLineNumber() + " (record " + r.getRecordNumber() + ")", message);
  }

  static int[] columnIndices(Path file, List<String> header, int width, List<String> columns)
      throws DataFormatException {
    int[] picks = new int[columns.size()];
    for (int i = 0; i < picks.length; i++) {
      String c = columns.get(i);
      int index = header == null ? -1 : header.indexOf(c);
      if (index < 0 && c.matches("\\d+")) {
        index = Integer.parseInt(c);
      }
      if (index < 0 || index >= width) {
        throw new DataFormatException(file, "1", "expected a column \"" + c + "\", found "
            + (header == null ? width + " unnamed columns (use an index)" : "columns " + header));
      }
      picks[i] = index;
    }
    return picks;
  }
}
