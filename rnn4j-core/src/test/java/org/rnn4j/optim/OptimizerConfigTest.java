package org.rnn4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Configs reject out-of-range settings with messages that name them; defaults are PyTorch's. */
class OptimizerConfigTest {

  private static void assertRejected(String name, Executable build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
    assertTrue(e.getMessage().startsWith(name + " "), e.getMessage());
  }

  @Test
  void sgdConfigRejectsBadSettings() {
    assertRejected("learningRate", () -> SgdConfig.of(0));
    assertRejected("learningRate", () -> SgdConfig.of(Double.NaN));
    assertRejected("learningRate", () -> SgdConfig.of(Double.POSITIVE_INFINITY));
    assertRejected("momentum", () -> SgdConfig.withMomentum(0.1, -0.5));
    assertRejected("dampening", () -> new SgdConfig(0.1, 0.9, 1.5, false, 0));
    assertRejected("weightDecay", () -> new SgdConfig(0.1, 0.9, 0, false, -1));
    assertRejected("nesterov", () -> new SgdConfig(0.1, 0, 0, true, 0));
    assertRejected("nesterov", () -> new SgdConfig(0.1, 0.9, 0.1, true, 0));
  }

  @Test
  void rmsPropConfigRejectsBadSettings() {
    RmsPropConfig d = RmsPropConfig.defaults();
    assertRejected("learningRate", () -> d.withLearningRate(-0.1));
    assertRejected("alpha", () -> d.withAlpha(1));
    assertRejected("eps", () -> d.withEps(0));
    assertRejected("weightDecay", () -> d.withWeightDecay(Double.NaN));
    assertRejected("momentum", () -> d.withMomentum(-1));
  }

  @Test
  void adamConfigsRejectBadSettings() {
    AdamConfig a = AdamConfig.defaults();
    assertRejected("learningRate", () -> a.withLearningRate(0));
    assertRejected("beta1", () -> a.withBetas(1.0, 0.999));
    assertRejected("beta2", () -> a.withBetas(0.9, -0.1));
    assertRejected("eps", () -> a.withEps(-1e-8));
    assertRejected("weightDecay", () -> a.withWeightDecay(-0.01));
    AdamConfig w = AdamW.defaults();
    assertRejected("learningRate", () -> w.withLearningRate(0));
    assertRejected("beta1", () -> w.withBetas(-0.1, 0.999));
    assertRejected("beta2", () -> w.withBetas(0.9, 1.0));
    assertRejected("eps", () -> w.withEps(0));
    assertRejected("weightDecay", () -> w.withWeightDecay(-1));
  }

  @Test
  void messagesGiveExpectedAndActual() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AdamConfig.defaults().withEps(-2));
    assertEquals("eps must be positive and finite: expected > 0, got -2.0", e.getMessage());
  }

  @Test
  void defaultsArePyTorchs() {
    assertEquals(new AdamConfig(1e-3, 0.9, 0.999, 1e-8, 0, false), AdamConfig.defaults());
    assertEquals(new AdamConfig(1e-3, 0.9, 0.999, 1e-8, 1e-2, false), AdamW.defaults());
    assertEquals(new RmsPropConfig(1e-2, 0.99, 1e-8, 0, 0, false), RmsPropConfig.defaults());
    assertEquals(new SgdConfig(0.1, 0, 0, false, 0), SgdConfig.of(0.1));
  }
}
