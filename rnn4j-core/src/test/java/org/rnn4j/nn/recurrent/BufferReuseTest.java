package org.rnn4j.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

/** Layer calls reuse the buffers of earlier ones: results must not notice. */
class BufferReuseTest {

  /**
   * A call with padded sequences, run on a thread whose buffers were used (dirtied) by an earlier
   * call of the same sizes, gives the same outputs and gradients, bit for bit, as on a fresh
   * thread.
   */
  @Test
  void aCallOnReusedBuffersMatchesOneOnFreshBuffers() throws Exception {
    for (CellKind cell : CellKind.values()) {
      List<float[]> fresh = onNewThread(() -> gradients(cell, new int[] {5, 2, 0, 4}));
      List<float[]> reused = onNewThread(() -> {
        gradients(cell, new int[] {5, 5, 5, 5}); // fills every buffer with non-zero values
        return gradients(cell, new int[] {5, 2, 0, 4});
      });
      for (int i = 0; i < fresh.size(); i++) {
        assertArrayEquals(fresh.get(i), reused.get(i), cell + " array " + i);
      }
    }
  }

  /**
   * Without a graph, the outputs of every layer but the last go back to the pool as soon as the
   * next layer has read them, and serve the next call: the outputs a call returned must not
   * change when later calls reuse those buffers, and equal those computed with a graph.
   */
  @Test
  void inferenceGivesBackTheLowerLayersOutputsButNotTheResult() {
    for (CellKind cell : CellKind.values()) {
      Recurrent layer = layer(cell);
      Tensor x1 = Tensor.normal(new SplittableRandom(5), 0f, 1f, 4, 5, 4);
      Tensor x2 = Tensor.normal(new SplittableRandom(6), 0f, 1f, 4, 5, 4);
      int[] lengths = {5, 2, 0, 4};
      float[] withGraph = layer.forward(x1, lengths).output().data().clone();
      RecurrentOutput first;
      try (NoGrad scope = NoGrad.enter()) {
        first = layer.forward(x1, lengths);
        float[] kept = first.output().data().clone();
        float[] keptH = first.state().h().data().clone();
        for (int i = 0; i < 3; i++) {
          layer.forward(i % 2 == 0 ? x2 : x1, lengths);
        }
        assertArrayEquals(kept, first.output().data(), cell + ": a later call changed it");
        assertArrayEquals(keptH, first.state().h().data(), cell + ": final h");
        assertArrayEquals(withGraph, layer.forward(x1, lengths).output().data(), cell.name());
      }
    }
  }

  @Test
  void aSecondBackwardThroughOneCallIsRefusedClearly() {
    Recurrent layer = layer(CellKind.LSTM);
    Tensor x = Tensor.normal(new SplittableRandom(1), 0f, 1f, 2, 3, 4).requiresGrad(true);
    Tensor loss = layer.forward(x).output().sum();
    loss.backward();
    IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
    assertTrue(e.getMessage().contains("run the forward pass again"), e.getMessage());
  }

  private static Recurrent layer(CellKind cell) {
    return new Recurrent(RecurrentSpec.of(cell, 6).withLayers(2).withBidirectional(true)
        .config(4), new SplittableRandom(7));
  }

  /** Outputs, input gradient and weight gradients of one forward and backward pass. */
  private static List<float[]> gradients(CellKind cell, int[] lengths) {
    Recurrent layer = layer(cell);
    Tensor x = Tensor.normal(new SplittableRandom(3), 0f, 1f, 4, 5, 4).requiresGrad(true);
    RecurrentOutput out = layer.forward(x, lengths);
    out.output().mul(out.output()).sum().add(out.state().h().sum()).backward();
    List<float[]> all = new ArrayList<>(List.of(out.output().data(), x.grad().data()));
    layer.parameters().values().forEach(p -> all.add(p.grad().data()));
    return all;
  }

  private static <T> T onNewThread(java.util.function.Supplier<T> work) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    Thread t = new Thread(() -> result.set(work.get()));
    t.start();
    t.join();
    return result.get();
  }
}
