package org.rnn4j.cli.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.optim.GradientClipping;
import org.rnn4j.tensor.Tensor;

class CharLmThroughputTest {
  private static final C1Shape TINY = new C1Shape(new CharLmShape(11, 4, 8, 2), 3, 7);

  @Test
  void trainingStepsLowerTheLossOnTheFixedBatch() {
    CharLmThroughput c1 = new CharLmThroughput(TINY, 1);
    float first = c1.trainStep().loss();
    float last = first;
    for (int i = 0; i < 40; i++) {
      last = c1.trainStep().loss();
    }
    assertTrue(last < first - 0.1f, "loss " + first + " -> " + last);
  }

  @Test
  void clippingLeavesTheGlobalNormAtMostFiveWhenTheRawNormWasLarger() {
    CharLmThroughput c1 = new CharLmThroughput(TINY, 2);
    // Large output weights give large gradients everywhere below them.
    float[] fc = c1.model().parameters().get("fc.weight").data();
    for (int i = 0; i < fc.length; i++) {
      fc[i] *= 1000f;
    }
    CharLmThroughput.TrainStep step = c1.trainStep();
    assertTrue(step.gradientNorm() > 50, "raw norm " + step.gradientNorm());
    // Adam reads the gradients without changing them, so they are still the clipped ones.
    double clipped = GradientClipping.globalNorm(c1.model().parameters().values());
    assertTrue(clipped <= CharLmThroughput.MAX_NORM + 1e-4, "clipped norm " + clipped);
    assertTrue(clipped > CharLmThroughput.MAX_NORM - 1e-3, "clipped norm " + clipped);
  }

  @Test
  void inferenceGivesLogitsOfTheBatchWithoutAGraph() {
    Tensor logits = new CharLmThroughput(TINY, 3).inferStep();
    assertArrayEquals(new int[] {3, 7, 11}, logits.shape());
    assertTrue(logits.isLeaf());
    assertFalse(logits.requiresGrad());
  }

  @Test
  void forwardFlopsAreThePeersFormulaAtItsSize() {
    double peer = 8 * 512 * (64 + 512) + 8 * 512 * (512 + 512) + 2 * 512 * 65;
    assertEquals(peer, CharLmShape.PEER.forwardFlopsPerToken());
  }

  @Test
  void theFrozenModelInfersWhatTheTrainedOneDid() {
    CharLmThroughput c1 = new CharLmThroughput(TINY, 4);
    BenchLines.assertFreezingKeepsTheOutputs(c1.model(), () -> c1.trainStep(), c1::inferStep,
        c1::freezeForInference);
  }

  @Test
  void printsTheTrainingAndInferenceLinesWithThePeersFields() {
    List<JsonNode> lines = BenchLines.run(out -> CharLmThroughput.measure(TINY, 2,
        BenchLines.QUICK, out));
    assertEquals(2, lines.size());
    BenchLines.check(lines.get(0), "C1", "train_tokens_per_s", "tokens/s", 2,
        "batch", "seq", "approx_gflops");
    BenchLines.check(lines.get(1), "C1", "infer_tokens_per_s", "tokens/s", 2,
        "batch", "seq", "approx_gflops");
    assertEquals(3, lines.get(0).get("batch").asInt());
    assertEquals(7, lines.get(0).get("seq").asInt());
  }
}
