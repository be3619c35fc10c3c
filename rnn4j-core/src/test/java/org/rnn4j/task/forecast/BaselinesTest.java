package org.rnn4j.task.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rnn4j.data.Features;

class BaselinesTest {
  /** y = 1 … 8, m = 3: ŷ⟨9⟩ = y⟨6⟩, ŷ⟨10⟩ = y⟨7⟩, ŷ⟨11⟩ = y⟨8⟩, ŷ⟨12⟩ = y⟨6⟩, ŷ⟨13⟩ = y⟨7⟩. */
  @Test
  void seasonalNaiveRepeatsTheLastObservedSeason() {
    Features y = new Features(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 1);
    assertArrayEquals(new float[] {6, 7, 8, 6, 7},
        Baselines.seasonalNaive(y, 5, 3).values());
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 1, 2},
        Baselines.seasonalNaive(y, 10, 8).values());
  }

  @Test
  void naiveRepeatsTheLastValueOfEachFeature() {
    Features y = Features.of(new float[][] {{1, 10}, {2, 20}, {3, 30}});
    assertArrayEquals(new float[] {3, 30, 3, 30, 3, 30}, Baselines.naive(y, 3).values());
    assertArrayEquals(new float[] {2, 20, 3, 30, 2, 20},
        Baselines.seasonalNaive(y, 3, 2).values());
  }

  @Test
  void aHistoryShorterThanOneSeasonIsRejected() {
    Features y = new Features(new float[] {1, 2}, 1);
    assertThrows(IllegalArgumentException.class, () -> Baselines.seasonalNaive(y, 1, 3));
  }
}
