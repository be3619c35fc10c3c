package org.rnn4j.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading the fields of a model file's {@code config} JSON, each failure a
 * {@link ModelFormatException} naming the file, the field, what was expected and what was found.
 */
public final class ConfigJson {
  private ConfigJson() {}

  /**
   * An integer field.
   *
   * @throws ModelFormatException if it is missing or not an integer
   */
  public static int integer(JsonNode config, String name, Path file) throws ModelFormatException {
    JsonNode v = config.get(name);
    if (v == null || !v.canConvertToInt()) {
      throw new ModelFormatException(
          file + ": config " + name + " must be an integer, got " + (v == null ? "nothing" : v));
    }
    return v.asInt();
  }

  /**
   * A field holding an array of strings, such as class or tag names.
   *
   * @param what what the strings are, for the message ("class names")
   * @throws ModelFormatException if it is missing, not an array, or holds a non-string
   */
  public static List<String> strings(JsonNode config, String name, String what, Path file)
      throws ModelFormatException {
    JsonNode v = config.get(name);
    if (v == null || !v.isArray()) {
      throw new ModelFormatException(file + ": config " + name + " must be an array of " + what
          + ", got " + (v == null ? "nothing" : v));
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : v) {
      if (!item.isTextual()) {
        throw new ModelFormatException(file + ": config " + name + " must be strings, got " + item);
      }
      out.add(item.asText());
    }
    return out;
  }

  /**
   * Checks that a config is of the expected task family.
   *
   * @param config the config object
   * @param task the family's name
   * @param what the family in words, for the message ("a sequence classifier")
   * @param file for messages
   * @throws ModelFormatException if the config's {@code task} is another
   */
  public static void requireTask(JsonNode config, String task, String what, Path file)
      throws ModelFormatException {
    String actual = config.path("task").asText();
    if (!task.equals(actual)) {
      throw new ModelFormatException(file + ": config task is '" + actual + "', expected '" + task
          + "' (" + what + ")");
    }
  }
}
