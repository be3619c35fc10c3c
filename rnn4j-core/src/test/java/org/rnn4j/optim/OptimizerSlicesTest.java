package org.rnn4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.rnn4j.kernel.Parallelism;
import org.rnn4j.tensor.Tensor;

/**
 * Parameters above {@link AbstractOptimizer#PARALLEL_MIN_ELEMENTS} are updated in slices on
 * several threads; the result must be bit for bit that of one thread, for every optimizer and
 * its options (Adam with L2 decay and AMSGrad, AdamW, SGD plain, with momentum and with Nesterov
 * momentum and decay, RMSprop centered with momentum), and for sizes that do not split evenly.
 */
class OptimizerSlicesTest {

  @Test
  void slicedUpdatesEqualOneThreadBitForBit() {
    int large = AbstractOptimizer.PARALLEL_MIN_ELEMENTS * 3 + 7;
    assertTrue(large % 2 == 1 && large % 3 != 0);
    List<Function<Map<String, Tensor>, Optimizer>> factories = List.of(
        p -> new Adam(p, AdamConfig.defaults().withLearningRate(0.01).withAmsgrad(true)
            .withWeightDecay(0.1)),
        p -> new AdamW(p, AdamW.defaults().withLearningRate(0.01)),
        p -> Sgd.of(p, 0.1),
        p -> new Sgd(p, new SgdConfig(0.1, 0.9, 0.1, false, 0)),
        p -> new Sgd(p, new SgdConfig(0.1, 0.9, 0, true, 0.01)),
        p -> new RmsProp(p, RmsPropConfig.defaults().withCentered(true).withMomentum(0.9)
            .withWeightDecay(0.01)));
    int saved = Parallelism.threads();
    try {
      for (Function<Map<String, Tensor>, Optimizer> factory : factories) {
        float[][] one = run(factory, large, 1);
        for (int threads : new int[] {2, 3}) {
          float[][] many = run(factory, large, threads);
          for (int i = 0; i < one.length; i++) {
            assertArrayEquals(one[i], many[i], threads + " threads, parameter " + i);
          }
        }
      }
    } finally {
      Parallelism.setThreads(saved);
    }
  }

  /** Five steps on a large and a small parameter with seeded gradients; their final values. */
  private static float[][] run(Function<Map<String, Tensor>, Optimizer> factory, int large,
      int threads) {
    Parallelism.setThreads(threads);
    SplittableRandom rng = new SplittableRandom(7);
    Map<String, Tensor> p = new LinkedHashMap<>();
    p.put("large", Tensor.normal(rng, 0f, 1f, large));
    p.put("small", Tensor.normal(rng, 0f, 1f, 5, 3));
    Optimizer optimizer = factory.apply(p);
    for (int step = 0; step < 5; step++) {
      SplittableRandom g = new SplittableRandom(100 + step);
      for (Tensor t : p.values()) {
        Grads.set(t, Tensor.normal(g, 0f, 1f, t.shape()).data());
      }
      optimizer.step();
    }
    return p.values().stream().map(t -> t.data().clone()).toArray(float[][]::new);
  }
}
