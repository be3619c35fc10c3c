package org.rnn4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.Recurrent;
import org.rnn4j.nn.recurrent.RecurrentConfig;
import org.rnn4j.tensor.Tensor;

class ModuleTest {

  /** embedding → rnn (2 layers, dropout between) → dropout → fc, as the task models nest. */
  private static final class Tree extends CompositeModule {
    final Embedding embedding = register("embedding", new Embedding(7, 3, new SplittableRandom(1)));
    final Recurrent rnn = register("rnn", new Recurrent(RecurrentConfig.builder(CellKind.GRU, 3, 4)
        .layers(2).dropout(0.5f).build(), new SplittableRandom(2)));
    final Dropout dropout = register("dropout", new Dropout(0.5f));
    final Linear fc = register("fc", new Linear(4, 2, new SplittableRandom(3)));

    void registerAgain() {
      register("fc", new Linear(4, 2, new SplittableRandom(3)));
    }

    Tensor forward(int[] ids) {
      Tensor x = embedding.forward(ids, 1, ids.length);
      return fc.forward(dropout.forward(rnn.forward(x, new int[] {ids.length}).output()));
    }
  }

  @Test
  void parametersRecurseUnderDottedNamesInRegistrationOrder() {
    Tree tree = new Tree();
    Map<String, Tensor> p = tree.parameters();
    assertEquals(List.of("embedding.weight", "rnn.weight_ih_l0", "rnn.weight_hh_l0",
        "rnn.bias_ih_l0", "rnn.bias_hh_l0", "rnn.weight_ih_l1", "rnn.weight_hh_l1",
        "rnn.bias_ih_l1", "rnn.bias_hh_l1", "fc.weight", "fc.bias"), List.copyOf(p.keySet()));
    assertSame(tree.fc.ownParameters().get("weight"), p.get("fc.weight"));
    assertEquals(tree.parameters().values().stream().mapToLong(Tensor::size).sum(),
        tree.parameterCount());
  }

  @Test
  void trainAndEvalReachEveryDescendant() {
    Tree tree = new Tree();
    int[] ids = {1, 4, 2, 6, 3};
    float[] eval = tree.forward(ids).data();
    tree.train(new SplittableRandom(9));
    float[] trained = tree.forward(ids).data();
    assertThrows(AssertionError.class, () -> assertArrayEquals(eval, trained, 0f),
        "dropout in the rnn and in the Dropout child changes the output while training");
    tree.eval();
    assertArrayEquals(eval, tree.forward(ids).data(), 0f);
  }

  @Test
  void dropoutScalesWhatItKeepsAndPassesEverythingInEvaluation() {
    Dropout d = new Dropout(0.25f);
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 8);
    assertSame(x, d.forward(x));
    d.train(new SplittableRandom(4));
    float[] y = d.forward(x).data();
    for (int i = 0; i < y.length; i++) {
      assertEquals(y[i] == 0f ? 0f : x.data()[i] / 0.75f, y[i], 1e-6f);
    }
    assertThrows(IllegalArgumentException.class, () -> new Dropout(1f));
  }

  @Test
  void aChildNameIsRegisteredOnce() {
    assertThrows(IllegalStateException.class, new Tree()::registerAgain);
  }

  @Test
  void twoParametersWithOneNameAreRefused() {
    Linear shared = new Linear(2, 2, new SplittableRandom(1));
    Module clash = new Module() {
      @Override
      public Map<String, Tensor> ownParameters() {
        return Map.of("fc.weight", shared.ownParameters().get("weight"));
      }

      @Override
      public Map<String, Module> children() {
        return Map.of("fc", shared);
      }
    };
    assertThrows(IllegalStateException.class, clash::parameters);
  }
}
