package org.rnn4j.data.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnn4j.data.DataFormatException;

/**
 * Reads JSON lines: one object per line with the same text and label fields as the array form
 * of {@link LabelledJson}, such as {@code {"text":"Great for the jawbone.","class":1}}. Blank
 * lines are skipped; every other line must be one whole object.
 */
public final class LabelledJsonLines {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private LabelledJsonLines() {}

  /**
   * Reads the records of a file.
   *
   * @param file a UTF-8 file of JSON objects, one per line
   * @param textField the name of the text field
   * @param labelField the name of the label field
   * @return the records, in order
   * @throws IOException if the file cannot be read, or {@link DataFormatException} naming the
   *     line when it is not one JSON object, lacks a field or has an empty label
   */
  public static List<LabelledText> read(Path file, String textField, String labelField)
      throws IOException {
    List<LabelledText> out = new ArrayList<>();
    try (NumberedLines lines = new NumberedLines(file)) {
      long number = 0;
      for (String line = lines.next(); line != null; line = lines.next()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        out.add(LabelledJson.record(object(file, number, line), textField, labelField,
            String.valueOf(number), file));
      }
    }
    return out;
  }

  private static JsonNode object(Path file, long number, String line)
      throws DataFormatException {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw DataFormatException.atLine(file, number, "expected one JSON object on the line: "
          + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw DataFormatException.atLine(file, number, "expected a JSON object '{…}', found "
          + abbreviate(line.strip()));
    }
    return node;
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
