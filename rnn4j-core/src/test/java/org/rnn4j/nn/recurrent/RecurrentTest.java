package org.rnn4j.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

/** Semantics of the recurrent layer: padding, step API, states, initialisation, errors. */
class RecurrentTest {
  private static final int I = 3;
  private static final int H = 5;

  private static Recurrent layer(CellKind kind, boolean bidirectional, int layers, long seed) {
    return new Recurrent(RecurrentConfig.builder(kind, I, H).bidirectional(bidirectional)
        .layers(layers).build(), new SplittableRandom(seed));
  }

  private static void assertClose(float[] expected, float[] actual, float tol, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      float scale = Math.max(1f, Math.abs(expected[i]));
      assertEquals(expected[i], actual[i], tol * scale, what + " at " + i);
    }
  }

  /**
   * A batch padded to T = 10 with lengths gives, for each sequence, the outputs, final states and
   * parameter gradients of running that sequence alone.
   */
  @ParameterizedTest
  @EnumSource(CellKind.class)
  void paddingNeverChangesAResult(CellKind kind) {
    int[] lengths = {10, 3, 7, 1};
    int t = 10;
    SplittableRandom rng = new SplittableRandom(4);
    Tensor x = Tensor.uniform(rng, -1f, 1f, lengths.length, t, I);
    float[] xd = x.data();
    for (int b = 0; b < lengths.length; b++) { // padding holds garbage, which must not matter
      for (int i = (b * t + lengths[b]) * I; i < (b + 1) * t * I; i++) {
        xd[i] = 1e3f;
      }
    }
    Recurrent batched = layer(kind, true, 2, 9);
    Recurrent single = layer(kind, true, 2, 9);
    RecurrentOutput out = batched.forward(x, lengths);
    lossOf(out).backward();
    for (int b = 0; b < lengths.length; b++) {
      int len = lengths[b];
      Tensor xb = x.slice(0, b, b + 1).slice(1, 0, len);
      RecurrentOutput alone = single.forward(xb);
      lossOf(alone).backward();
      Tensor outB = out.output().slice(0, b, b + 1);
      assertClose(alone.output().data(), outB.slice(1, 0, len).data(), 1e-6f, kind + " output");
      for (float v : outB.slice(1, len, t).data()) {
        assertEquals(0f, v, kind + ": padded outputs are zero");
      }
      assertClose(alone.state().h().data(), out.state().h().slice(1, b, b + 1).data(), 1e-6f,
          kind + " final h");
      if (kind.hasCellState()) {
        assertClose(alone.state().c().orElseThrow().data(),
            out.state().c().orElseThrow().slice(1, b, b + 1).data(), 1e-6f, kind + " final c");
      }
    }
    for (Map.Entry<String, Tensor> e : batched.parameters().entrySet()) {
      assertClose(single.parameters().get(e.getKey()).grad().data(), e.getValue().grad().data(),
          1e-5f, kind + " gradient of " + e.getKey());
    }
  }

  /**
   * finalState gives the bits of forward(…).state(), for dense inputs and for token ids (through
   * the tables and through looked-up vectors), without a graph (where the outputs go to a pooled
   * buffer that later calls reuse) and with one (where the gradients match too).
   */
  @ParameterizedTest
  @EnumSource(CellKind.class)
  void finalStateIsTheStateOfForwardToTheBit(CellKind kind) {
    int[] lengths = {6, 2, 5, 1};
    Recurrent rnn = layer(kind, true, 2, 11);
    Tensor x = Tensor.uniform(new SplittableRandom(12), -1f, 1f, lengths.length, 6, I);
    int[] ids = new SplittableRandom(13).ints(lengths.length * 6, 0, 7).toArray();
    org.rnn4j.nn.Embedding small = new org.rnn4j.nn.Embedding(7, I, new SplittableRandom(14));
    org.rnn4j.nn.Embedding large = new org.rnn4j.nn.Embedding(100, I, new SplittableRandom(15));
    try (NoGrad scope = NoGrad.enter()) {
      RecurrentOutput dense = rnn.forward(x, lengths);
      for (int call = 0; call < 2; call++) { // the second call reuses the pooled outputs
        assertSameState(dense.state(), rnn.finalState(x, lengths), kind + " dense " + call);
        assertSameState(rnn.forward(small, ids, lengths).state(),
            rnn.finalState(small, ids, lengths), kind + " ids, tables " + call);
        assertSameState(rnn.forward(large, ids, lengths).state(),
            rnn.finalState(large, ids, lengths), kind + " ids, looked up " + call);
      }
      assertArrayEquals(dense.output().data(), rnn.forward(x, lengths).output().data(),
          kind + ": outputs after the pooled buffer went back");
    }
    float[][] grads = new float[2][];
    for (int run = 0; run < 2; run++) {
      x.requiresGrad(true);
      x.zeroGrad();
      rnn.parameters().values().forEach(Tensor::zeroGrad);
      RecurrentState state = run == 0 ? rnn.forward(x, lengths).state()
          : rnn.finalState(x, lengths);
      Tensor loss = state.h().sum();
      loss = state.c().map(c -> c.sum().mul(3f)).map(loss::add).orElse(loss);
      loss.backward();
      grads[run] = x.grad().data().clone();
      for (Tensor p : rnn.parameters().values()) {
        grads[run] = concat(grads[run], p.grad().data());
      }
    }
    assertArrayEquals(grads[0], grads[1], kind + ": gradients through finalState");
  }

  private static void assertSameState(RecurrentState expected, RecurrentState actual,
      String what) {
    assertArrayEquals(expected.h().data(), actual.h().data(), what + ": h");
    assertEquals(expected.c().isPresent(), actual.c().isPresent(), what + ": c present");
    expected.c().ifPresent(c -> assertArrayEquals(c.data(), actual.c().orElseThrow().data(),
        what + ": c"));
  }

  /** Σ outputs·1 + Σ final h·2 (+ Σ final c·3): every part of the result counts. */
  private static Tensor lossOf(RecurrentOutput out) {
    Tensor loss = out.output().sum().add(out.state().h().sum().mul(2f));
    return out.state().c().map(c -> loss.add(c.sum().mul(3f))).orElse(loss);
  }

  @ParameterizedTest
  @EnumSource(CellKind.class)
  void feedingStepByStepEqualsTheWholeSequence(CellKind kind) {
    Recurrent rnn = layer(kind, false, 2, 3);
    Tensor x = Tensor.uniform(new SplittableRandom(8), -1f, 1f, 3, 7, I);
    try (NoGrad scope = NoGrad.enter()) {
      RecurrentOutput whole = rnn.forward(x);
      RecurrentState state = rnn.zeroState(3);
      List<Tensor> outputs = new ArrayList<>();
      for (int s = 0; s < 7; s++) {
        RecurrentOutput step = rnn.step(x.slice(1, s, s + 1).reshape(3, I), state);
        outputs.add(step.output().reshape(3, 1, H));
        state = step.state();
      }
      Tensor stepped = Tensor.concat(1, outputs.toArray(Tensor[]::new));
      assertClose(whole.output().data(), stepped.data(), 1e-6f, "outputs");
      assertClose(whole.state().h().data(), state.h().data(), 1e-6f, "final h");
    }
  }

  @Test
  void carryingADetachedStateTruncatesBackpropagation() {
    Recurrent rnn = layer(CellKind.LSTM, false, 1, 5);
    Tensor x = Tensor.uniform(new SplittableRandom(1), -1f, 1f, 2, 8, I).requiresGrad(true);
    RecurrentOutput first = rnn.forward(x.slice(1, 0, 4));
    RecurrentState carried = first.state().detach();
    assertFalse(carried.h().requiresGrad());
    rnn.forward(x.slice(1, 4, 8), new int[] {4, 4}, carried).output().sum().backward();
    float[] dx = x.grad().data();
    for (int b = 0; b < 2; b++) {
      for (int s = 0; s < 8; s++) {
        float norm = 0;
        for (int i = 0; i < I; i++) {
          norm += Math.abs(dx[(b * 8 + s) * I + i]);
        }
        assertEquals(s >= 4, norm > 0, "gradient reaches step " + s + " of row " + b);
      }
    }
  }

  @Test
  void parametersHavePyTorchNamesAndShapes() {
    Recurrent lstm = new Recurrent(RecurrentConfig.builder(CellKind.LSTM, 7, 6).layers(2)
        .bidirectional(true).build(), new SplittableRandom(1));
    Map<String, Tensor> p = lstm.parameters();
    assertEquals(List.of("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
        "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse",
        "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1", "weight_ih_l1_reverse",
        "weight_hh_l1_reverse", "bias_ih_l1_reverse", "bias_hh_l1_reverse"),
        new ArrayList<>(p.keySet()));
    assertArrayEquals(new int[] {24, 7}, p.get("weight_ih_l0").shape());
    assertArrayEquals(new int[] {24, 12}, p.get("weight_ih_l1_reverse").shape());
    assertArrayEquals(new int[] {24, 6}, p.get("weight_hh_l1").shape());
    assertArrayEquals(new int[] {24}, p.get("bias_hh_l0").shape());
    RecurrentOutput out = lstm.forward(Tensor.zeros(3, 4, 7));
    assertArrayEquals(new int[] {3, 4, 12}, out.output().shape());
    assertArrayEquals(new int[] {4, 3, 6}, out.state().h().shape());
    assertArrayEquals(new int[] {4, 3, 6}, out.state().c().orElseThrow().shape());
  }

  @Test
  void defaultInitialisationIsUniformWithinOneOverRootH() {
    Recurrent gru = new Recurrent(RecurrentConfig.builder(CellKind.GRU, 10, 16).build(),
        new SplittableRandom(2));
    for (Tensor t : gru.parameters().values()) {
      float max = 0;
      for (float v : t.data()) {
        max = Math.max(max, Math.abs(v));
      }
      assertTrue(max <= 0.25f && max > 0.2f, "max |w| = " + max);
    }
    Recurrent again = new Recurrent(RecurrentConfig.builder(CellKind.GRU, 10, 16).build(),
        new SplittableRandom(2));
    assertArrayEquals(gru.parameters().get("weight_hh_l0").data(),
        again.parameters().get("weight_hh_l0").data(), "seeded");
  }

  @Test
  void orthogonalRecurrentBlocksAndUnitForgetBias() {
    int h = 8;
    Recurrent lstm = new Recurrent(RecurrentConfig.builder(CellKind.LSTM, 3, h)
        .orthogonalRecurrent(true).unitForgetBias(true).build(), new SplittableRandom(3));
    float[] whh = lstm.parameters().get("weight_hh_l0").data(); // (4H, H)
    for (int g = 0; g < 4; g++) {
      for (int i = 0; i < h; i++) {
        for (int j = 0; j < h; j++) {
          double dot = 0; // (QᵀQ)[i][j] over the block's rows
          for (int r = 0; r < h; r++) {
            dot += whh[(g * h + r) * h + i] * whh[(g * h + r) * h + j];
          }
          assertEquals(i == j ? 1.0 : 0.0, dot, 1e-5, "block " + g + " QᵀQ[" + i + "][" + j + "]");
        }
      }
    }
    float[] bih = lstm.parameters().get("bias_ih_l0").data();
    float[] bhh = lstm.parameters().get("bias_hh_l0").data();
    for (int j = h; j < 2 * h; j++) {
      assertEquals(1f, bih[j] + bhh[j], "forget-gate bias");
    }
    assertThrows(IllegalArgumentException.class,
        () -> RecurrentConfig.builder(CellKind.GRU, 3, h).unitForgetBias(true).build());
  }

  @Test
  void badArgumentsNameWhatIsWrong() {
    Recurrent rnn = layer(CellKind.LSTM, false, 1, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> rnn.forward(Tensor.zeros(8, 25, 32)));
    assertEquals("input feature size must equal inputSize: expected 3, got 32"
        + " (input shape [8, 25, 32])", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> rnn.forward(Tensor.zeros(2, 4, I), new int[] {4, 5}));
    assertTrue(e.getMessage().startsWith("lengths[1] must lie in [0, 4]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> rnn.forward(Tensor.zeros(2, 4, I), new int[] {4}));
    assertTrue(e.getMessage().contains("expected 2, got 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> rnn.forward(Tensor.zeros(2, 4, I),
        new int[] {4, 4}, layer(CellKind.GRU, false, 1, 1).zeroState(2)));
    assertTrue(e.getMessage().contains("needs c"), e.getMessage());
    assertThrows(IllegalStateException.class,
        () -> layer(CellKind.GRU, true, 1, 1).step(Tensor.zeros(2, I),
            layer(CellKind.GRU, true, 1, 1).zeroState(2)));
    assertThrows(IllegalArgumentException.class,
        () -> RecurrentConfig.builder(CellKind.GRU, 3, 0).build());
    assertThrows(IllegalArgumentException.class,
        () -> RecurrentConfig.builder(CellKind.GRU, 3, 4).dropout(1f).build());
  }

  @Test
  void dropoutBetweenLayersOnlyWhileTraining() {
    Recurrent rnn = new Recurrent(RecurrentConfig.builder(CellKind.GRU, I, H).layers(2)
        .dropout(0.5f).build(), new SplittableRandom(1));
    Tensor x = Tensor.uniform(new SplittableRandom(2), -1f, 1f, 2, 5, I);
    float[] eval1 = rnn.forward(x).output().data();
    rnn.train(new SplittableRandom(3));
    float[] train = rnn.forward(x).output().data();
    rnn.eval();
    assertArrayEquals(eval1, rnn.forward(x).output().data());
    assertFalse(java.util.Arrays.equals(eval1, train), "dropout changed the training output");
  }

  /**
   * A big enough step is split across threads: by rows (each thread computes its rows' product
   * and cells, through all the steps in one go when the threads' rows hold as many real steps, as
   * in the first batch below, or at every step) or, when that is switched off, the product and
   * the cells each on their own. A
   * step of B·GH ≥ TimeLoop.PARALLEL_MIN_GATE_VALUES (here a product of 8 MFLOP or more) splits
   * its forward pass by rows; a step of 1–8 MFLOP both passes. Rows are
   * independent, and the kernels give the same bits however work is split, so results and
   * gradients must not change by a bit. Inference (no history kept) must give the outputs of a
   * training forward pass, with its input projection computed step by step ({@link
   * StepProjection}) or for the whole sequence at once.
   */
  @ParameterizedTest
  @EnumSource(CellKind.class)
  void threadsAndInferenceModeDoNotChangeTheBits(CellKind kind) {
    int batch = 16;
    int gates = batch * kind.gates();
    int big = (TimeLoop.PARALLEL_MIN_GATE_VALUES + gates - 1) / gates; // B·GH at the split size
    int mid = kind.gates() == 4 ? 128 : 256; // a product of 1–8 MFLOP
    long midFlops = 2L * batch * mid * mid * kind.gates();
    assertTrue(midFlops >= TimeLoop.ROW_SPLIT_MIN_FLOPS
        && midFlops < TimeLoop.BACKWARD_ROW_SPLIT_MAX_FLOPS, "both passes split: " + midFlops);
    for (int hidden : new int[] {big, mid}) {
      assertSameBitsOnOneAndTwoThreads(kind, batch, hidden,
          new int[] {6, 5, 4, 3, 6, 1, 2, 6, 6, 6, 5, 4, 3, 2, 1, 6});
      // sorted longest first, as batches by length are: late steps compute only the first rows
      assertSameBitsOnOneAndTwoThreads(kind, batch, hidden,
          new int[] {6, 6, 6, 6, 6, 5, 5, 4, 4, 3, 3, 2, 2, 1, 1, 1});
    }
  }

  /**
   * The threads' row ranges run through all the steps in one go only when they hold about as
   * many real steps each (within 10%): not for a batch sorted by length.
   */
  @Test
  void rowRangesRunThroughAllStepsAtOnceOnlyWhenBalanced() {
    assertTrue(TimeLoop.balanced(new int[] {6, 6, 6, 6}, 2), "full lengths");
    assertTrue(TimeLoop.balanced(new int[] {10, 10, 10, 9}, 2), "19 against 20");
    assertFalse(TimeLoop.balanced(new int[] {10, 10, 9, 8}, 2), "17 against 20");
    assertFalse(TimeLoop.balanced(new int[] {6, 6, 6, 5, 5, 4, 2, 1}, 2), "sorted by length");
    assertTrue(TimeLoop.balanced(new int[] {0, 0}, 2), "nothing to do anywhere");
  }

  /**
   * Without a backward pass, a layer's input projection is computed step by step when a step's
   * share is big ({@link StepProjection#MIN_STEP_FLOPS}) and W_ih and W_hh together stay within
   * {@link StepProjection#MAX_WEIGHT_FLOATS} (the second layer of a two-layer LSTM of 512 units
   * at batch 32); for the whole sequence at once for smaller steps (a plain RNN of 128 units on
   * 32 inputs at batch 64), larger weights (an LSTM of 1024 units on 1024 inputs) or products
   * that run as dot products (G·H ≤ 4).
   */
  @Test
  void theInputProjectionGoesStepByStepForBigStepsWhileTheWeightsStayInTheCaches() {
    assertTrue(StepProjection.pays(32, 4 * 512, 512, 512), "LSTM 512 → 512, B 32");
    assertFalse(StepProjection.pays(64, 128, 32, 128), "RNN 32 → 128, B 64: 0.5 MFLOP a step");
    assertFalse(StepProjection.pays(64, 4 * 1024, 1024, 1024), "LSTM 1024 → 1024: 32 MB");
    assertFalse(StepProjection.pays(100_000, 3, 8, 3), "G·H = 3: dot products");
  }

  /**
   * A frozen layer packs W_ihᵀ once for all calls (a stepwise projection reads that packing),
   * an unfrozen one at every call: the same products, so the same bits.
   */
  @ParameterizedTest
  @EnumSource(CellKind.class)
  void frozenWeightsGiveTheBitsOfUnfrozenOnesInInference(CellKind kind) {
    RecurrentConfig config = RecurrentConfig.builder(kind, 12, 24).layers(2).build();
    Recurrent rnn = new Recurrent(config, new SplittableRandom(3));
    Recurrent frozen = new Recurrent(config, new SplittableRandom(3));
    frozen.freeze();
    Tensor x = Tensor.uniform(new SplittableRandom(4), -1f, 1f, 5, 7, 12);
    int[] lengths = {7, 3, 5, 7, 1};
    try (NoGrad scope = NoGrad.enter()) {
      for (long minFlops : new long[] {0, Long.MAX_VALUE}) { // step by step, whole sequence
        StepProjection.minStepFlops = minFlops;
        float[] expected = everything(rnn.forward(x, lengths));
        for (int call = 0; call < 2; call++) { // the first call packs, the second reuses
          assertArrayEquals(expected, everything(frozen.forward(x, lengths)),
              kind + " call " + call + ", step by step " + (minFlops == 0));
        }
      }
    } finally {
      StepProjection.minStepFlops = StepProjection.MIN_STEP_FLOPS;
    }
  }

  /**
   * The bias gradients' column sums of a large matrix, split across threads by columns, add each
   * column in row order, as one thread does: the same bits.
   */
  @Test
  void columnSumsGiveTheSameBitsOnOneAndTwoThreads() {
    int rows = 700;
    int n = 2048;
    assertTrue((long) rows * n >= TimeLoop.PARALLEL_MIN_SUMMED, "large enough to split");
    float[] m = Tensor.uniform(new SplittableRandom(9), -1f, 1f, rows, n).data();
    float[] expected = new float[n];
    java.util.Arrays.fill(expected, 0.25f); // sums add into what is there
    for (int row = 0; row < rows; row++) {
      for (int j = 0; j < n; j++) {
        expected[j] += m[row * n + j];
      }
    }
    int saved = org.rnn4j.kernel.Parallelism.threads();
    try {
      for (int threads = 1; threads <= 2; threads++) {
        org.rnn4j.kernel.Parallelism.setThreads(threads);
        float[] sums = new float[n];
        java.util.Arrays.fill(sums, 0.25f);
        TimeLoop.columnSums(sums, m, rows, n);
        assertArrayEquals(expected, sums, threads + " thread(s)");
      }
    } finally {
      org.rnn4j.kernel.Parallelism.setThreads(saved);
    }
  }

  private static void assertSameBitsOnOneAndTwoThreads(CellKind kind, int batch, int hidden,
      int[] lengths) {
    Recurrent rnn = new Recurrent(RecurrentConfig.builder(kind, 16, hidden).bidirectional(true)
        .build(), new SplittableRandom(6));
    Tensor x = Tensor.uniform(new SplittableRandom(7), -1f, 1f, batch, 6, 16).requiresGrad(true);
    int saved = org.rnn4j.kernel.Parallelism.threads();
    String[] runs = {"1 thread", "2 threads, rows split", "2 threads, rows split at every step",
        "2 threads, product and cells split"};
    float[][] results = new float[runs.length][]; // outputs, final h and c, dL/dx
    try {
      for (int run = 0; run < runs.length; run++) {
        org.rnn4j.kernel.Parallelism.setThreads(run == 0 ? 1 : 2);
        TimeLoop.sequenceSplit = run != 2;
        TimeLoop.rowSplitSteps = run != 3;
        x.zeroGrad();
        rnn.parameters().values().forEach(Tensor::zeroGrad);
        RecurrentOutput out = rnn.forward(x, lengths);
        lossOf(out).backward();
        float[] all = everything(out);
        results[run] = concat(all, x.grad().data());
        for (Tensor p : rnn.parameters().values()) {
          results[run] = concat(results[run], p.grad().data());
        }
        for (boolean byStep : new boolean[] {true, false}) {
          StepProjection.minStepFlops = byStep ? 0 : Long.MAX_VALUE;
          try (NoGrad scope = NoGrad.enter()) {
            assertArrayEquals(all, everything(rnn.forward(x, lengths)), kind
                + ": inference equals training forward, " + runs[run] + ", input projection "
                + (byStep ? "step by step" : "of the whole sequence"));
          }
        }
      }
    } finally {
      org.rnn4j.kernel.Parallelism.setThreads(saved);
      TimeLoop.rowSplitSteps = true;
      TimeLoop.sequenceSplit = true;
      StepProjection.minStepFlops = StepProjection.MIN_STEP_FLOPS;
    }
    for (int run = 1; run < runs.length; run++) {
      assertArrayEquals(results[0], results[run],
          kind + " H " + hidden + ": outputs, final states, gradients, " + runs[run]);
    }
  }

  /** The outputs, the final h and the final c (LSTM) of a call, one after another. */
  private static float[] everything(RecurrentOutput out) {
    float[] c = out.state().c().map(Tensor::data).orElse(new float[0]);
    return concat(concat(out.output().data(), out.state().h().data()), c);
  }

  private static float[] concat(float[] a, float[] b) {
    float[] ab = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, ab, a.length, b.length);
    return ab;
  }



  @Test
  void recordsTheGradientNormAtEveryStepShowingVanishingGradients() {
    Recurrent rnn = new Recurrent(RecurrentConfig.builder(CellKind.RNN_TANH, I, H).build(),
        new SplittableRandom(4));
    float[] whh = rnn.parameters().get("weight_hh_l0").data();
    for (int i = 0; i < whh.length; i++) {
      whh[i] *= 0.3f; // a contracting recurrence: gradients shrink going back in time
    }
    rnn.recordStateGradientNorms(true);
    Tensor x = Tensor.uniform(new SplittableRandom(5), -1f, 1f, 2, 12, I);
    RecurrentOutput out = rnn.forward(x);
    float[] r = new float[2 * H];
    java.util.Arrays.fill(r, 0.5f);
    out.state().h().mul(Tensor.of(r, 1, 2, H)).sum().backward(); // loss on the final state only
    double[] norms = rnn.stateGradientNorms().orElseThrow()[0];
    assertEquals(12, norms.length);
    assertEquals(Math.sqrt(2 * H * 0.25), norms[11], 1e-6, "‖∂L/∂a⟨T⟩‖ = ‖r‖");
    for (int s = 0; s < 11; s++) {
      assertTrue(norms[s] < norms[s + 1], "norm grows towards the loss: " + s);
    }
    assertTrue(norms[0] < 1e-3 * norms[11], "vanished: " + norms[0]);
  }

  @Test
  void tinyGradientsAreFlushedToZero() {
    float[] a = {1e-31f, -1e-35f, Float.MIN_VALUE, 1e-29f, -2f, 1e-31f};
    TimeLoop.flushTiny(a, 0, 5);
    assertArrayEquals(new float[] {0f, 0f, 0f, 1e-29f, -2f, 1e-31f}, a, "only [0, 5)");
  }
}
