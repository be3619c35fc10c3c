package org.rnn4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.cli.demo.MemoryExperiment.Settings;
import org.rnn4j.nn.recurrent.CellKind;

/** The memory demo's pieces on tiny settings (fast); the measured claim is in MemoryClaimTest. */
class MemoryDemoTest {

  @Test
  void hiddenSizesGiveEqualBudgetsWithinTenPercent() {
    for (int budget : new int[] {3000, 10_000}) {
      for (CellKind cell : MemoryDemo.CELLS) {
        int h = MemoryExperiment.hiddenFor(cell, 8, 8, budget);
        long p = MemoryExperiment.parameters(cell, h, 8, 8);
        assertTrue(Math.abs(p - budget) <= 0.1 * budget, cell + " H=" + h + ": " + p);
      }
    }
    // G·(H·I + H² + 2H) + H·C + C: the LSTM at H = 22, I = 8, C = 8
    assertEquals(4 * (22 * 8 + 22 * 22 + 44) + 22 * 8 + 8,
        MemoryExperiment.parameters(CellKind.LSTM, 22, 8, 8));
  }

  @Test
  void theModelsParameterCountIsTheBudgetPlusTheEmbedding() {
    Settings s = new Settings(3000, 8, 10, 10, 1, 5, 0.01, 2f);
    MemoryExperiment.Task task = MemoryExperiment.recall(3, 8, 8, s, 1);
    for (CellKind cell : MemoryDemo.CELLS) {
      var model = MemoryExperiment.model(cell, task, s, 2);
      int h = model.config().recurrent().hiddenSize();
      assertEquals(MemoryExperiment.parameters(cell, h, 8, 8) + 18L * 8, model.parameterCount());
    }
  }

  @Test
  void gradientNormsCoverEveryStepAndVanishForTheUntrainedTanhRnn() {
    Settings s = new Settings(3000, 8, 10, 100, 1, 5, 0.01, 2f);
    MemoryExperiment.Task task = MemoryExperiment.recall(40, 8, 8, s, 1);
    double[] n = MemoryExperiment.gradientNorms(CellKind.RNN_TANH, task, s, 2, 50);
    assertEquals(42, n.length);
    assertTrue(n[0] < 1e-3 * n[41], n[0] + " vs " + n[41]);
  }

  @Test
  void theAddingRegressorLearnsShortSequences() {
    Settings s = new Settings(600, 4, 2000, 200, 5, 32, 0.01, 2f);
    AddingProblem.Run r = AddingProblem.run(CellKind.GRU, 5, s, 3);
    assertTrue(r.mse() < 0.02 && r.accuracy() > 0.3, r.toString());
    assertEquals(MemoryExperiment.parameters(CellKind.GRU, r.hidden(), 2, 1), r.parameters());
  }

  @Test
  void runsPrintsTheTableAndWritesBothCharts(@TempDir Path dir) throws IOException {
    Settings s = new Settings(600, 4, 40, 20, 1, 20, 0.01, 2f);
    StringWriter text = new StringWriter();
    MemoryDemo.Result r = new MemoryDemo(1, s, List.of(2, 4), dir).run(new PrintWriter(text));
    assertEquals(List.of("recall", "agreement", "adding"), List.copyOf(r.accuracy().keySet()));
    assertEquals(2, r.accuracy().get("recall").get(CellKind.GRU).length);
    assertEquals(6, r.gradientNorms().get(CellKind.LSTM).length);
    assertTrue(text.toString().contains("d=4"), text.toString());
    assertTrue(Files.size(dir.resolve("memory-accuracy.png")) > 1000);
    assertTrue(Files.size(dir.resolve("memory-gradients.png")) > 1000);
    assertTrue(Files.size(dir.resolve("memory-exploding.png")) > 1000);
    assertEquals(2, r.exploding().size());
  }
}
