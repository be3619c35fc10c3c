package org.rnn4j.cli.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.tensor.Tensor;

class SentimentThroughputTest {
  private static final C2Shape TINY = new C2Shape(50, 6, 8, 2, 5, 9);

  @Test
  void trainingStepsLowerTheLossOnTheFixedBatch() {
    SentimentThroughput c2 = new SentimentThroughput(TINY, 1);
    float first = c2.trainStep();
    float last = first;
    for (int i = 0; i < 40; i++) {
      last = c2.trainStep();
    }
    assertTrue(last < first - 0.1f, "loss " + first + " -> " + last);
  }

  @Test
  void inferenceGivesClassScoresOfTheBatchWithoutAGraph() {
    Tensor logits = new SentimentThroughput(TINY, 2).inferStep();
    assertArrayEquals(new int[] {5, 2}, logits.shape());
    assertTrue(logits.isLeaf());
    assertFalse(logits.requiresGrad());
  }

  @Test
  void forwardFlopsAreThePeersFormulaAtItsSize() {
    assertEquals(6 * 256 * (128 + 256), C2Shape.PEER.forwardFlopsPerToken());
  }

  @Test
  void theFrozenModelInfersWhatTheTrainedOneDid() {
    SentimentThroughput c2 = new SentimentThroughput(TINY, 4);
    BenchLines.assertFreezingKeepsTheOutputs(c2.model(), () -> c2.trainStep(), c2::inferStep,
        c2::freezeForInference);
  }

  @Test
  void printsTheTrainingAndInferenceLinesWithThePeersFields() {
    List<JsonNode> lines = BenchLines.run(out -> SentimentThroughput.measure(TINY, 1,
        BenchLines.QUICK, out));
    assertEquals(2, lines.size());
    BenchLines.check(lines.get(0), "C2", "train_seqs_per_s", "sequences/s", 1,
        "batch", "seq", "tokens_per_s", "approx_gflops");
    BenchLines.check(lines.get(1), "C2", "infer_seqs_per_s", "sequences/s", 1,
        "batch", "seq", "tokens_per_s", "approx_gflops");
    JsonNode train = lines.get(0);
    assertEquals(train.get("value").asDouble() * 9, train.get("tokens_per_s").asDouble(),
        1e-4 * train.get("tokens_per_s").asDouble());
  }
}
