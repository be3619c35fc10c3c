package org.rnn4j.cli.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.tensor.Tensor;

class BigLstmThroughputTest {
  private static final LayerShape TINY = new LayerShape(5, 6, 3, 4);

  @Test
  void forwardGivesTheOutputsWithoutAGraph() {
    Tensor out = new BigLstmThroughput(TINY, 1).forwardStep();
    assertArrayEquals(new int[] {3, 4, 6}, out.shape());
    assertTrue(out.isLeaf() && !out.requiresGrad());
  }

  @Test
  void printsTheTrainingAndForwardLinesWithThePeersFields() {
    List<JsonNode> lines = BenchLines.run(out -> BigLstmThroughput.measure(TINY, 1,
        BenchLines.QUICK, out));
    assertEquals(2, lines.size());
    BenchLines.check(lines.get(0), "C5", "train_tokens_per_s", "tokens/s", 1,
        "batch", "seq", "gflops");
    BenchLines.check(lines.get(1), "C5", "fwd_tokens_per_s", "tokens/s", 1,
        "batch", "seq", "gflops");
  }
}
