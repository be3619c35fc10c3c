package org.rnn4j.cli.bench;

import java.io.PrintWriter;
import java.util.SplittableRandom;
import org.rnn4j.nn.recurrent.Recurrent;
import org.rnn4j.nn.recurrent.RecurrentOutput;
import org.rnn4j.optim.Sgd;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

/**
 * Config C5, one large LSTM layer: {@link Recurrent#lstm} LSTM(1024 → 1024) over random input
 * x ~ N(0, 1) (B, T, I) = (64, 50, 1024) that requires a gradient (sizes from {@link LayerShape}).
 *
 * <pre>
 * training step: zero gradients (parameters and x); out = lstm(x); L = Σ out; backward
 *                (gradients for x too, as for a stacked layer); SGD step θ ← θ − 1e-4·g
 * forward step:  lstm(x) under NoGrad
 * FLOPs per token: forward F = 8·H·(I + H); training ≈ 3·F
 * </pre>
 * Metrics {@code train_tokens_per_s} and {@code fwd_tokens_per_s} (B·T tokens per step), with
 * {@code gflops} = F·B·T (×3 for training) / median step time.
 */
final class BigLstmThroughput {
  static final double LEARNING_RATE = 1e-4;
  private static final int LSTM_GATES = 4;

  private final Recurrent lstm;
  private final Tensor x; // (B, T, I)
  private final Sgd sgd;

  /**
   * Builds the layer and the input.
   *
   * @param shape the sizes
   * @param seed the seed of the weights and the input
   */
  BigLstmThroughput(LayerShape shape, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    this.lstm = Recurrent.lstm(shape.input(), shape.hidden(), rng);
    this.x = Tensor.normal(rng, 0f, 1f, shape.batch(), shape.steps(), shape.input())
        .requiresGrad(true);
    this.sgd = Sgd.of(lstm.parameters(), LEARNING_RATE);
  }

  /** Forward, Σ outputs, backward, SGD. */
  void trainStep() {
    sgd.zeroGrad();
    x.zeroGrad();
    RecurrentOutput out = lstm.forward(x);
    out.output().sum().backward();
    sgd.step();
  }

  /**
   * One forward step.
   *
   * @return outputs (B, T, H), without a graph
   */
  Tensor forwardStep() {
    try (NoGrad scope = NoGrad.enter()) {
      return lstm.forward(x).output();
    }
  }

  /**
   * Measures training, then the forward pass, and prints one line for each.
   *
   * @param shape the sizes
   * @param threads the kernel threads in use, for the lines
   * @param timer how to time the steps
   * @param out where the lines go
   */
  static void measure(LayerShape shape, int threads, StepTimer timer, PrintWriter out) {
    BigLstmThroughput c5 = new BigLstmThroughput(shape, 0);
    int tokens = shape.tokens();
    double flops = shape.forwardFlopsPerToken(LSTM_GATES) * tokens; // forward, per step
    StepTimes train = timer.time(c5::trainStep);
    BenchLine.rate("C5", "train_tokens_per_s", "tokens/s", tokens, train, threads)
        .with("batch", shape.batch()).with("seq", shape.steps())
        .with("gflops", 3 * flops / train.medianNanos()).print(out);
    StepTimes forward = timer.time(c5::forwardStep);
    BenchLine.rate("C5", "fwd_tokens_per_s", "tokens/s", tokens, forward, threads)
        .with("batch", shape.batch()).with("seq", shape.steps())
        .with("gflops", flops / forward.medianNanos()).print(out);
  }
}
