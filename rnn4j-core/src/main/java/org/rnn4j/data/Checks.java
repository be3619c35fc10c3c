package org.rnn4j.data;

/** Argument checks shared by the example records. */
final class Checks {
  private Checks() {}

  static void nonEmpty(SequenceInput s, String name) {
    if (s == null) {
      throw new IllegalArgumentException(name + " must be given");
    }
    if (s.length() < 1) {
      throw new IllegalArgumentException(name + " must have at least one step, got 0");
    }
  }

  static void nonNegative(int[] values, String name) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0) {
        throw new IllegalArgumentException(
            name + " must be at least 0: " + name + "[" + i + "] = " + values[i]);
      }
    }
  }
}
