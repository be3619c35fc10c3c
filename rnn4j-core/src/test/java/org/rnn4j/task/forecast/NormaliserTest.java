package org.rnn4j.task.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rnn4j.data.Features;

class NormaliserTest {

  /** Feature 0 over steps 1…3: 2, 4, 6 → μ 4, σ sqrt(8/3); feature 1 is constant → σ 1. */
  @Test
  void fitsMeanAndPopulationStdOfTheChosenSteps() {
    Features u = Features.of(new float[][] {{100, 9}, {2, 7}, {4, 7}, {6, 7}, {-50, 0}});
    Normaliser n = Normaliser.fit(u, 1, 4);
    assertArrayEquals(new double[] {4, 7}, n.mean(), 1e-12);
    assertArrayEquals(new double[] {Math.sqrt(8.0 / 3), 1}, n.std(), 1e-6);
    float[] z = n.apply(u).values();
    assertArrayEquals(new float[] {(float) (-2 / Math.sqrt(8.0 / 3)), 0}, new float[] {z[2], z[3]},
        1e-6f);
    assertArrayEquals(u.values(), n.invert(n.apply(u)).values(), 1e-4f);
  }

  @Test
  void rejectsBadStatisticsAndShapes() {
    assertThrows(IllegalArgumentException.class,
        () -> new Normaliser(new double[] {0}, new double[] {0}));
    assertThrows(IllegalArgumentException.class,
        () -> new Normaliser(new double[] {0, 1}, new double[] {1}));
    assertThrows(IllegalArgumentException.class,
        () -> Normaliser.identity(2).apply(new Features(new float[] {1, 2, 3}, 3)));
    assertThrows(IllegalArgumentException.class,
        () -> Normaliser.fit(new Features(new float[] {1, 2}, 1), 1, 1));
  }
}
