package org.rnn4j.cli.bench;

/** Checks shared by the shape records. */
final class Shapes {
  private Shapes() {}

  /**
   * @param name the size's name, for the message
   * @param value the size
   * @throws IllegalArgumentException if value &lt; 1
   */
  static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }
}
