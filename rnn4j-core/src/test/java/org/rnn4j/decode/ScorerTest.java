package org.rnn4j.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Per-token log-probabilities on the counting model of {@link GeneratorTest}: its logits are 10
 * at (running sum) mod V and 0 elsewhere, so each token's log-probability is known in closed
 * form.
 */
class ScorerTest {
  private static final int V = 7;
  private static final double HIT = 10 - Math.log(Math.exp(10) + V - 1); // the predicted token
  private static final double MISS = -Math.log(Math.exp(10) + V - 1); // any other token

  @Test
  void eachTokensLogProbabilityIsItsLogSoftmax() {
    // sums 1, 3, 6: the model predicts 1, 3, 6 after the prefixes; targets 2 (miss), 3 (hit), 6
    // (hit)
    double[] lp = new Scorer<>(new GeneratorTest.CountingModel())
        .logProbabilities(List.of(new int[] {1, 2, 3, 6}), 1).get(0);
    assertArrayEquals(new double[] {MISS, HIT, HIT}, lp, 1e-5);
  }

  @Test
  void logProbabilitiesDoNotDependOnTheBatchAndSumToTheScore() {
    List<int[]> sequences = List.of(new int[] {1, 2, 3, 6, 5}, new int[] {4}, new int[] {2, 2});
    Scorer<long[]> scorer = new Scorer<>(new GeneratorTest.CountingModel());
    List<double[]> batched = scorer.logProbabilities(sequences, 3);
    List<Score> scores = scorer.score(sequences, 2);
    for (int i = 0; i < sequences.size(); i++) {
      double[] alone = scorer.logProbabilities(List.of(sequences.get(i)), 1).get(0);
      assertArrayEquals(alone, batched.get(i), 1e-6);
      assertEquals(sequences.get(i).length - 1, batched.get(i).length);
      assertEquals(java.util.Arrays.stream(alone).sum(), scores.get(i).logLikelihood(), 1e-6);
    }
  }

  @Test
  void anEmptySequenceIsNamed() {
    assertEquals("sequence 1 must hold at least one id, got none",
        assertThrows(IllegalArgumentException.class, () -> new Scorer<>(
            new GeneratorTest.CountingModel()).logProbabilities(
                List.of(new int[] {1}, new int[0]), 2)).getMessage());
  }
}
