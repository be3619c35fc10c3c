package org.rnn4j.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A kernel that the JIT compiles after the optimizers' updates have run keeps its vectors in
 * registers. The Vector API's shared methods carry type profiles of the vector classes that
 * passed through them; had the updates used a second float species (as an earlier version of
 * them did, to widen floats to doubles), the JIT would compile later kernels to box the vectors
 * they store: the LSTM cell of such a build allocated 9,216 bytes per 512-unit row in every fresh
 * JVM tried, this build none. The check runs in a fresh JVM, where no kernel has been compiled
 * before the updates run, with the JIT option the launcher sets ({@value #TRAP_LIMIT}).
 *
 * <p>Without that option about one fresh JVM in five boxed the same vectors whatever the updates
 * do: the JIT stops speculating on vector classes for the rest of a compilation once the trap
 * counts of the methods it has inlined add up to {@code PerMethodTrapLimit} (default 100), and
 * the LSTM cell inlines enough of the Vector API's methods to get there.
 */
class UnboxedAfterUpdatesTest {
  /** As bin/rnn4j passes it. */
  private static final String TRAP_LIMIT = "-XX:PerMethodTrapLimit=10000";

  @Test
  void theLstmCellCompiledAfterAdamAndSgdAllocatesNothing()
      throws IOException, InterruptedException {
    String output = ChildJvm.output(
        List.of("--add-modules=jdk.incubator.vector", TRAP_LIMIT), Probe.class, 120);
    assertTrue(output.contains("backend=vector"), output);
    assertTrue(output.contains("bytes per row=0\n"), output);
  }

  /**
   * Entry point of the child JVM: Adam (with and without AMSGrad) and SGD until the JIT has
   * compiled them, then the LSTM cell until a call allocates nothing, for at most 15 s.
   */
  static final class Probe {
    private static final int UNITS = 512;
    private static final int CALLS = 1000;

    private Probe() {}

    public static void main(String[] args) {
      runUpdates(new SplittableRandom(1));
      float[] preIh = new float[4 * UNITS];
      float[] hh = new float[4 * UNITS];
      SplittableRandom rng = new SplittableRandom(2);
      for (int k = 0; k < preIh.length; k++) {
        preIh[k] = (float) rng.nextGaussian();
        hh[k] = (float) rng.nextGaussian();
      }
      float[] bias = new float[4 * UNITS];
      float[] c = new float[2 * UNITS]; // c, then c'
      float[] saved = new float[5 * UNITS];
      float[] h = new float[UNITS];
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long thread = Thread.currentThread().getId();
      long perRow = -1;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (perRow != 0 && System.nanoTime() < deadline) {
        long before = threads.getThreadAllocatedBytes(thread);
        for (int call = 0; call < CALLS; call++) {
          Activations.lstmForward(preIh, 0, hh, 0, bias, bias, c, 0, UNITS, saved, 0, h, 0,
              UNITS);
        }
        perRow = (threads.getThreadAllocatedBytes(thread) - before) / CALLS;
      }
      System.out.println("backend=" + Gemm.backend() + "\nbytes per row=" + perRow);
    }

    private static void runUpdates(SplittableRandom rng) {
      int n = 4096;
      float[] theta = new float[n];
      float[] grad = new float[n];
      for (int k = 0; k < n; k++) {
        theta[k] = (float) rng.nextGaussian();
        grad[k] = (float) rng.nextGaussian();
      }
      float[] m = new float[n];
      float[] v = new float[n];
      float[] vMax = new float[n];
      Updates.AdamStep step = new Updates.AdamStep(0.9, 0.999, 1e-8, 1e-4, 1, 1e-3, 0.5);
      for (int r = 0; r < 2000; r++) {
        Updates.adam(theta, grad, m, v, r % 2 == 0 ? null : vMax, step, 0, n);
        Updates.sgd(theta, grad, 1e-3, 1e-4, 0, n);
      }
    }
  }
}
