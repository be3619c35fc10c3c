package org.rnn4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A kernel that the JIT compiles after the optimizers' updates have run keeps its vectors in
 * registers. The Vector API's shared methods carry type profiles of the vector classes that
 * passed through them; had the updates used a second float species (as an earlier version of
 * them did, to widen floats to doubles), the JIT would compile later kernels to box every vector
 * they hand between its methods. The LSTM cell of such a build allocated 9,216 bytes per
 * 512-unit row; with the updates on the kernels' own species, none. The check runs in a fresh
 * JVM, where no kernel has been compiled before the updates run.
 */
class UnboxedAfterUpdatesTest {

  @Test
  void theLstmCellCompiledAfterAdamAndSgdAllocatesNothing()
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "--add-modules=jdk.incubator.vector",
            "-cp", System.getProperty("java.class.path"), Probe.class.getName()))
        .redirectErrorStream(true)
        .start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "child JVM timed out");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("backend=vector"), output);
    assertTrue(output.contains("bytes per row=0\n"), output);
  }

  /**
   * Entry point of the child JVM: Adam (with and without AMSGrad) and SGD until the JIT has
   * compiled them, then the LSTM cell until a call allocates nothing, for at most 30 s.
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
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
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
