package org.rnn4j.task.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnn4j.loss.CrossEntropy;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testing.SameLoss;

/**
 * {@link LanguageModel#loss}, which fuses the output layer with the cross-entropy, against the
 * composition it replaces: {@link CrossEntropy} on the logits of {@link LanguageModel#forward}.
 */
class LanguageModelLossTest {
  /** V above 2¹⁸/64: chunks of 64 rows, so the 80 real steps take two, the first gathered. */
  private static final int V = 5000;
  private static final int B = 4;
  private static final int T = 25;

  @ParameterizedTest
  @EnumSource(CellKind.class)
  void equalsCrossEntropyOnTheLogitsInValueAndEveryGradient(CellKind cell) {
    LanguageModel model = new LanguageModel(
        new LanguageModelConfig(V, 6, RecurrentSpec.of(cell, 10).withLayers(2)),
        new SplittableRandom(1));
    SplittableRandom rng = new SplittableRandom(2);
    int[] ids = rng.ints(B * T, 0, V).toArray();
    int[] targets = rng.ints(B * T, 0, V).toArray();
    int[] lengths = {T, 11, T, 19};
    RecurrentState start = model.zeroState(B);
    SameLoss.assertSame(model,
        () -> CrossEntropy.loss(model.forward(ids, lengths, start).logits(), targets, lengths,
            CrossEntropy.Options.DEFAULT),
        () -> model.loss(ids, targets, lengths, start).value(), 2e-5);

    Tensor fusedState = model.loss(ids, targets, lengths, start).state().h();
    Tensor forwardState = model.forward(ids, lengths, start).state().h();
    assertEquals(Arrays.toString(forwardState.data()),
        Arrays.toString(fusedState.data()), "the same final state");
    try (NoGrad scope = NoGrad.enter()) {
      float evaluation = model.loss(ids, targets, lengths, start).value().item();
      float composed = CrossEntropy.loss(model.forward(ids, lengths, start).logits(), targets,
          lengths, CrossEntropy.Options.DEFAULT).item();
      assertEquals(composed, evaluation, 2e-5 * composed, "without a graph");
    }
  }
}
