package org.rnn4j.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rnn4j.kernel.Gemm;
import org.rnn4j.kernel.GemmShape;
import org.rnn4j.kernel.PackedMatrix;
import org.rnn4j.kernel.Parallelism;

/**
 * GEMM throughput on the shapes of recurrent layers: {@code C(M, N) = A(M, K) · op(W)}, where W is
 * stored as PyTorch stores a Linear weight, (N, K), so op(W) = Wᵀ ({@code transB = true}); the
 * {@code transB = false} variant stores W as (K, N).
 *
 * <pre>
 * (32, 512, 2048), (64, 256, 1024), (64, 1024, 4096)  recurrent steps: batch × hidden × 4·hidden
 * (1, 512, 2048)                                      one sequence at a time (inference)
 * (3200, 64, 2048)                                    input projection of all time steps at once
 * (2048, 2048, 2048)                                  large square, for comparison with BLAS
 * </pre>
 *
 * <p>{@code packed = true} packs W once in setup (as a recurrent layer does with W_hh); {@code
 * false} packs it inside every call. JMH reports calls per second for {@code multiply} and
 * GFLOP/s for its {@code gflop} counter. Run:
 *
 * <pre>
 * java --add-modules=jdk.incubator.vector -jar rnn4j-bench/target/benchmarks.jar GemmBenchmark \
 *     -p shape=64x256x1024 -p threads=1
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:PerMethodTrapLimit=10000"})
@State(Scope.Benchmark)
public class GemmBenchmark {
  /** M×K×N. */
  @Param({"32x512x2048", "64x256x1024", "64x1024x4096", "1x512x2048", "3200x64x2048",
      "2048x2048x2048"})
  public String shape;

  @Param({"1", "2"})
  public int threads;

  @Param({"true", "false"})
  public boolean packed;

  @Param({"true"})
  public boolean transB;

  private int m;
  private int k;
  private int n;
  private float[] a; // (M, K)
  private float[] w; // (N, K) when transB, else (K, N)
  private float[] c; // (M, N)
  private PackedMatrix wPacked;
  private GemmShape gemmShape;
  private int savedThreads;

  /** GFLOP done, reported by JMH per second: GFLOP/s. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Flops {
    public double gflop;

    @Setup(Level.Iteration)
    public void reset() {
      gflop = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    String[] mkn = shape.split("x");
    m = Integer.parseInt(mkn[0]);
    k = Integer.parseInt(mkn[1]);
    n = Integer.parseInt(mkn[2]);
    SplittableRandom random = new SplittableRandom(42);
    a = randomArray(random, m * k);
    w = randomArray(random, n * k);
    c = new float[m * n];
    wPacked = Gemm.pack(w, 0, k, n, transB);
    gemmShape = new GemmShape(m, n, k, false, transB);
    savedThreads = Parallelism.threads();
    Parallelism.setThreads(threads);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    Parallelism.setThreads(savedThreads);
  }

  @Benchmark
  public float[] multiply(Flops flops) {
    if (packed) {
      Gemm.multiply(c, 0, a, 0, false, m, wPacked, false);
    } else {
      Gemm.multiply(c, 0, a, 0, w, 0, gemmShape, false);
    }
    flops.gflop += 2e-9 * m * n * k;
    return c;
  }

  private static float[] randomArray(SplittableRandom random, int size) {
    float[] x = new float[size];
    for (int i = 0; i < size; i++) {
      x[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return x;
  }
}
