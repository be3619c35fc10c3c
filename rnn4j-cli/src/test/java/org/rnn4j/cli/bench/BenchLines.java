package org.rnn4j.cli.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.rnn4j.kernel.Gemm;
import org.rnn4j.nn.Module;
import org.rnn4j.tensor.Tensor;

/** Test helper: runs a measurement into a string and parses its JSON lines. */
final class BenchLines {
  /** A timer for tests: two warm-up calls and one timed call. */
  static final StepTimer QUICK = new StepTimer(0, 1, 0);
  /** The fields of every line, as the peer's {@code emit_rate} names them. */
  static final List<String> COMMON = List.of("config", "metric", "unit", "value", "threads",
      "value_best", "step_ms_median", "step_ms_min", "step_ms_max", "n_steps", "peer", "backend",
      "java");

  private BenchLines() {}

  /**
   * @param measure writes lines to the writer it is given
   * @return the parsed lines
   */
  static List<JsonNode> run(Consumer<PrintWriter> measure) {
    StringWriter text = new StringWriter();
    measure.accept(new PrintWriter(text));
    return parse(text.toString());
  }

  /** Parses one JSON object per non-empty line. */
  static List<JsonNode> parse(String text) {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : text.strip().split("\n")) {
      try {
        lines.add(json.readTree(line));
      } catch (java.io.IOException e) {
        throw new AssertionError("not a JSON line: " + line, e);
      }
    }
    return lines;
  }

  /**
   * Checks a line's config, metric, unit and threads, that its fields are exactly the common
   * ones and {@code own}, and that its rates are positive.
   */
  static void check(JsonNode line, String config, String metric, String unit, int threads,
      String... own) {
    Set<String> expected = new LinkedHashSet<>(COMMON);
    expected.addAll(List.of(own));
    Set<String> actual = new LinkedHashSet<>();
    for (Iterator<String> names = line.fieldNames(); names.hasNext(); ) {
      actual.add(names.next());
    }
    assertEquals(expected, actual, line.toString());
    assertEquals(config, line.get("config").asText());
    assertEquals(metric, line.get("metric").asText());
    assertEquals(unit, line.get("unit").asText());
    assertEquals(threads, line.get("threads").asInt());
    assertEquals("rnn4j", line.get("peer").asText());
    assertEquals(Gemm.backend(), line.get("backend").asText());
    assertEquals(System.getProperty("java.version"), line.get("java").asText());
    for (String rate : List.of("value", "value_best")) {
      if (!(line.get(rate).isNumber() && line.get(rate).asDouble() > 0)) {
        throw new AssertionError(rate + " must be a positive number: " + line);
      }
    }
  }

  /**
   * Runs two training steps and an inference step, freezes the model, and checks that every
   * parameter is then frozen and that two more inference steps give the same bits as the first.
   *
   * @param model the benchmark's model
   * @param trainStep one training step
   * @param inferStep one inference step
   * @param freeze what the benchmark runs between training and inference
   */
  static void assertFreezingKeepsTheOutputs(Module model, Runnable trainStep,
      Supplier<Tensor> inferStep, Runnable freeze) {
    trainStep.run();
    trainStep.run();
    float[] trained = inferStep.get().data().clone();
    freeze.run();
    assertTrue(model.parameters().values().stream().allMatch(Tensor::frozen), "all frozen");
    assertArrayEquals(trained, inferStep.get().data(), "outputs of the frozen model");
    assertArrayEquals(trained, inferStep.get().data(), "outputs of the frozen model, second call");
  }
}
