package org.rnn4j.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.rnn4j.kernel.Parallelism;
import org.rnn4j.tensor.Tensor;

/**
 * What every optimizer shares, as PyTorch's {@code torch.optim.Optimizer} base class: the named
 * parameters, the learning rate, and each parameter's state, a step count and zero or more
 * buffers of the parameter's shape ({@code exp_avg}, {@code momentum_buffer}, …, PyTorch's state
 * names). A subclass gives the names of its buffers and the update equations ({@link #update});
 * {@link #step()} calls it for each parameter that has a gradient, after counting that
 * parameter's step. Buffers are allocated once, here, so a step allocates nothing.
 *
 * <p>Every update is elementwise. A parameter of at least {@value #PARALLEL_MIN_ELEMENTS}
 * elements is updated in slices across {@link Parallelism#threads()} ({@link #inSlices}); the
 * elements are independent, so the result is the same at any thread count.
 *
 * <p>Exported state keys are {@code <buffer>.<parameter name>} and {@code step.<parameter name>}
 * (a float32 scalar, exact up to 2²⁴ steps).
 *
 * <p>The public methods are {@link Optimizer}'s, documented there. This class does not implement
 * the interface itself: its subclasses do, so that the sealed {@code Optimizer} names exactly the
 * four public optimizers.
 */
abstract sealed class AbstractOptimizer permits Sgd, RmsProp, AbstractAdam {
  static final String STEP = "step";
  /** Largest step count a float32 scalar holds exactly. */
  static final long MAX_EXACT_STEP = 1L << 24;
  /**
   * Parameters this large are updated in slices on every thread: at 0.4 ns (SGD's vector kernel)
   * to 5 ns (the scalar loops) an element, the work is then 12–160 µs, above the hand-off cost of
   * {@link Parallelism#run} (1–40 µs).
   */
  static final int PARALLEL_MIN_ELEMENTS = 1 << 15;

  private final String[] names;
  private final Tensor[] parameters;
  private final long[] steps; // (P) updates applied to each parameter
  private final String[] bufferNames;
  private final float[][][] buffers; // (bufferNames, P, size of the parameter)
  private double learningRate;

  /**
   * @param parameters named parameters; the order is kept
   * @param learningRate the initial rate (already checked by the config)
   * @param bufferNames PyTorch's names of the per-parameter buffers, in export order
   * @throws IllegalArgumentException if {@code parameters} is empty or holds a tensor twice
   */
  AbstractOptimizer(Map<String, Tensor> parameters, double learningRate,
      List<String> bufferNames) {
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
    this.bufferNames = bufferNames.toArray(new String[0]);
    this.buffers = new float[this.bufferNames.length][n][];
    for (int b = 0; b < this.bufferNames.length; b++) {
      for (int p = 0; p < n; p++) {
        buffers[b][p] = new float[this.parameters[p].size()];
      }
    }
    this.learningRate = learningRate;
  }

  /**
   * Applies the optimizer's equations to parameter {@code p}, at the rate {@link #learningRate()}.
   * Modifies {@code theta} and p's buffers.
   *
   * @param theta (size of p) the parameter's values
   * @param grad (size of p) its gradient
   * @param p the parameter's index, for {@link #buffer}
   * @param t the parameter's step count, including this step (from 1)
   */
  abstract void update(float[] theta, float[] grad, int p, long t);

  /** The update of the elements [from, to) of one parameter. */
  @FunctionalInterface
  interface Slice {
    void update(int from, int to);
  }

  /**
   * Runs {@code slice} over the elements [0, n) of a parameter: in one piece below {@link
   * #PARALLEL_MIN_ELEMENTS}, else in one slice per thread.
   */
  static void inSlices(int n, Slice slice) {
    int parts = n < PARALLEL_MIN_ELEMENTS ? 1 : Parallelism.threads();
    if (parts == 1) {
      slice.update(0, n);
      return;
    }
    Parallelism.run(parts, part -> slice.update(
        (int) ((long) n * part / parts), (int) ((long) n * (part + 1) / parts)));
  }

  /**
   * Buffer {@code name} of parameter {@code p}.
   *
   * @throws IllegalStateException if the subclass did not ask for that buffer
   */
  final float[] buffer(String name, int p) {
    for (int b = 0; b < bufferNames.length; b++) {
      if (bufferNames[b].equals(name)) {
        return buffers[b][p];
      }
    }
    throw new IllegalStateException("no buffer " + name + ": buffers are "
        + Arrays.toString(bufferNames));
  }

  /** See {@link Optimizer#step()}. */
  public final void step() {
    for (int p = 0; p < parameters.length; p++) {
      Tensor parameter = parameters[p];
      if (parameter.hasGrad()) {
        long t = ++steps[p];
        update(parameter.data(), parameter.grad().data(), p, t);
      }
    }
  }

  /** See {@link Optimizer#zeroGrad()}. */
  public final void zeroGrad() {
    for (Tensor p : parameters) {
      p.zeroGrad();
    }
  }

  /** See {@link Optimizer#learningRate()}. */
  public final double learningRate() {
    return learningRate;
  }

  /** See {@link Optimizer#setLearningRate(double)}. */
  public final void setLearningRate(double rate) {
    Checks.nonNegative("learning rate", rate);
    this.learningRate = rate;
  }

  /** See {@link Optimizer#state()}; keyed as the class javadoc says. */
  public final Map<String, Tensor> state() {
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
   * See {@link Optimizer#loadState(Map)}. Replaces the state with a copy of {@code state}, after
   * checking all of it: the same keys as {@link #state()}, the same shapes, and step counts that
   * are non-negative integers.
   */
  public final void loadState(Map<String, Tensor> state) {
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
