package org.rnn4j.data.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.rnn4j.data.format.DelimitedFormat;
import org.rnn4j.data.format.DelimitedReader;
import org.rnn4j.data.format.LabelledJson;
import org.rnn4j.data.format.LabelledText;

/**
 * Reads texts with labels in the formats the command line accepts: json (an array of objects),
 * jsonl (one object per line), csv, tsv. An empty label is an error naming the file and line.
 */
public final class LabelledTexts {
  private LabelledTexts() {}

  /**
   * @param file the data
   * @param format json, jsonl, csv or tsv; null to choose by the file's extension
   * @param text the text field (json) or column name or index (csv, tsv)
   * @param label the label field or column
   * @return the records in file order
   * @throws IOException if the file cannot be read; a malformed record is named
   * @throws IllegalArgumentException if the format is unknown
   */
  public static List<LabelledText> read(Path file, String format, String text, String label)
      throws IOException {
    String f = format != null ? format.toLowerCase(Locale.ROOT) : extension(file);
    return switch (f) {
      case "json" -> LabelledJson.read(file, text, label, true);
      case "jsonl" -> LabelledJsonLines.read(file, text, label);
      case "csv" -> DelimitedReader.readLabelled(file, DelimitedFormat.CSV, text, label);
      case "tsv" -> DelimitedReader.readLabelled(file, DelimitedFormat.TSV, text, label);
      default -> throw new IllegalArgumentException(file + ": --format must be json, jsonl, csv or tsv"
          + (format == null ? " (the extension '" + f + "' does not say which)" : ", got " + format));
    };
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
