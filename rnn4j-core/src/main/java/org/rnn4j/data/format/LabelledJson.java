package org.rnn4j.data.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnn4j.data.DataFormatException;

/**
 * Reads a JSON array of objects, each with a text field and a label field, such as {@code
 * [{"text":"Great for the jawbone.","class":1}, …]}. A label may be a string, a number or a
 * boolean; it is kept as its text ("1", "true", "positive").
 */
public final class LabelledJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private LabelledJson() {}

  /**
   * Reads the records of a file.
   *
   * @param file a UTF-8 JSON file holding one array
   * @param textField the name of the text field
   * @param labelField the name of the label field
   * @param skipEmpty leave out records whose text is empty and whose label is null or missing
   *     (some files end with such a placeholder); any other incomplete record is an error
   * @return the records, in order
   * @throws IOException if the file cannot be read, or {@link DataFormatException} naming the
   *     record (from 1) and line when the JSON is malformed or a record lacks a field
   */
  public static List<LabelledText> read(
      Path file, String textField, String labelField, boolean skipEmpty) throws IOException {
    List<LabelledText> out = new ArrayList<>();
    try (Reader reader = NumberedLines.utf8Reader(file);
        JsonParser parser = JSON.createParser(reader)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_ARRAY) {
        throw error(file, parser.currentLocation(), 0, "expected a JSON array '[', found "
            + (first == null ? "end of file" : "'" + parser.getText() + "'"));
      }
      int record = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        record++;
        JsonLocation at = parser.currentTokenLocation();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
          throw error(file, at, record, "expected an object '{', found '" + parser.getText()
              + "'");
        }
        JsonNode node = parser.readValueAsTree();
        LabelledText item = toRecord(node, textField, labelField, skipEmpty, file, at, record);
        if (item != null) {
          out.add(item);
        }
      }
      if (parser.nextToken() != null) {
        throw error(file, parser.currentTokenLocation(), record,
            "expected the end of the file after the array, found '" + parser.getText() + "'");
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new DataFormatException(file, String.valueOf(at == null ? 0 : at.getLineNr()),
          "expected well-formed JSON: " + e.getOriginalMessage(), e);
    } catch (MalformedInputException e) {
      throw DataFormatException.atLine(file, NumberedLines.firstMalformedLine(file),
          "expected UTF-8 text, found a malformed byte sequence", e);
    }
    return out;
  }

  private static LabelledText toRecord(JsonNode node, String textField, String labelField,
      boolean skipEmpty, Path file, JsonLocation at, int record) throws DataFormatException {
    JsonNode text = node.get(textField);
    JsonNode label = node.get(labelField);
    boolean noLabel = label == null || label.isNull();
    if (skipEmpty && text != null && text.isTextual() && text.textValue().isEmpty() && noLabel) {
      return null;
    }
    return record(node, textField, labelField, at.getLineNr() + " (record " + record + ")", file);
  }

  /**
   * One record: the text and label fields of a JSON object, as {@link #read} and {@link
   * LabelledJsonLines} take them.
   *
   * @param node the object
   * @param textField the text field
   * @param labelField the label field
   * @param where where the object is in the file, for messages ("12" or "12 (record 3)")
   * @param file the file, for messages
   * @return the record
   * @throws DataFormatException naming the file and place when a field is missing, of the
   *     wrong kind, or the label is empty
   */
  static LabelledText record(JsonNode node, String textField, String labelField, String where,
      Path file) throws DataFormatException {
    JsonNode text = node.get(textField);
    JsonNode label = node.get(labelField);
    if (text == null || !text.isTextual()) {
      throw new DataFormatException(file, where, "expected a string field \"" + textField
          + "\", found " + (text == null ? "none" : text.toString()));
    }
    if (label == null || label.isNull() || !label.isValueNode()) {
      throw new DataFormatException(file, where, "expected a string, number or boolean field \""
          + labelField + "\", found " + (label == null ? "none" : label.toString()));
    }
    if (label.asText().isBlank()) {
      throw new DataFormatException(file, where, LabelledText.emptyLabel(labelField,
          label.asText()));
    }
    return new LabelledText(text.textValue(), label.asText());
  }

  private static DataFormatException error(
      Path file, JsonLocation at, int record, String message) {
    return new DataFormatException(
        file, at.getLineNr() + " (record " + record + ")", message);
  }
}
