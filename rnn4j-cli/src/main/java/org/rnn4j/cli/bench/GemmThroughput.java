package org.rnn4j.cli.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.rnn4j.kernel.Gemm;
import org.rnn4j.kernel.GemmShape;
import org.rnn4j.kernel.PackedMatrix;
import org.rnn4j.kernel.Parallelism;

/**
 * A plain (non-JMH) GEMM throughput harness: {@code C(M, N) = A(M, K) · Wᵀ} with W stored as a
 * PyTorch Linear weight, (N, K), over the shapes of recurrent training and inference.
 *
 * <p>For each shape and thread count it warms up for {@value #WARMUP_NANOS} ns, then times single
 * calls until {@value #MEASURE_NANOS} ns have passed (at most {@value StepTimer#MAX_STEPS}
 * calls) and reports the median call as one JSON line:
 *
 * <pre>
 * {"config":"gemm","metric":"gflops","unit":"GFLOP/s","M":64,"K":256,"N":1024,"threads":1,
 *  "gflops":123.4,"value":123.4,"packed":true,"backend":"vector-avx512(16 floats)"}
 * </pre>
 */
public final class GemmThroughput {
  /** The benchmark shapes (M, K, N): recurrent steps, input projections, one large square. */
  public static final List<int[]> SHAPES = List.of(
      new int[] {32, 512, 2048},
      new int[] {64, 256, 1024},
      new int[] {64, 1024, 4096},
      new int[] {1, 512, 2048},
      new int[] {3200, 64, 2048},
      new int[] {2048, 2048, 2048});
  static final long WARMUP_NANOS = 500_000_000L;
  static final long MEASURE_NANOS = 1_000_000_000L;
  private static final int MIN_CALLS = 3;
  /** Warm up for 0.5 s, then time at least 3 calls and 1 s; the median call counts. */
  private static final StepTimer TIMER = new StepTimer(WARMUP_NANOS, MIN_CALLS, MEASURE_NANOS);

  private GemmThroughput() {}

  /**
   * Measures every shape at every thread count with the weight packed once, printing one JSON
   * line each. Restores {@link Parallelism#threads()} afterwards.
   *
   * @param threads thread counts to measure, each at least 1
   * @param out where the JSON lines go
   */
  public static void run(List<Integer> threads, PrintWriter out) {
    run(SHAPES, threads, true, out);
  }

  /**
   * Measures the given shapes (M, K, N) at every thread count, printing one JSON line each.
   *
   * @param shapes (M, K, N) triples
   * @param threads thread counts to measure, each at least 1
   * @param packed pack W once up front ({@code true}) or let every call pack it
   * @param out where the JSON lines go
   */
  public static void run(
      List<int[]> shapes, List<Integer> threads, boolean packed, PrintWriter out) {
    for (int[] shape : shapes) {
      ThreadCounts.forEach(threads, t -> {
        double gflops = measure(shape[0], shape[1], shape[2], packed);
        out.println(json(shape, t, gflops, packed));
        out.flush();
      });
    }
  }

  /** Median GFLOP/s of one product C(m, n) = A(m, k) · Wᵀ, W (n, k). */
  static double measure(int m, int k, int n, boolean packed) {
    SplittableRandom random = new SplittableRandom(42);
    float[] a = randomArray(random, m * k); // (M, K)
    float[] w = randomArray(random, n * k); // (N, K)
    float[] c = new float[m * n]; // (M, N)
    PackedMatrix wPacked = Gemm.pack(w, 0, k, n, true);
    GemmShape shape = new GemmShape(m, n, k, false, true);
    Runnable call = packed
        ? () -> Gemm.multiply(c, 0, a, 0, false, m, wPacked, false)
        : () -> Gemm.multiply(c, 0, a, 0, w, 0, shape, false);
    return 2.0 * m * n * k / TIMER.time(call).medianNanos();
  }

  private static String json(int[] shape, int threads, double gflops, boolean packed) {
    return String.format(Locale.ROOT,
        "{\"config\":\"gemm\",\"metric\":\"gflops\",\"unit\":\"GFLOP/s\",\"M\":%d,\"K\":%d,"
            + "\"N\":%d,\"threads\":%d,\"gflops\":%.1f,\"value\":%.1f,\"packed\":%b,"
            + "\"backend\":\"%s\"}",
        shape[0], shape[1], shape[2], threads, gflops, gflops, packed, Gemm.backend());
  }

  private static float[] randomArray(SplittableRandom random, int size) {
    float[] x = new float[size];
    for (int i = 0; i < size; i++) {
      x[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return x;
  }
}
