package org.rnn4j.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON object of a request body, read field by field. Every error is an {@link
 * ApiException} that names the field, what it must be and what it was.
 */
public final class JsonRequest {
  static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final ObjectNode body;

  private JsonRequest(ObjectNode body) {
    this.body = body;
  }

  /**
   * @param bytes a request body in UTF-8; empty reads as {@code {}}
   * @return the object it holds
   * @throws ApiException 400 if it is not one JSON object
   */
  public static JsonRequest parse(byte[] bytes) {
    if (bytes.length == 0) {
      return new JsonRequest(JSON.createObjectNode());
    }
    JsonNode node;
    try {
      node = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("body", "not valid JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ")");
    } catch (IOException e) {
      throw ApiException.badRequest("body", "not readable: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest("body", "expected a JSON object, got "
          + (node == null ? "nothing" : kind(node)));
    }
    return new JsonRequest((ObjectNode) node);
  }

  /** Wraps an object already parsed. */
  public static JsonRequest of(ObjectNode body) {
    return new JsonRequest(body);
  }

  /**
   * Refuses fields the operation does not read, so a misspelt option is not silently ignored.
   *
   * @param known the fields the operation reads
   * @throws ApiException 400 naming the first unknown field and the known ones
   */
  public void allowOnly(Set<String> known) {
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        throw ApiException.badRequest(name, "unknown field; this operation reads "
            + String.join(", ", new TreeSet<>(known)));
      }
    }
  }

  /** Whether the field is present and not null. */
  public boolean has(String field) {
    JsonNode n = body.get(field);
    return n != null && !n.isNull();
  }

  /** The raw value of a field, or null. */
  public JsonNode get(String field) {
    JsonNode n = body.get(field);
    return n == null || n.isNull() ? null : n;
  }

  /**
   * The texts of a request: {@code "texts": ["…", …]} or a single {@code "text": "…"}.
   *
   * @param maxTexts the most texts allowed
   * @return at least one text
   * @throws ApiException 400 if neither or both fields are given or an element is not a
   *     string; 413 if there are more than {@code maxTexts}
   */
  public List<String> texts(int maxTexts) {
    boolean one = has("text");
    boolean many = has("texts");
    if (one == many) {
      throw ApiException.badRequest(one ? "text" : "texts",
          one ? "give \"text\" or \"texts\", not both" : "missing: give \"text\": \"…\" or"
              + " \"texts\": [\"…\", …]");
    }
    if (one) {
      return List.of(string("text"));
    }
    return strings("texts", maxTexts);
  }

  /**
   * The field of text i of {@link #texts}: {@code texts[i]}, or {@code text} when one was given.
   */
  public String textField(int i) {
    return has("text") ? "text" : "texts[" + i + "]";
  }

  /**
   * @param field the name of an array of strings
   * @param max the most elements allowed
   * @return its elements, at least one
   * @throws ApiException 400 if it is not a non-empty array of strings; 413 if longer than max
   */
  public List<String> strings(String field, int max) {
    JsonNode n = get(field);
    if (n == null || !n.isArray()) {
      throw ApiException.badRequest(field, "expected an array of strings, got " + kind(n));
    }
    if (n.isEmpty()) {
      throw ApiException.badRequest(field, "expected at least one element, got an empty array");
    }
    if (n.size() > max) {
      throw ApiException.tooLarge(field, "at most " + max + " elements per request, got "
          + n.size());
    }
    List<String> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      out.add(string(field + "[" + i + "]", n.get(i)));
    }
    return out;
  }

  /** A required string field. */
  public String string(String field) {
    return string(field, get(field));
  }

  /** An optional string field, else {@code fallback}. */
  public String string(String field, String fallback) {
    return has(field) ? string(field) : fallback;
  }

  static String string(String field, JsonNode n) {
    if (n == null || !n.isTextual()) {
      throw ApiException.badRequest(field, "expected a string, got " + kind(n));
    }
    return n.textValue();
  }

  /**
   * An optional integer field within [min, max].
   *
   * @throws ApiException 400 if it is not an integer or outside the range
   */
  public int integer(String field, int fallback, int min, int max) {
    JsonNode n = get(field);
    if (n == null) {
      return fallback;
    }
    String range = "an integer in " + min + " … " + max;
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw expected(field, range, kind(n));
    }
    int v = n.intValue();
    if (v < min || v > max) {
      throw expected(field, range, Integer.toString(v));
    }
    return v;
  }

  /** An optional integer that fits a long (a seed), else {@code fallback}. */
  public long longInteger(String field, long fallback) {
    JsonNode n = get(field);
    if (n == null) {
      return fallback;
    }
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw ApiException.badRequest(field, "expected an integer, got " + kind(n));
    }
    return n.longValue();
  }

  /**
   * An optional finite number within [min, max].
   *
   * @throws ApiException 400 if it is not a number or outside the range
   */
  public double number(String field, double fallback, double min, double max) {
    JsonNode n = get(field);
    if (n == null) {
      return fallback;
    }
    String range = "a number in " + min + " … " + max;
    if (!n.isNumber() || !Double.isFinite(n.doubleValue())) {
      throw expected(field, range, kind(n));
    }
    double v = n.doubleValue();
    if (v < min || v > max) {
      throw expected(field, range, Double.toString(v));
    }
    return v;
  }

  /** An optional boolean field, else {@code fallback}. */
  public boolean bool(String field, boolean fallback) {
    JsonNode n = get(field);
    if (n == null) {
      return fallback;
    }
    if (!n.isBoolean()) {
      throw ApiException.badRequest(field, "expected true or false, got " + kind(n));
    }
    return n.booleanValue();
  }

  /** A 400: "expected {@code what}, got {@code got}", naming the field. */
  private static ApiException expected(String field, String what, String got) {
    return ApiException.badRequest(field, "expected " + what + ", got " + got);
  }

  /** What a JSON value is, for messages: {@code a number (12)}, {@code a string ("ab")}. */
  static String kind(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return "nothing";
    }
    String shown = n.toString();
    if (shown.length() > 40) {
      shown = shown.substring(0, 37) + "…";
    }
    return switch (n.getNodeType()) {
      case ARRAY -> "an array " + shown;
      case OBJECT -> "an object " + shown;
      case STRING -> "a string " + shown;
      case NUMBER -> "a number " + shown;
      case BOOLEAN -> shown;
      default -> shown;
    };
  }
}
