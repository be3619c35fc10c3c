package org.rnn4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rnn4j.cli.demo.MemoryExperiment.Run;
import org.rnn4j.cli.demo.MemoryExperiment.Task;
import org.rnn4j.nn.recurrent.CellKind;

/**
 * The lecture's warnings, measured (slow profile).
 *
 * <p>Vanishing gradients: on delayed recall at distance 50 (8 symbols, chance 0.125), with the
 * demo's settings (about 3,100 parameters per cell, 5,000 sequences, 20 epochs), seed 2 gives
 * RNN 0.237, GRU 1.000, LSTM 1.000 on 1,000 held-out sequences (20 s). The claim is not robust
 * across seeds (measured on 500 held-out sequences): seed 1 gave RNN 0.766, GRU 1.000, LSTM
 * 0.908 (the tanh RNN, with Adam and clipping, does learn some recall at 50 steps), seed 3 gave
 * RNN 0.500, GRU 1.000, LSTM 0.250 (the LSTM stayed on its plateau). The GRU reached 1.000 on
 * all three.
 *
 * <p>Exploding gradients: a relu RNN with W_hh ×4 on recall at distance 20 (first loss 51.9,
 * gradient norms up to 5.7·10³): without clipping the loss of the last 20 steps stays at 1.84
 * (chance is ln 8 ≈ 2.08); with the global norm clipped at 1 it falls to 0.43. Adam's
 * normalised step keeps the unclipped run from turning into NaN here; it stalls instead.
 */
@Tag("slow")
class MemoryClaimTest {
  private static final long SEED = 2;

  @Test
  void gatedCellsRecallAcrossFiftyStepsAndTheVanillaRnnDoesNot() {
    Task task = MemoryExperiment.recall(50, MemoryDemo.SYMBOLS, MemoryDemo.DISTRACTORS,
        MemoryDemo.DEFAULT, SEED);
    Run rnn = MemoryExperiment.run(CellKind.RNN_TANH, task, MemoryDemo.DEFAULT, SEED + 10);
    Run gru = MemoryExperiment.run(CellKind.GRU, task, MemoryDemo.DEFAULT, SEED + 10);
    Run lstm = MemoryExperiment.run(CellKind.LSTM, task, MemoryDemo.DEFAULT, SEED + 10);
    System.out.println(rnn + "\n" + gru + "\n" + lstm);
    assertTrue(rnn.accuracy() < 0.6, rnn.toString());
    assertTrue(gru.accuracy() >= 0.9, gru.toString());
    assertTrue(lstm.accuracy() >= 0.9, lstm.toString());
  }

  /**
   * The adding problem at T = 50 with the demo's settings and seed 1 (the only seed tried): RNN
   * accuracy 0.079 (MSE 0.164, no better than answering 1), GRU 1.000, LSTM 0.997.
   */
  @Test
  void gatedCellsSolveTheAddingProblemOverFiftyStepsAndTheVanillaRnnDoesNot() {
    AddingProblem.Run rnn = AddingProblem.run(CellKind.RNN_TANH, 50, MemoryDemo.DEFAULT, 21);
    AddingProblem.Run gru = AddingProblem.run(CellKind.GRU, 50, MemoryDemo.DEFAULT, 21);
    AddingProblem.Run lstm = AddingProblem.run(CellKind.LSTM, 50, MemoryDemo.DEFAULT, 21);
    System.out.println(rnn + "\n" + gru + "\n" + lstm);
    assertTrue(rnn.accuracy() < 0.3, rnn.toString());
    for (AddingProblem.Run r : new AddingProblem.Run[] {gru, lstm}) {
      assertTrue(r.accuracy() >= 0.9 && r.mse() < 0.01, r.toString());
    }
  }

  @Test
  void clippingRescuesTheReluRnnWhoseGradientsExplode() {
    var curves = new MemoryDemo(1, Path.of(".")).exploding();
    ExplodingGradient.Curve free = curves.get(0.0);
    ExplodingGradient.Curve clipped = curves.get(1.0);
    System.out.println("no clipping " + free.finalLoss(20) + ", clipped " + clipped.finalLoss(20));
    assertTrue(free.gradientNorms().stream().mapToDouble(Double::doubleValue).max().orElse(0)
        > 1000, "the gradient explodes");
    assertFalse(clipped.diverged());
    assertTrue(clipped.finalLoss(20) < 1.0, "clipped " + clipped.finalLoss(20));
    assertTrue(free.diverged() || free.finalLoss(20) > 1.5, "unclipped " + free.finalLoss(20));
  }
}
