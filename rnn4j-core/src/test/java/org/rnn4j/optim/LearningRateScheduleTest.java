package org.rnn4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.rnn4j.testing.Fixture;

/**
 * Schedules equal PyTorch's schedulers (StepLR, CosineAnnealingLR, LinearLR then
 * CosineAnnealingLR through SequentialLR) on schedules.safetensors, whose metadata holds the rate
 * after 0, 1, 2, … scheduler steps. PyTorch updates rates recursively, so 1e−12 relative.
 */
class LearningRateScheduleTest {
  private static final double RTOL = 1e-12;

  static double[] expectedRates(String key) throws IOException {
    Fixture f = Fixture.load("optim/schedules.safetensors");
    return Arrays.stream(f.meta(key).split(",")).mapToDouble(Double::parseDouble).toArray();
  }

  private static void assertMatches(String key, LearningRateSchedule schedule) throws IOException {
    double[] expected = expectedRates(key);
    for (int t = 0; t < expected.length; t++) {
      assertEquals(expected[t], schedule.rate(t), RTOL * expected[t] + 1e-15, key + " at t=" + t);
    }
  }

  @Test
  void stepDecayMatchesPyTorchFixture() throws IOException {
    assertMatches("step_lr", LearningRateSchedule.stepDecay(0.1, 3, 0.5));
  }

  @Test
  void cosineAnnealingMatchesPyTorchFixture() throws IOException {
    assertMatches("cosine", LearningRateSchedule.cosineAnnealing(0.1, 10, 0.001));
  }

  @Test
  void linearWarmupThenCosineMatchesPyTorchFixture() throws IOException {
    assertMatches("warmup_cosine", LearningRateSchedule.linearWarmup(0.1, 5,
        LearningRateSchedule.cosineAnnealing(0.1, 10, 0)));
  }

  @Test
  void warmupRisesLinearlyToTheBaseRate() {
    LearningRateSchedule s =
        LearningRateSchedule.linearWarmup(0.25, 3, LearningRateSchedule.constant(0.4));
    assertEquals(0.1, s.rate(0), 1e-15);
    assertEquals(0.2, s.rate(1), 1e-15);
    assertEquals(0.3, s.rate(2), 1e-15);
    assertEquals(0.4, s.rate(3));
    assertEquals(0.4, s.rate(1_000_000));
  }

  @Test
  void constantIsConstant() {
    LearningRateSchedule s = LearningRateSchedule.constant(0.01);
    assertEquals(0.01, s.rate(0));
    assertEquals(0.01, s.rate(Long.MAX_VALUE));
  }

  @Test
  void badSettingsAreRejectedByName() {
    assertName("rate", () -> LearningRateSchedule.constant(0));
    assertName("stepSize", () -> LearningRateSchedule.stepDecay(0.1, 0, 0.5));
    assertName("gamma", () -> LearningRateSchedule.stepDecay(0.1, 1, 1.5));
    assertName("tMax", () -> LearningRateSchedule.cosineAnnealing(0.1, 0, 0));
    assertName("minRate", () -> LearningRateSchedule.cosineAnnealing(0.1, 10, 0.2));
    assertName("startFactor", () -> LearningRateSchedule.linearWarmup(0, 5,
        LearningRateSchedule.constant(0.1)));
    assertName("warmupSteps", () -> LearningRateSchedule.linearWarmup(0.1, 0,
        LearningRateSchedule.constant(0.1)));
    assertName("t", () -> LearningRateSchedule.constant(0.1).rate(-1));
  }

  private static void assertName(String name, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith(name + " "), e.getMessage());
  }
}
