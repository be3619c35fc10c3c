package org.rnn4j.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reading input cells as the families need them, with the error messages of bad rows. */
final class Inputs {
  private Inputs() {}

  /**
   * A non-blank text.
   *
   * @throws BadInputException for null, a blank string or a value that is not a string
   */
  static String text(String column, Object value) throws BadInputException {
    if (value == null) {
      throw new BadInputException("column '" + column + "' is null: expected a text");
    }
    if (!(value instanceof String text)) {
      throw new BadInputException("column '" + column + "' holds " + describe(value)
          + ": expected a text (string)");
    }
    if (text.isBlank()) {
      throw new BadInputException("column '" + column + "' is an empty text: expected at least"
          + " one token");
    }
    return text;
  }

  /**
   * A list of cells: a Java list or array, or a Scala sequence (how Spark gives an array column).
   *
   * @return the cells, or null if the value is not a sequence
   */
  static List<?> sequence(Object value) {
    if (value instanceof List<?> list) {
      return list;
    }
    if (value instanceof scala.collection.Seq<?> seq) {
      return scala.jdk.javaapi.CollectionConverters.asJava(seq);
    }
    if (value instanceof Object[] array) {
      return List.of(array);
    }
    if (value instanceof double[] array) {
      List<Double> out = new ArrayList<>(array.length);
      for (double d : array) {
        out.add(d);
      }
      return out;
    }
    return null;
  }

  /** "the Integer 5", "a string of 3 characters": what a cell held, for messages. */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return String.format(Locale.ROOT, "the string \"%s\"", s.length() > 40
          ? s.substring(0, 40) + "…" : s);
    }
    return "the " + value.getClass().getSimpleName() + " " + abbreviate(String.valueOf(value));
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
