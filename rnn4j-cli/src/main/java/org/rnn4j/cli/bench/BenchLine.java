package org.rnn4j.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import org.rnn4j.kernel.Gemm;

/**
 * One measurement as one JSON line, with the field names of the PyTorch peer benchmark so one
 * script can read both:
 *
 * <pre>
 * {"config":"C1","metric":"train_tokens_per_s","unit":"tokens/s","value":…,"threads":1,
 *  …the config's own fields (batch, seq, tokens_per_s, approx_gflops, …)…,
 *  "value_best":…,"step_ms_median":…,"step_ms_min":…,"step_ms_max":…,"n_steps":…,
 *  "peer":"rnn4j","backend":"vector-avx512(16 floats)","java":"17.0.15"}
 * </pre>
 * {@code value} is the work per step over the median step time, {@code value_best} over the
 * fastest. Numbers are rounded to {@value #SIGNIFICANT_DIGITS} significant digits.
 */
final class BenchLine {
  static final int SIGNIFICANT_DIGITS = 6;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MathContext ROUNDING = new MathContext(SIGNIFICANT_DIGITS);

  private final ObjectNode fields;
  private final double perStep;
  private final StepTimes times;

  private BenchLine(ObjectNode fields, double perStep, StepTimes times) {
    this.fields = fields;
    this.perStep = perStep;
    this.times = times;
  }

  /**
   * A rate: {@code perStep} units of work per timed step.
   *
   * @param config C1 … C5
   * @param metric the peer's metric name, e.g. {@code train_tokens_per_s}
   * @param unit e.g. {@code tokens/s}
   * @param perStep the work of one step, in the unit's numerator
   * @param times the timed steps
   * @param threads the kernel threads used
   * @return the line, to which the config adds its own fields
   */
  static BenchLine rate(String config, String metric, String unit, double perStep,
      StepTimes times, int threads) {
    ObjectNode fields = JSON.createObjectNode().put("config", config).put("metric", metric)
        .put("unit", unit).put("value", round(times.rate(perStep))).put("threads", threads);
    return new BenchLine(fields, perStep, times);
  }

  /** Adds an integer field (batch, seq, …). */
  BenchLine with(String name, int value) {
    fields.put(name, value);
    return this;
  }

  /** Adds a number field (tokens_per_s, approx_gflops, …), rounded. */
  BenchLine with(String name, double value) {
    fields.put(name, round(value));
    return this;
  }

  /** The JSON line: the fields so far, then the timing summary and what ran it. */
  String json() {
    ObjectNode line = fields.deepCopy();
    line.put("value_best", round(perStep / (times.minNanos() / 1e9)))
        .put("step_ms_median", round(times.medianNanos() / 1e6))
        .put("step_ms_min", round(times.minNanos() / 1e6))
        .put("step_ms_max", round(times.maxNanos() / 1e6))
        .put("n_steps", times.count())
        .put("peer", "rnn4j").put("backend", Gemm.backend())
        .put("java", System.getProperty("java.version"));
    return line.toString();
  }

  /** Prints {@link #json()} as one line and flushes, so each result shows as soon as it exists. */
  void print(PrintWriter out) {
    out.println(json());
    out.flush();
  }

  private static double round(double value) {
    return Double.isFinite(value) ? new BigDecimal(value).round(ROUNDING).doubleValue() : value;
  }
}
