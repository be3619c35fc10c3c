package org.rnn4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnn4j.tensor.Tensor;

/** Checkpointing of optimizer state, skipping of parameters without gradients, basic API. */
class OptimizerStateTest {
  private static final int STEPS = 10;

  static Stream<Arguments> optimizers() {
    List<Function<Map<String, Tensor>, Optimizer>> factories = List.of(
        p -> Sgd.of(p, 0.1),
        p -> new Sgd(p, new SgdConfig(0.1, 0.9, 0, true, 0.01)),
        p -> new RmsProp(p, RmsPropConfig.defaults().withCentered(true).withMomentum(0.5)),
        p -> new Adam(p, AdamConfig.defaults().withLearningRate(0.05).withAmsgrad(true)),
        p -> new AdamW(p, AdamW.defaults().withLearningRate(0.05)));
    return factories.stream().map(f -> Arguments.of(f, f.apply(parameters(0)).getClass()));
  }

  /** Two parameters, "weight" (3, 4) and "bias" (5,), from a seeded generator. */
  private static Map<String, Tensor> parameters(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Map<String, Tensor> p = new LinkedHashMap<>();
    p.put("weight", Tensor.normal(rng, 0f, 1f, 3, 4));
    p.put("bias", Tensor.normal(rng, 0f, 1f, 5));
    return p;
  }

  private static void setGradients(Map<String, Tensor> parameters, int step) {
    SplittableRandom rng = new SplittableRandom(100 + step);
    for (Tensor p : parameters.values()) {
      Grads.set(p, Tensor.normal(rng, 0f, 1f, p.shape()).data());
    }
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("optimizers")
  void resumingFromExportedStateEqualsUninterruptedRunBitForBit(
      Function<Map<String, Tensor>, Optimizer> factory, Class<?> kind) {
    Map<String, Tensor> straight = parameters(1);
    Optimizer uninterrupted = factory.apply(straight);
    for (int k = 0; k < STEPS; k++) {
      setGradients(straight, k);
      uninterrupted.step();
    }

    Map<String, Tensor> first = parameters(1);
    Optimizer before = factory.apply(first);
    for (int k = 0; k < STEPS / 2; k++) {
      setGradients(first, k);
      before.step();
    }
    Map<String, Tensor> checkpoint = before.state();
    Map<String, Tensor> resumed = new LinkedHashMap<>();
    first.forEach((name, p) -> resumed.put(name, p.copy()));
    Optimizer after = factory.apply(resumed);
    after.loadState(checkpoint);
    for (int k = STEPS / 2; k < STEPS; k++) {
      setGradients(resumed, k);
      after.step();
    }

    for (String name : straight.keySet()) {
      assertArrayEquals(straight.get(name).data(), resumed.get(name).data(), 0f, name);
    }
    Map<String, Tensor> expectedState = uninterrupted.state();
    Map<String, Tensor> actualState = after.state();
    assertEquals(expectedState.keySet(), actualState.keySet());
    expectedState.forEach((key, t) ->
        assertArrayEquals(t.data(), actualState.get(key).data(), 0f, key));
  }

  @Test
  void stateHasPyTorchNamesAndIsACopy() {
    Map<String, Tensor> p = parameters(2);
    Adam adam = new Adam(p, AdamConfig.defaults().withAmsgrad(true));
    setGradients(p, 0);
    adam.step();
    Map<String, Tensor> state = adam.state();
    assertEquals(List.of("step.weight", "exp_avg.weight", "exp_avg_sq.weight",
        "max_exp_avg_sq.weight", "step.bias", "exp_avg.bias", "exp_avg_sq.bias",
        "max_exp_avg_sq.bias"), List.copyOf(state.keySet()));
    assertEquals(1f, state.get("step.weight").item());
    float[] expAvg = state.get("exp_avg.weight").data().clone();
    adam.step();
    assertArrayEquals(expAvg, state.get("exp_avg.weight").data(), 0f);
    assertEquals(2f, adam.state().get("step.bias").item());
  }

  @Test
  void stateNamesFollowTheConfig() {
    assertEquals(List.of("step.weight", "step.bias"),
        List.copyOf(Sgd.of(parameters(0), 0.1).state().keySet()));
    assertEquals(List.of("step.weight", "momentum_buffer.weight", "step.bias",
        "momentum_buffer.bias"), List.copyOf(
            new Sgd(parameters(0), SgdConfig.withMomentum(0.1, 0.9)).state().keySet()));
    assertEquals(List.of("step.weight", "square_avg.weight", "grad_avg.weight",
        "momentum_buffer.weight", "step.bias", "square_avg.bias", "grad_avg.bias",
        "momentum_buffer.bias"), List.copyOf(new RmsProp(parameters(0),
            RmsPropConfig.defaults().withCentered(true).withMomentum(0.9)).state().keySet()));
  }

  @Test
  void loadStateNamesMissingAndUnexpectedEntries() {
    Adam adam = Adam.of(parameters(3), 0.01);
    Map<String, Tensor> state = new LinkedHashMap<>(adam.state());
    state.remove("exp_avg.weight");
    state.put("exp_avg.embedding", Tensor.zeros(2));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> adam.loadState(state));
    assertTrue(e.getMessage().contains("missing [exp_avg.weight]"), e.getMessage());
    assertTrue(e.getMessage().contains("unexpected [exp_avg.embedding]"), e.getMessage());
  }

  @Test
  void loadStateNamesShapeMismatchAndChangesNothing() {
    Map<String, Tensor> p = parameters(4);
    Adam adam = Adam.of(p, 0.01);
    setGradients(p, 0);
    adam.step();
    Map<String, Tensor> before = adam.state();
    Map<String, Tensor> state = new LinkedHashMap<>(adam.state());
    state.put("exp_avg.weight", Tensor.ones(3, 4));
    state.put("exp_avg_sq.bias", Tensor.zeros(4));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> adam.loadState(state));
    assertTrue(e.getMessage().contains("exp_avg_sq.bias shape: expected [5], got [4]"),
        e.getMessage());
    assertArrayEquals(before.get("exp_avg.weight").data(),
        adam.state().get("exp_avg.weight").data(), 0f);
  }

  @Test
  void loadStateRejectsStepCountsThatAreNotNonNegativeIntegers() {
    Sgd sgd = Sgd.of(parameters(5), 0.1);
    Map<String, Tensor> state = new LinkedHashMap<>(sgd.state());
    state.put("step.bias", Tensor.scalar(1.5f));
    state.put("step.weight", Tensor.scalar(-1f));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> sgd.loadState(state));
    assertTrue(e.getMessage().contains("step.bias: expected a non-negative integer, got 1.5"),
        e.getMessage());
    assertTrue(e.getMessage().contains("step.weight"), e.getMessage());
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("optimizers")
  void parametersWithoutGradientAreSkipped(
      Function<Map<String, Tensor>, Optimizer> factory, Class<?> kind) {
    Map<String, Tensor> p = parameters(6);
    float[] biasBefore = p.get("bias").data().clone();
    float[] weightBefore = p.get("weight").data().clone();
    Optimizer optimizer = factory.apply(p);
    Grads.set(p.get("weight"), Tensor.ones(3, 4).data());
    optimizer.step();
    assertArrayEquals(biasBefore, p.get("bias").data(), 0f);
    assertNotEquals(weightBefore[0], p.get("weight").data()[0]);
    assertEquals(0f, optimizer.state().get("step.bias").item());
    assertEquals(1f, optimizer.state().get("step.weight").item());
  }

  @Test
  void zeroGradClearsEveryGradient() {
    Map<String, Tensor> p = parameters(7);
    Sgd sgd = Sgd.of(p, 0.1);
    setGradients(p, 0);
    sgd.zeroGrad();
    for (Tensor t : p.values()) {
      assertArrayEquals(new float[t.size()], t.grad().data(), 0f);
    }
  }

  @Test
  void setLearningRateChangesTheNextStep() {
    Map<String, Tensor> p = new LinkedHashMap<>();
    p.put("x", Tensor.of(new float[] {1f}, 1));
    Sgd sgd = Sgd.of(p, 0.1);
    sgd.setLearningRate(0.5);
    assertEquals(0.5, sgd.learningRate());
    Grads.set(p.get("x"), new float[] {1f});
    sgd.step();
    assertEquals(0.5f, p.get("x").data()[0]);
    sgd.setLearningRate(0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> sgd.setLearningRate(-1));
    assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
  }

  @Test
  void constructorRejectsEmptyAndRepeatedParameters() {
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> Adam.of(Map.of(), 0.01));
    assertTrue(empty.getMessage().contains("parameters"), empty.getMessage());
    Tensor shared = Tensor.zeros(2);
    Map<String, Tensor> twice = new LinkedHashMap<>();
    twice.put("a", shared);
    twice.put("b", shared);
    IllegalArgumentException repeated = assertThrows(IllegalArgumentException.class,
        () -> Sgd.of(twice, 0.1));
    assertTrue(repeated.getMessage().contains("b is the same tensor as a"),
        repeated.getMessage());
  }
}
