package org.rnn4j.bench;

import org.openjdk.jmh.annotations.Benchmark;

public class Placeholder {
  @Benchmark
  public int nothing() { return 1; }
}
