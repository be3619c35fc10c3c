package org.rnn4j.cli.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.tensor.Tensor;

class SmallRnnThroughputTest {
  private static final LayerShape TINY = new LayerShape(3, 8, 4, 6);

  @Test
  void trainingStepsLowerTheLossOnTheFixedBatch() {
    SmallRnnThroughput c3 = new SmallRnnThroughput(TINY, 1);
    float first = c3.trainStep();
    float last = first;
    for (int i = 0; i < 100; i++) {
      last = c3.trainStep();
    }
    assertTrue(last < first * 0.95f, "loss " + first + " -> " + last);
  }

  @Test
  void inferenceGivesOnePredictionPerStepWithoutAGraph() {
    Tensor prediction = new SmallRnnThroughput(TINY, 2).inferStep();
    assertArrayEquals(new int[] {4, 6, 1}, prediction.shape());
    assertTrue(prediction.isLeaf());
    assertFalse(prediction.requiresGrad());
  }

  @Test
  void theModelHasPyTorchsParameterNames() {
    SmallRnnThroughput.RnnRegression model =
        new SmallRnnThroughput.RnnRegression(3, 8, new java.util.SplittableRandom(0));
    assertEquals(List.of("rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0",
        "rnn.bias_hh_l0", "fc.weight", "fc.bias"), List.copyOf(model.parameters().keySet()));
  }

  @Test
  void theFrozenModelInfersWhatTheTrainedOneDid() {
    SmallRnnThroughput c3 = new SmallRnnThroughput(TINY, 4);
    BenchLines.assertFreezingKeepsTheOutputs(c3.model(), () -> c3.trainStep(), c3::inferStep,
        c3::freezeForInference);
  }

  @Test
  void printsTheTrainingAndInferenceLinesWithThePeersFields() {
    List<JsonNode> lines = BenchLines.run(out -> SmallRnnThroughput.measure(TINY, 1,
        BenchLines.QUICK, out));
    assertEquals(2, lines.size());
    BenchLines.check(lines.get(0), "C3", "train_seqs_per_s", "sequences/s", 1,
        "batch", "seq", "tokens_per_s");
    BenchLines.check(lines.get(1), "C3", "infer_seqs_per_s", "sequences/s", 1,
        "batch", "seq", "tokens_per_s");
  }
}
