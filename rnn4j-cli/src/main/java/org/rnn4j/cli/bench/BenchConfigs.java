package org.rnn4j.cli.bench;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The model configurations of {@code rnn4j bench}, by name, each measured at its full (PyTorch
 * peer) size: C1 character LM ({@link CharLmThroughput}), C2 sentiment ({@link
 * SentimentThroughput}), C3 vanilla-RNN regression ({@link SmallRnnThroughput}), C4 generation
 * ({@link GenerationThroughput}) and C5 one large LSTM ({@link BigLstmThroughput}). A new
 * configuration is one class and one entry here.
 */
public final class BenchConfigs {
  /** Measures one configuration at one thread count, printing its lines. */
  @FunctionalInterface
  private interface Measure {
    void run(int threads, StepTimer timer, PrintWriter out);
  }

  private static final Map<String, Measure> CONFIGS = new LinkedHashMap<>();

  static {
    CONFIGS.put("C1", (t, timer, out) -> CharLmThroughput.measure(C1Shape.PEER, t, timer, out));
    CONFIGS.put("C2", (t, timer, out) -> SentimentThroughput.measure(C2Shape.PEER, t, timer, out));
    CONFIGS.put("C3", (t, timer, out) -> SmallRnnThroughput.measure(LayerShape.C3, t, timer, out));
    CONFIGS.put("C4", (t, timer, out) -> GenerationThroughput.measure(C4Shape.PEER, t, timer, out));
    CONFIGS.put("C5", (t, timer, out) -> BigLstmThroughput.measure(LayerShape.C5, t, timer, out));
  }

  /** The minimum timed seconds of a measurement unless {@code --seconds} says otherwise. */
  public static final double DEFAULT_SECONDS = StepTimer.DEFAULT_SECONDS;

  private BenchConfigs() {}

  /** The configuration names, in order: C1 … C5. */
  public static List<String> names() {
    return List.copyOf(CONFIGS.keySet());
  }

  /**
   * The configuration of that name, ignoring case.
   *
   * @param name e.g. {@code C1} or {@code c1}
   * @return its name as {@link #names()} spells it, or empty if there is none
   */
  public static Optional<String> find(String name) {
    String key = name.toUpperCase(Locale.ROOT);
    return CONFIGS.containsKey(key) ? Optional.of(key) : Optional.empty();
  }

  /**
   * Measures a configuration at each thread count, printing one JSON line per measurement;
   * restores the kernels' thread count afterwards.
   *
   * @param name a name {@link #find} knows
   * @param threads thread counts, each at least 1
   * @param seconds time each measurement for at least this long after a warm-up of 2/3 of it
   *     (C4 uses only the warm-up: it times a fixed number of runs)
   * @param out where the lines go
   * @throws IllegalArgumentException if the name is unknown or seconds is not positive
   */
  public static void run(String name, List<Integer> threads, double seconds, PrintWriter out) {
    Measure measure = find(name).map(CONFIGS::get).orElseThrow(() ->
        new IllegalArgumentException("unknown config '" + name + "': expected one of " + names()));
    StepTimer timer = StepTimer.ofSeconds(seconds);
    ThreadCounts.forEach(threads, t -> measure.run(t, timer, out));
  }
}
