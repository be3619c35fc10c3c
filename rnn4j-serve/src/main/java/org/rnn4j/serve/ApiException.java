package org.rnn4j.serve;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request the server answers with an error: the HTTP status, the request field at fault (or
 * none) and a message that says what was expected and what came.
 *
 * <p>Its JSON body is {@code {"error": {"status": 400, "field": "texts[2]", "message": "…"}}}.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** 400: the request is malformed or a value is out of range. */
  public static final int BAD_REQUEST = 400;
  /** 404: no such path. */
  public static final int NOT_FOUND = 404;
  /** 405: the path exists but not for this method. */
  public static final int METHOD_NOT_ALLOWED = 405;
  /** 413: the body, a text or the number of texts is over its limit. */
  public static final int TOO_LARGE = 413;
  /** 503: the server is overloaded, stopping, or the request timed out waiting. */
  public static final int UNAVAILABLE = 503;

  private final int status;
  private final String field;

  /**
   * @param status the HTTP status
   * @param field the request field at fault, e.g. {@code texts[2]}, or null
   * @param message what was expected and what came
   */
  public ApiException(int status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  /** A 400 naming the field. */
  public static ApiException badRequest(String field, String message) {
    return new ApiException(BAD_REQUEST, field, message);
  }

  /** A 413 naming the field. */
  public static ApiException tooLarge(String field, String message) {
    return new ApiException(TOO_LARGE, field, message);
  }

  /** A 503 (no field): overloaded, stopping or timed out. */
  public static ApiException unavailable(String message) {
    return new ApiException(UNAVAILABLE, null, message);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The request field at fault, or null. */
  public String field() {
    return field;
  }

  /** {@code {"error": {"status": …, "field": …, "message": …}}}. */
  public ObjectNode toJson() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ObjectNode error = body.putObject("error").put("status", status);
    if (field != null) {
      error.put("field", field);
    }
    error.put("message", getMessage());
    return body;
  }
}
