package org.rnn4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
    Settings s = new Settings(3000, 8, 10, 10, 1, 5, 0.01, 200);
    MemoryExperiment.Task task = MemoryExperiment.recall(3, 8, 8, s, 1);
    for (CellKind cell : MemoryDemo.CELLS) {
      var model = MemoryExperiment.model(cell, task, s, 2);
      int h = model.config().recurrent().hiddenSize();
      assertEquals(MemoryExperiment.parameters(cell, h, 8, 8) + 18L * 8, model.parameterCount());
    }
  }

  @Test
  void chronoInitialisationGivesEachGatedUnitATimeScaleUpToTheHorizon() {
    Settings s = new Settings(3000, 8, 10, 10, 1, 5, 0.01, 50);
    MemoryExperiment.Task task = MemoryExperiment.recall(3, 8, 8, s, 1);
    for (CellKind cell : MemoryDemo.CELLS) {
      var p = MemoryExperiment.model(cell, task, s, 2).parameters();
      float[] bih = p.get("rnn.bias_ih_l0").data(); // (G·H)
      float[] bhh = p.get("rnn.bias_hh_l0").data(); // (G·H)
      int h = bih.length / cell.gates();
      if (cell == CellKind.RNN_TANH) {
        var fresh = MemoryExperiment.model(cell, task, s, 2).parameters();
        assertTrue(Arrays.equals(fresh.get("rnn.bias_ih_l0").data(), bih), "RNN untouched");
        continue;
      }
      float min = Float.MAX_VALUE;
      float max = -Float.MAX_VALUE;
      for (int j = 0; j < h; j++) {
        float keep = bih[h + j]; // LSTM f, GRU z
        min = Math.min(min, keep);
        max = Math.max(max, keep);
        assertTrue(keep >= 0 && keep <= Math.log(49) + 1e-6, cell + " unit " + j + ": " + keep);
        assertEquals(0f, bhh[h + j]);
        if (cell == CellKind.LSTM) {
          assertEquals(-keep, bih[j]); // i
          assertEquals(0f, bhh[j]);
        }
      }
      assertTrue(max - min > 1, cell + ": time scales spread over [1, 49], got log u in ["
          + min + ", " + max + "]");
    }
    assertThrows(IllegalArgumentException.class, () -> ChronoInit.apply(CellKind.GRU,
        Map.of(), "rnn", 4, 1, new SplittableRandom(1)));
  }

  @Test
  void gradientNormsCoverEveryStepAndVanishForTheUntrainedTanhRnn() {
    Settings s = new Settings(3000, 8, 10, 100, 1, 5, 0.01, 200);
    MemoryExperiment.Task task = MemoryExperiment.recall(40, 8, 8, s, 1);
    double[] n = MemoryExperiment.gradientNorms(CellKind.RNN_TANH, task, s, 2, 50);
    assertEquals(42, n.length);
    assertTrue(n[0] < 1e-3 * n[41], n[0] + " vs " + n[41]);
  }

  @Test
  void theAddingRegressorLearnsShortSequences() {
    Settings s = new Settings(600, 4, 2000, 200, 5, 32, 0.01, 200);
    AddingProblem.Run r = AddingProblem.run(CellKind.GRU, 5, s, 3);
    assertTrue(r.mse() < 0.02 && r.accuracy() > 0.3, r.toString());
    assertEquals(MemoryExperiment.parameters(CellKind.GRU, r.hidden(), 2, 1), r.parameters());
  }

  @Test
  void runsPrintsTheTableAndWritesBothCharts(@TempDir Path dir) throws IOException {
    Settings s = new Settings(600, 4, 40, 20, 1, 20, 0.01, 200);
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
