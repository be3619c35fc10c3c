package org.rnn4j.optim;

/** Argument checks for configs and calls; each message names the parameter, expected and actual. */
final class Checks {
  private Checks() {}

  /** Requires {@code 0 < value < ∞}. */
  static void positive(String name, double value) {
    if (!(value > 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(
          name + " must be positive and finite: expected > 0, got " + value);
    }
  }

  /** Requires {@code 0 ≤ value < ∞}. */
  static void nonNegative(String name, double value) {
    if (!(value >= 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(
          name + " must be non-negative and finite: expected >= 0, got " + value);
    }
  }

  /** Requires {@code 0 ≤ value < 1}. */
  static void unitInterval(String name, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1): got " + value);
    }
  }

  /** Requires {@code 0 ≤ value ≤ 1}. */
  static void closedUnitInterval(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1]: got " + value);
    }
  }

  /** Requires {@code value ≥ min}. */
  static void atLeast(String name, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(
          name + " must be at least " + min + ": expected >= " + min + ", got " + value);
    }
  }
}
