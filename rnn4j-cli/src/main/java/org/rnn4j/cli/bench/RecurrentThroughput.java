package org.rnn4j.cli.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.rnn4j.kernel.Gemm;
import org.rnn4j.kernel.Parallelism;
import org.rnn4j.nn.recurrent.Recurrent;
import org.rnn4j.nn.recurrent.RecurrentOutput;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

/**
 * Config C5 of the peer benchmark (../shared/peers/README.md): one LSTM(1024 → 1024) over random
 * input, sequence 50, batch 64. Training step: forward, loss = Σ outputs, backward (gradients for
 * the input too, as for a stacked layer), plain SGD update. Forward step: under {@link NoGrad}.
 *
 * <pre>
 * FLOPs per token: forward 8·H·(I + H); forward + backward ≈ 3× that
 * </pre>
 * Prints JSON lines with the peer's fields and metric names: {@code train_tokens_per_s},
 * {@code fwd_tokens_per_s}.
 */
public final class RecurrentThroughput {
  static final int INPUT = 1024;
  static final int HIDDEN = 1024;
  static final int BATCH = 64;
  static final int STEPS = 50;
  static final float LEARNING_RATE = 1e-4f;
  private static final long WARMUP_NANOS = 2_000_000_000L;
  private static final long MIN_NANOS = 3_000_000_000L;
  private static final int MIN_STEPS = 5;

  private RecurrentThroughput() {}

  /**
   * Measures C5 at each thread count.
   *
   * @param threads thread counts, each at least 1
   * @param out where the JSON lines go
   */
  public static void runC5(List<Integer> threads, PrintStream out) {
    int saved = Parallelism.threads();
    try {
      for (int t : threads) {
        Parallelism.setThreads(t);
        measureC5(t, out);
      }
    } finally {
      Parallelism.setThreads(saved);
    }
  }

  private static void measureC5(int threads, PrintStream out) {
    SplittableRandom rng = new SplittableRandom(0);
    Recurrent lstm = Recurrent.lstm(INPUT, HIDDEN, rng);
    Tensor x = Tensor.normal(rng, 0f, 1f, BATCH, STEPS, INPUT).requiresGrad(true);
    double fwdFlopsPerToken = 8.0 * HIDDEN * (INPUT + HIDDEN);
    int tokens = BATCH * STEPS;

    long train = StepTimer.medianNanos(() -> trainStep(lstm, x), WARMUP_NANOS, MIN_STEPS,
        MIN_NANOS);
    out.println(json("train_tokens_per_s", tokens / (train / 1e9), threads,
        3 * fwdFlopsPerToken * tokens / train));
    long fwd = StepTimer.medianNanos(() -> {
      try (NoGrad scope = NoGrad.enter()) {
        lstm.forward(x);
      }
    }, WARMUP_NANOS, MIN_STEPS, MIN_NANOS);
    out.println(json("fwd_tokens_per_s", tokens / (fwd / 1e9), threads,
        fwdFlopsPerToken * tokens / fwd));
  }

  /** Forward, Σ outputs, backward, SGD. */
  private static void trainStep(Recurrent lstm, Tensor x) {
    lstm.zeroGrad();
    x.zeroGrad();
    RecurrentOutput out = lstm.forward(x);
    out.output().sum().backward();
    for (Tensor p : lstm.parameters().values()) {
      float[] w = p.data();
      float[] g = p.grad().data();
      for (int i = 0; i < w.length; i++) {
        w[i] -= LEARNING_RATE * g[i];
      }
    }
  }

  private static String json(String metric, double value, int threads, double gflops) {
    return String.format(Locale.ROOT,
        "{\"config\":\"C5\",\"metric\":\"%s\",\"unit\":\"tokens/s\",\"value\":%.1f,"
            + "\"threads\":%d,\"batch\":%d,\"seq\":%d,\"gflops\":%.1f,\"peer\":\"rnn4j\","
            + "\"backend\":\"%s\",\"java\":\"%s\"}",
        metric, value, threads, BATCH, STEPS, gflops, Gemm.backend(),
        System.getProperty("java.version"));
  }
}
