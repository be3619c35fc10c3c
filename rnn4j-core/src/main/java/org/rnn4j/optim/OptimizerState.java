package org.rnn4j.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.rnn4j.tensor.Tensor;

/**
 * The named parameters of an optimizer and its per-parameter state: a step count and zero or more
 * buffers of the parameter's shape ({@code exp_avg}, {@code momentum_buffer}, …, PyTorch's state
 * names). Buffers are allocated once, here, so a step allocates nothing.
 *
 * <p>Exported state keys are {@code <buffer>.<parameter name>} and {@code step.<parameter name>}
 * (a float32 scalar, exact up to 2²⁴ steps).
 */
final class OptimizerState {
  static final String STEP = "step";
  /** Largest step count a float32 scalar holds exactly. */
  static final long MAX_EXACT_STEP = 1L << 24;

  private final String[] names;
  private final Tensor[] parameters;
  private final long[] steps; // (P) updates applied to each parameter
  private final String[] bufferNames;
  private final float[][][] buffers; // (bufferNames, P, size of the parameter)

  OptimizerState(Map<String, Tensor> parameters, String... bufferNames) {
    Objects.requireNonNull(parameters, "parameters");
    if (parameters.isEmpty()) {
      throw new IllegalArgumentException("parameters must not be empty: got an empty map");
    }
    int n = parameters.size();
    this.names = new String[n];
    this.parameters = new Tensor[n];
    Map<Tensor, String> seen = new IdentityHashMap<>();
    int i = 0;
    for (Map.Entry<String, Tensor> e : parameters.entrySet()) {
      names[i] = Objects.requireNonNull(e.getKey(), "parameter name");
      this.parameters[i] = Objects.requireNonNull(e.getValue(), "parameter " + e.getKey());
      String previous = seen.put(e.getValue(), e.getKey());
      if (previous != null) {
        throw new IllegalArgumentException("parameters must be distinct tensors: "
            + e.getKey() + " is the same tensor as " + previous);
      }
      i++;
    }
    this.steps = new long[n];
    this.bufferNames = bufferNames.clone();
    this.buffers = new float[bufferNames.length][n][];
    for (int b = 0; b < bufferNames.length; b++) {
      for (int p = 0; p < n; p++) {
        buffers[b][p] = new float[this.parameters[p].size()];
      }
    }
  }

  /** Number of parameters. */
  int size() {
    return parameters.length;
  }

  Tensor parameter(int p) {
    return parameters[p];
  }

  /** Buffer {@code b} (index into the names given at construction) of parameter {@code p}. */
  float[] buffer(int b, int p) {
    return buffers[b][p];
  }

  /** Counts one more update of parameter {@code p}. @return the new step count t (from 1) */
  long advance(int p) {
    return ++steps[p];
  }

  void zeroGrad() {
    for (Tensor p : parameters) {
      p.zeroGrad();
    }
  }

  /** A copy of the state, keyed as the class javadoc says. */
  Map<String, Tensor> export() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (int p = 0; p < parameters.length; p++) {
      if (steps[p] > MAX_EXACT_STEP) {
        throw new IllegalStateException("step count of " + names[p] + " exceeds what a float32 "
            + "checkpoint holds exactly: expected <= " + MAX_EXACT_STEP + ", got " + steps[p]);
      }
      out.put(STEP + "." + names[p], Tensor.scalar(steps[p]));
      for (int b = 0; b < bufferNames.length; b++) {
        out.put(bufferNames[b] + "." + names[p],
            Tensor.of(buffers[b][p].clone(), parameters[p].shape()));
      }
    }
    return out;
  }

  /**
   * Replaces the state with a copy of {@code state}, after checking all of it: the same keys as
   * {@link #export()}, the same shapes, and step counts that are non-negative integers.
   */
  void load(Map<String, Tensor> state) {
    Objects.requireNonNull(state, "state");
    Map<String, int[]> expected = expectedShapes();
    List<String> problems = new ArrayList<>();
    TreeSet<String> missing = new TreeSet<>(expected.keySet());
    missing.removeAll(state.keySet());
    TreeSet<String> unexpected = new TreeSet<>(state.keySet());
    unexpected.removeAll(expected.keySet());
    if (!missing.isEmpty()) {
      problems.add("missing " + missing);
    }
    if (!unexpected.isEmpty()) {
      problems.add("unexpected " + unexpected);
    }
    for (Map.Entry<String, int[]> e : expected.entrySet()) {
      Tensor t = state.get(e.getKey());
      if (t != null) {
        checkEntry(e.getKey(), e.getValue(), t, problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("optimizer state does not match the parameters: "
          + String.join("; ", problems));
    }
    for (int p = 0; p < parameters.length; p++) {
      steps[p] = (long) state.get(STEP + "." + names[p]).item();
      for (int b = 0; b < bufferNames.length; b++) {
        float[] src = state.get(bufferNames[b] + "." + names[p]).data();
        System.arraycopy(src, 0, buffers[b][p], 0, src.length);
      }
    }
  }

  private Map<String, int[]> expectedShapes() {
    Map<String, int[]> expected = new LinkedHashMap<>();
    for (int p = 0; p < parameters.length; p++) {
      expected.put(STEP + "." + names[p], new int[0]);
      for (String bufferName : bufferNames) {
        expected.put(bufferName + "." + names[p], parameters[p].shape());
      }
    }
    return expected;
  }

  private static void checkEntry(String key, int[] shape, Tensor t, List<String> problems) {
    if (!Arrays.equals(shape, t.shape())) {
      problems.add(key + " shape: expected " + Arrays.toString(shape) + ", got "
          + Arrays.toString(t.shape()));
    } else if (key.startsWith(STEP + ".")) {
      float step = t.item();
      if (!(step >= 0 && step <= MAX_EXACT_STEP && step == Math.rint(step))) {
        problems.add(key + ": expected a non-negative integer, got " + step);
      }
    }
  }
}
