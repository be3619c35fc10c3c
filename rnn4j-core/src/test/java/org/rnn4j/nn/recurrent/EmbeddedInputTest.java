package org.rnn4j.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnn4j.nn.Embedding;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testing.GradientCheck;

/**
 * A recurrent layer that reads token ids through an embedding ({@link
 * Recurrent#forward(Embedding, int[], int[], RecurrentState)}) gives what the lookup followed by
 * the dense layer gives, whether it projects through the tables E·W_ihᵀ or not, and takes the
 * tables exactly when its rule says so.
 */
class EmbeddedInputTest {
  private static final int VOCABULARY = 5; // V
  private static final int EMBEDDING = 3; // E
  private static final int HIDDEN = 4; // H
  private static final int BATCH = 4; // B
  private static final int STEPS = 6; // T; B·T = 24 > V, so calls take the tables
  private static final int[] LENGTHS = {6, 0, 3, 5}; // (B) a zero-length row among them

  /**
   * Forward results differ from the dense path by float rounding at most; the backward pass sums
   * the same terms in another order (per token first, then over the vocabulary), which moves
   * gradients of order one by a few float ulps. 1e−5 relative to max(|expected|, 1) is ~100 ulps
   * of room, and a wrong gradient misses by far more.
   */
  private static final double TOLERANCE = 1e-5;

  /** One layer and its embedding, built from seeds, so that two copies are equal. */
  private record Model(Embedding embedding, Recurrent rnn) {
    static Model of(RecurrentConfig config, int vocabulary, long seed) {
      SplittableRandom rng = new SplittableRandom(seed);
      return new Model(new Embedding(vocabulary, config.inputSize(), rng),
          new Recurrent(config, rng));
    }

    /** Every parameter, the embedding first. */
    List<Tensor> parameters() {
      List<Tensor> all = new ArrayList<>(List.of(embedding.weight()));
      all.addAll(rnn.parameters().values());
      return all;
    }
  }

  /** What one call and its backward pass produce, flattened: outputs, states, gradients. */
  private record Run(List<float[]> outputs, List<float[]> gradients) {}

  static Stream<Arguments> shapes() {
    List<Arguments> all = new ArrayList<>();
    for (CellKind cell : CellKind.values()) {
      for (int layers : new int[] {1, 2}) {
        for (boolean bidirectional : new boolean[] {false, true}) {
          all.add(Arguments.of(cell, layers, bidirectional));
        }
      }
    }
    return all.stream();
  }

  private static RecurrentConfig config(CellKind cell, int layers, boolean bidirectional) {
    return RecurrentConfig.builder(cell, EMBEDDING, HIDDEN).layers(layers)
        .bidirectional(bidirectional).build();
  }

  /** (B, T) ids in [0, V): with B·T = 24 and V = 5, ids repeat within and across rows. */
  private static int[] ids(long seed, int vocabulary, int count) {
    SplittableRandom rng = new SplittableRandom(seed);
    int[] ids = new int[count];
    for (int i = 0; i < count; i++) {
      ids[i] = rng.nextInt(vocabulary);
    }
    return ids;
  }

  private static RecurrentState initialState(RecurrentConfig config, int batch, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int ld = config.layers() * config.directions();
    Tensor h0 = Tensor.uniform(rng, -0.5f, 0.5f, ld, batch, HIDDEN).requiresGrad(true);
    Optional<Tensor> c0 = config.cell().hasCellState()
        ? Optional.of(Tensor.uniform(rng, -0.5f, 0.5f, ld, batch, HIDDEN).requiresGrad(true))
        : Optional.empty();
    return new RecurrentState(h0, c0);
  }

  /** The outputs and final states of a call, concatenated into one vector. */
  private static Tensor flatten(RecurrentOutput out) {
    List<Tensor> parts = new ArrayList<>(List.of(
        out.output().reshape(-1), out.state().h().reshape(-1)));
    out.state().c().ifPresent(c -> parts.add(c.reshape(-1)));
    return Tensor.concat(0, parts.toArray(Tensor[]::new));
  }

  /**
   * One call, then backward from a fixed random projection of every output and final state.
   *
   * @param fused read the ids through the layer's embedded-input call, else look them up first
   */
  private static Run run(Model m, int[] ids, int[] lengths, RecurrentState initial,
      boolean fused) {
    int b = lengths.length;
    int t = ids.length / b;
    RecurrentOutput out = fused ? m.rnn().forward(m.embedding(), ids, lengths, initial)
        : m.rnn().forward(m.embedding().forward(ids, b, t), lengths, initial);
    Tensor y = flatten(out);
    Tensor r = Tensor.uniform(new SplittableRandom(99), -1f, 1f, y.size());
    y.mul(r).sum().backward();
    List<float[]> outputs = List.of(y.data());
    List<float[]> gradients = new ArrayList<>();
    gradients.add(initial.h().grad().data());
    initial.c().ifPresent(c -> gradients.add(c.grad().data()));
    m.parameters().forEach(p -> gradients.add(p.grad().data()));
    return new Run(outputs, gradients);
  }

  private static void assertClose(List<float[]> expected, List<float[]> actual, String what) {
    assertEquals(expected.size(), actual.size(), what);
    for (int i = 0; i < expected.size(); i++) {
      float[] e = expected.get(i);
      float[] a = actual.get(i);
      assertEquals(e.length, a.length, what + " " + i);
      for (int j = 0; j < e.length; j++) {
        double allowed = TOLERANCE * Math.max(1, Math.abs(e[j]));
        if (Math.abs(e[j] - a[j]) > allowed) {
          throw new AssertionError(what + " array " + i + " element " + j + ": expected " + e[j]
              + ", got " + a[j]);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}, {1} layers, bidirectional {2}")
  @MethodSource("shapes")
  void theTablesGiveWhatTheLookupAndTheDenseLayerGive(
      CellKind cell, int layers, boolean bidirectional) {
    RecurrentConfig config = config(cell, layers, bidirectional);
    int[] ids = ids(5, VOCABULARY, BATCH * STEPS);
    Model dense = Model.of(config, VOCABULARY, 11);
    Model fused = Model.of(config, VOCABULARY, 11);
    Run expected = run(dense, ids, LENGTHS, initialState(config, BATCH, 3), false);
    Run actual = run(fused, ids, LENGTHS, initialState(config, BATCH, 3), true);
    assertEquals(1, fused.rnn().tableCalls(), "V = 5 < B·T = 24: the tables are used");
    assertClose(expected.outputs(), actual.outputs(), "outputs and final states");
    assertClose(expected.gradients(), actual.gradients(), "dh0, dc0, dE, layer gradients");
  }

  /**
   * Without a graph, the first layer reads the table's rows where they are and a later layer
   * reads its input projection in x's batch-first order, where a training pass copies both into
   * step order: the same values, so the same bits, in both directions and with padding.
   */
  @ParameterizedTest(name = "{0}, {1} layers, bidirectional {2}")
  @MethodSource("shapes")
  void inferenceReadsTheProjectionInPlaceAndGivesTheTrainingBits(
      CellKind cell, int layers, boolean bidirectional) {
    RecurrentConfig config = config(cell, layers, bidirectional);
    int[] ids = ids(8, VOCABULARY, BATCH * STEPS);
    Model m = Model.of(config, VOCABULARY, 14);
    RecurrentState initial = initialState(config, BATCH, 5);
    float[] training = flatten(m.rnn().forward(m.embedding(), ids, LENGTHS, initial)).data();
    float[] inference;
    try (NoGrad scope = NoGrad.enter()) {
      inference = flatten(m.rnn().forward(m.embedding(), ids, LENGTHS, initial)).data();
    }
    assertEquals(2, m.rnn().tableCalls(), "V = 5 < B·T = 24: both calls use the tables");
    assertArrayEquals(training, inference, "outputs and final states");
  }

  /** Padded positions hold ids too: which ones must not change any result. */
  @ParameterizedTest
  @EnumSource(CellKind.class)
  void theIdsAtPaddedPositionsChangeNothing(CellKind cell) {
    RecurrentConfig config = config(cell, 2, true);
    int[] ids = ids(6, VOCABULARY, BATCH * STEPS);
    int[] otherPadding = ids.clone();
    for (int b = 0; b < BATCH; b++) {
      for (int t = LENGTHS[b]; t < STEPS; t++) {
        otherPadding[b * STEPS + t] = (ids[b * STEPS + t] + 1) % VOCABULARY;
      }
    }
    Run one = run(Model.of(config, VOCABULARY, 12), ids, LENGTHS,
        initialState(config, BATCH, 4), true);
    Model m = Model.of(config, VOCABULARY, 12);
    Run other = run(m, otherPadding, LENGTHS, initialState(config, BATCH, 4), true);
    assertEquals(1, m.rnn().tableCalls());
    for (int i = 0; i < one.outputs().size(); i++) {
      assertArrayEquals(one.outputs().get(i), other.outputs().get(i), "output " + i);
    }
    for (int i = 0; i < one.gradients().size(); i++) {
      assertArrayEquals(one.gradients().get(i), other.gradients().get(i), "gradient " + i);
    }
  }

  /** Finite differences for every input of the node: E, h0, c0 and every layer parameter. */
  @ParameterizedTest
  @EnumSource(value = CellKind.class, names = {"RNN_TANH", "GRU", "LSTM"})
  void gradientsMatchFiniteDifferences(CellKind cell) {
    RecurrentConfig config = config(cell, 2, true);
    Model m = Model.of(config, VOCABULARY, 13);
    int[] lengths = {5, 0, 2};
    int[] ids = ids(7, VOCABULARY, lengths.length * 5); // B·T = 15 > V
    RecurrentState initial = initialState(config, lengths.length, 8);
    List<Tensor> inputs = new ArrayList<>(List.of(initial.h()));
    initial.c().ifPresent(inputs::add);
    int first = inputs.size();
    inputs.addAll(m.parameters());
    boolean lstm = cell.hasCellState();
    Function<Tensor[], Tensor> f = in -> flatten(m.rnn().forward(m.embedding(), ids, lengths,
        new RecurrentState(in[0], lstm ? Optional.of(in[1]) : Optional.empty())));
    assertSame(m.embedding().weight(), inputs.get(first));
    GradientCheck.check(cell + " embedded input", f, inputs.toArray(Tensor[]::new));
    assertTrue(m.rnn().tableCalls() > 0, "the tables were used");
  }

  /** The tables are used exactly when V &lt; B·T (weights not frozen). */
  @Test
  void theTablesAreUsedExactlyWhenTheVocabularyIsSmallerThanTheIds() {
    RecurrentConfig config = config(CellKind.GRU, 1, true);
    int[] lengths = {3, 2}; // B·T = 6
    for (int v : new int[] {2, 5, 6, 7, 40}) {
      Model m = Model.of(config, v, 14);
      int[] ids = ids(9, v, 6);
      try (NoGrad scope = NoGrad.enter()) {
        RecurrentOutput fused = m.rnn().forward(m.embedding(), ids, lengths);
        RecurrentOutput dense = m.rnn().forward(m.embedding().forward(ids, 2, 3), lengths);
        boolean tables = v < 6;
        assertEquals(tables ? 1 : 0, m.rnn().tableCalls(), "V = " + v + ", B·T = 6");
        if (!tables) { // the same computation: bit for bit
          assertArrayEquals(dense.output().data(), fused.output().data(), "V = " + v);
          assertArrayEquals(dense.state().h().data(), fused.state().h().data(), "V = " + v);
        }
      }
    }
  }

  /**
   * With the embedding and the layer frozen, each direction's table is computed once and kept,
   * and used for every call, also for one row of one step (V ≥ B·T). Results equal those of the
   * same weights unfrozen bit for bit when the unfrozen call also takes the tables: the table is
   * the same product (frozen weights are packed once, with bit-identical results) and the rest of
   * the layer is unchanged. When the unfrozen call looks the vectors up instead, a row of P is a
   * row of E[ids]·W_ihᵀ rather than of E·W_ihᵀ: the same sums, equal to float rounding.
   */
  @ParameterizedTest
  @EnumSource(value = CellKind.class, names = {"RNN_TANH", "GRU", "LSTM"})
  void frozenWeightsKeepOneTablePerDirection(CellKind cell) {
    RecurrentConfig config = config(cell, 2, true);
    Model m = Model.of(config, VOCABULARY, 15);
    int[] ids = ids(10, VOCABULARY, BATCH * STEPS);
    int[] one = {3};
    RecurrentOutput manyBefore;
    RecurrentOutput oneBefore;
    try (NoGrad scope = NoGrad.enter()) {
      manyBefore = m.rnn().forward(m.embedding(), ids, LENGTHS);
      oneBefore = m.rnn().forward(m.embedding(), one, new int[] {1});
    }
    assertEquals(1, m.rnn().tableCalls(), "unfrozen: only the call with V < B·T");
    assertNull(m.rnn().keptTable(0));
    m.embedding().freeze();
    m.rnn().freeze();
    RecurrentOutput oneAfter;
    RecurrentOutput manyAfter;
    try (NoGrad scope = NoGrad.enter()) {
      oneAfter = m.rnn().forward(m.embedding(), one, new int[] {1});
      float[][] kept = {m.rnn().keptTable(0), m.rnn().keptTable(1)};
      assertNotNull(kept[0]);
      assertNotNull(kept[1]);
      assertNotSame(kept[0], kept[1], "each direction has its own W_ih, so its own table");
      assertEquals(VOCABULARY * cell.cell().gates() * HIDDEN, kept[0].length, "(V, GH)");
      manyAfter = m.rnn().forward(m.embedding(), ids, LENGTHS);
      m.rnn().forward(m.embedding(), one, new int[] {1});
      assertSame(kept[0], m.rnn().keptTable(0), "computed once, then reused");
      assertSame(kept[1], m.rnn().keptTable(1), "computed once, then reused");
    }
    assertEquals(4, m.rnn().tableCalls(), "frozen: every call, whatever B·T");
    assertArrayEquals(manyBefore.output().data(), manyAfter.output().data());
    assertArrayEquals(manyBefore.state().h().data(), manyAfter.state().h().data());
    assertClose(List.of(oneBefore.output().data(), oneBefore.state().h().data()),
        List.of(oneAfter.output().data(), oneAfter.state().h().data()), "one step, one row");
  }

  /** Threads that make the first calls of a frozen layer at once share one kept table. */
  @Test
  void threadsStartingAtOnceShareOneKeptTable() throws Exception {
    RecurrentConfig config = config(CellKind.LSTM, 2, true);
    Model serial = Model.of(config, VOCABULARY, 21);
    Model shared = Model.of(config, VOCABULARY, 21);
    for (Model m : List.of(serial, shared)) {
      m.embedding().freeze();
      m.rnn().freeze();
    }
    int[] ids = ids(11, VOCABULARY, BATCH * STEPS);
    float[] expected;
    try (NoGrad scope = NoGrad.enter()) {
      expected = serial.rnn().forward(serial.embedding(), ids, LENGTHS).output().data();
    }
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool =
        Executors.newFixedThreadPool(threads);
    try {
      List<Future<float[][]>> calls = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        calls.add(pool.submit(() -> {
          start.await();
          try (NoGrad scope = NoGrad.enter()) {
            float[] out = shared.rnn().forward(shared.embedding(), ids, LENGTHS).output().data();
            return new float[][] {out, shared.rnn().keptTable(0), shared.rnn().keptTable(1)};
          }
        }));
      }
      start.countDown();
      for (Future<float[][]> call : calls) {
        float[][] r = call.get();
        assertArrayEquals(expected, r[0]);
        assertSame(shared.rnn().keptTable(0), r[1]);
        assertSame(shared.rnn().keptTable(1), r[2]);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aTableIsKeptOnlyWhenEverythingItDependsOnIsFrozen() {
    RecurrentConfig config = config(CellKind.LSTM, 1, false);
    Model m = Model.of(config, VOCABULARY, 16);
    m.rnn().freeze(); // W_ih frozen, the embedding not
    try (NoGrad scope = NoGrad.enter()) {
      m.rnn().forward(m.embedding(), new int[] {1, 2}, new int[] {2});
    }
    assertEquals(0, m.rnn().tableCalls(), "V = 5 ≥ B·T = 2 and E may still change");
    assertNull(m.rnn().keptTable(0));
  }

  /** The cap counts the tables of both directions: D·V·GH ≤ 2^24 floats are kept, more not. */
  @Test
  void tablesAreKeptUpToTheCap() {
    RecurrentConfig config = RecurrentConfig.builder(CellKind.RNN_TANH, 1, 64)
        .bidirectional(true).build(); // D = 2, GH = 64
    int atCap = (int) (InputTables.KEPT_MAX_FLOATS / (2 * 64)); // D·V·GH = the cap
    for (int v : new int[] {atCap, atCap + 1}) {
      Model m = Model.of(config, v, 17);
      m.embedding().freeze();
      m.rnn().freeze();
      try (NoGrad scope = NoGrad.enter()) {
        m.rnn().forward(m.embedding(), new int[] {7, v - 1}, new int[] {2}); // V ≥ B·T = 2
      }
      boolean kept = v == atCap;
      assertEquals(kept ? 1 : 0, m.rnn().tableCalls(), "V = " + v);
      assertEquals(kept, m.rnn().keptTable(1) != null, "V = " + v);
    }
  }

  /** A table is kept for the embedding it was made from; another one gets its own. */
  @Test
  void anotherFrozenEmbeddingGetsItsOwnTable() {
    RecurrentConfig config = config(CellKind.GRU, 1, false);
    Model m = Model.of(config, VOCABULARY, 18);
    Embedding other = new Embedding(VOCABULARY, EMBEDDING, new SplittableRandom(19));
    m.rnn().freeze();
    m.embedding().freeze();
    other.freeze();
    int[] ids = {4, 0, 4};
    try (NoGrad scope = NoGrad.enter()) {
      RecurrentOutput first = m.rnn().forward(m.embedding(), ids, new int[] {3});
      float[] firstTable = m.rnn().keptTable(0);
      RecurrentOutput second = m.rnn().forward(other, ids, new int[] {3});
      assertNotSame(firstTable, m.rnn().keptTable(0));
      RecurrentOutput dense = m.rnn().forward(other.forward(ids, 1, 3), new int[] {3});
      assertClose(List.of(dense.output().data()), List.of(second.output().data()), "other");
      assertTrue(Math.abs(first.output().data()[0] - second.output().data()[0]) > 1e-6,
          "two embeddings, two results");
    }
  }

  @Test
  void badIdsAndShapesAreRefusedByName() {
    Model m = Model.of(config(CellKind.GRU, 1, false), VOCABULARY, 20);
    IllegalArgumentException id = assertThrows(IllegalArgumentException.class,
        () -> m.rnn().forward(m.embedding(), new int[] {0, 5}, new int[] {1}));
    assertTrue(id.getMessage().contains("position 1 must lie in [0, 5)"), id.getMessage());
    IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
        () -> m.rnn().forward(m.embedding(), new int[] {0, 1, 2}, new int[] {1, 1}));
    assertTrue(count.getMessage().startsWith("ids must hold B·T ids"), count.getMessage());
    Embedding wide = new Embedding(VOCABULARY, EMBEDDING + 1, new SplittableRandom(1));
    IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
        () -> m.rnn().forward(wide, new int[] {0}, new int[] {1}));
    assertTrue(size.getMessage().startsWith("embedding weight must be (V, E)"),
        size.getMessage());
  }
}
