package org.rnn4j.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rnn4j.kernel.Parallelism;
import org.rnn4j.nn.recurrent.Recurrent;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

/**
 * Config C5 of the peer benchmark: LSTM(1024 → 1024), sequence 50, batch 64, random input.
 * {@code forward} runs without a graph; {@code forwardBackward} runs forward, loss = Σ outputs,
 * and backward with gradients for the input (as a stacked layer needs). One call is 3,200 tokens,
 * so tokens/s = 3200 × the reported calls/s. Run:
 *
 * <pre>
 * java --add-modules=jdk.incubator.vector -jar rnn4j-bench/target/benchmarks.jar LstmBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:PerMethodTrapLimit=10000"})
@State(Scope.Benchmark)
public class LstmBenchmark {
  @Param({"1", "2"})
  public int threads;

  private Recurrent lstm;
  private Tensor x; // (B, T, I) = (64, 50, 1024)
  private int savedThreads;

  @Setup
  public void setUp() {
    savedThreads = Parallelism.threads();
    Parallelism.setThreads(threads);
    SplittableRandom rng = new SplittableRandom(0);
    lstm = Recurrent.lstm(1024, 1024, rng);
    x = Tensor.normal(rng, 0f, 1f, 64, 50, 1024).requiresGrad(true);
  }

  @TearDown
  public void tearDown() {
    Parallelism.setThreads(savedThreads);
  }

  @Benchmark
  public Tensor forward() {
    try (NoGrad scope = NoGrad.enter()) {
      return lstm.forward(x).output();
    }
  }

  @Benchmark
  public Tensor forwardBackward() {
    lstm.zeroGrad();
    x.zeroGrad();
    lstm.forward(x).output().sum().backward();
    return x.grad();
  }
}
