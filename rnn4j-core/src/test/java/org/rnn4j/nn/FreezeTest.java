package org.rnn4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.Recurrent;
import org.rnn4j.nn.recurrent.RecurrentOutput;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

/** Freezing a model for inference packs its weights once and changes no result. */
class FreezeTest {

  @Test
  void aFrozenWeightGivesTheUnfrozenProductBitForBitAtEveryRowCount() {
    SplittableRandom rng = new SplittableRandom(1);
    Tensor w = Tensor.normal(rng, 0f, 1f, 77, 130); // (N, K)
    Tensor frozen = Tensor.of(w.data().clone(), 77, 130).freeze();
    for (int m : new int[] {1, 2, 5, 8, 9, 40}) {
      Tensor x = Tensor.normal(rng, 0f, 1f, m, 130);
      assertArrayEquals(x.matmulT(w).data(), x.matmulT(frozen).data(), "m=" + m);
    }
    assertSame(frozen.packedTranspose(), frozen.packedTranspose(), "packed once, then reused");
  }

  @Test
  void theInputGradientStillFlowsThroughAFrozenWeight() {
    SplittableRandom rng = new SplittableRandom(2);
    Tensor w = Tensor.normal(rng, 0f, 1f, 6, 4);
    Tensor frozen = Tensor.of(w.data().clone(), 6, 4).freeze();
    Tensor x1 = Tensor.normal(rng, 0f, 1f, 3, 4).requiresGrad(true);
    Tensor x2 = Tensor.of(x1.data().clone(), 3, 4).requiresGrad(true);
    x1.matmulT(w).sum().backward();
    x2.matmulT(frozen).sum().backward();
    assertArrayEquals(x1.grad().data(), x2.grad().data());
  }

  @Test
  void aFrozenTensorCannotBeTrainedAndOnlyAFrozenOneIsPacked() {
    Tensor w = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2).requiresGrad(true);
    IllegalStateException notFrozen = assertThrows(IllegalStateException.class,
        w::packedTranspose);
    assertTrue(notFrozen.getMessage().contains("not frozen"), notFrozen.getMessage());
    w.freeze();
    assertTrue(w.frozen());
    assertFalse(w.requiresGrad());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.requiresGrad(true));
    assertTrue(e.getMessage().contains("frozen"), e.getMessage());
  }

  @Test
  void aFrozenRecurrentLayerRunsBitIdenticallyOneStepOrMany() {
    for (CellKind cell : CellKind.values()) {
      Recurrent layer = new Recurrent(
          RecurrentSpec.of(cell, 24).withLayers(2).config(10), new SplittableRandom(3));
      SplittableRandom rng = new SplittableRandom(4);
      Tensor many = Tensor.normal(rng, 0f, 1f, 3, 7, 10);
      Tensor one = Tensor.normal(rng, 0f, 1f, 1, 1, 10);
      RecurrentOutput[] before = run(layer, many, one);
      layer.freeze();
      assertTrue(layer.parameters().values().stream().allMatch(Tensor::frozen));
      RecurrentOutput[] after = run(layer, many, one);
      for (int i = 0; i < before.length; i++) {
        assertArrayEquals(before[i].output().data(), after[i].output().data(), cell + " " + i);
        assertArrayEquals(before[i].state().h().data(), after[i].state().h().data(),
            cell + " " + i);
      }
    }
  }

  private static RecurrentOutput[] run(Recurrent layer, Tensor... inputs) {
    RecurrentOutput[] out = new RecurrentOutput[inputs.length];
    try (NoGrad scope = NoGrad.enter()) {
      for (int i = 0; i < inputs.length; i++) {
        out[i] = layer.forward(inputs[i]);
      }
    }
    return out;
  }
}
