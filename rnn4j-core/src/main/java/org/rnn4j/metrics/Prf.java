package org.rnn4j.metrics;

/** The harmonic mean shared by the per-class and entity-level scores. */
final class Prf {
  private Prf() {}

  /** 2·P·R / (P + R), 0 when P + R = 0. */
  static double f1(double precision, double recall) {
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }
}
