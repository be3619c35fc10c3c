package org.rnn4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.rnn4j.optim.ReduceOnPlateauConfig.Mode;
import org.rnn4j.optim.ReduceOnPlateauConfig.ThresholdMode;
import org.rnn4j.testing.Fixture;

/**
 * ReduceOnPlateau equals PyTorch's ReduceLROnPlateau on metric sequences stored in
 * schedules.safetensors (exactly: both compute in double in the same order), and resumes from its
 * exported state.
 */
class ReduceOnPlateauTest {
  private static final ReduceOnPlateauConfig MIN_CONFIG = ReduceOnPlateauConfig.defaults()
      .withFactor(0.5).withPatience(2).withThreshold(0.01, ThresholdMode.REL).withCooldown(1)
      .withMinRate(0.02);
  private static final ReduceOnPlateauConfig MAX_CONFIG = ReduceOnPlateauConfig.defaults()
      .withMode(Mode.MAX).withFactor(0.1).withPatience(1).withThreshold(0.01, ThresholdMode.ABS);

  private static double[] doubles(Fixture f, String key) {
    return Arrays.stream(f.meta(key).split(",")).mapToDouble(Double::parseDouble).toArray();
  }

  private static void assertMatches(String key, ReduceOnPlateauConfig config) throws IOException {
    Fixture f = Fixture.load("optim/schedules.safetensors");
    double[] metrics = doubles(f, key + ".metrics");
    double[] rates = doubles(f, key);
    ReduceOnPlateau plateau = new ReduceOnPlateau(rates[0], config);
    assertEquals(rates[0], plateau.rate());
    for (int k = 0; k < metrics.length; k++) {
      assertEquals(rates[k + 1], plateau.observe(metrics[k]), key + " after epoch " + k);
    }
  }

  @Test
  void minModeMatchesPyTorchFixture() throws IOException {
    assertMatches("plateau_min", MIN_CONFIG);
  }

  @Test
  void maxModeMatchesPyTorchFixture() throws IOException {
    assertMatches("plateau_max", MAX_CONFIG);
  }

  @Test
  void reducesAfterPatienceRunsOutAndNanNeverImproves() {
    ReduceOnPlateau plateau =
        new ReduceOnPlateau(1.0, ReduceOnPlateauConfig.defaults().withPatience(1));
    assertEquals(1.0, plateau.observe(5.0));
    assertEquals(1.0, plateau.observe(Double.NaN));
    assertEquals(0.1, plateau.observe(Double.NaN), 1e-15);
    assertEquals(5.0, plateau.state().best());
  }

  @Test
  void resumingFromStateContinuesIdentically() throws IOException {
    Fixture f = Fixture.load("optim/schedules.safetensors");
    double[] metrics = doubles(f, "plateau_min.metrics");
    ReduceOnPlateau straight = new ReduceOnPlateau(0.1, MIN_CONFIG);
    ReduceOnPlateau first = new ReduceOnPlateau(0.1, MIN_CONFIG);
    int half = metrics.length / 2;
    for (int k = 0; k < half; k++) {
      straight.observe(metrics[k]);
      first.observe(metrics[k]);
    }
    ReduceOnPlateau resumed = new ReduceOnPlateau(0.1, MIN_CONFIG);
    resumed.loadState(first.state());
    for (int k = half; k < metrics.length; k++) {
      assertEquals(straight.observe(metrics[k]), resumed.observe(metrics[k]));
    }
    assertEquals(straight.state(), resumed.state());
    assertEquals(metrics.length, resumed.state().epochs());
  }

  @Test
  void badSettingsAndStatesAreRejectedByName() {
    ReduceOnPlateauConfig d = ReduceOnPlateauConfig.defaults();
    assertName("factor", () -> d.withFactor(1.0));
    assertName("patience", () -> d.withPatience(-1));
    assertName("threshold", () -> d.withThreshold(-0.1, ThresholdMode.REL));
    assertName("cooldown", () -> d.withCooldown(-2));
    assertName("minRate", () -> d.withMinRate(-1));
    assertName("initialRate", () -> new ReduceOnPlateau(0, d));
    assertName("badEpochs", () -> new ReduceOnPlateau.State(0.1, 1.0, -1, 0, 0));
    assertName("best", () -> new ReduceOnPlateau.State(0.1, Double.NaN, 0, 0, 0));
    assertName("cooldownLeft", () -> new ReduceOnPlateau(0.1, d)
        .loadState(new ReduceOnPlateau.State(0.1, 1.0, 0, 3, 4)));
  }

  private static void assertName(String name, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith(name + " "), e.getMessage());
  }
}
