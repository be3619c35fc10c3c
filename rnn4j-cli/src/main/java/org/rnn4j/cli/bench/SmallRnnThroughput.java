package org.rnn4j.cli.bench;

import java.io.PrintWriter;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.rnn4j.loss.ElementwiseLoss;
import org.rnn4j.nn.CompositeModule;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.recurrent.Recurrent;
import org.rnn4j.optim.Sgd;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

/**
 * Config C3, many-to-many regression with a vanilla RNN: {@link Recurrent#rnn} RNN(32 → 128,
 * tanh) → {@link Linear}(128, 1) at every step (sizes from {@link LayerShape}) on one fixed batch,
 * x ~ N(0, 1) (B, T, I) = (64, 50, 32) and targets y ~ N(0, 1) (B, T, 1).
 *
 * <pre>
 * training step:  zero gradients; ŷ (B, T, 1) = fc(rnn(x)) from the zero state;
 *                 L = mean over the B·T elements of (ŷ − y)²; backward; SGD (lr 0.01) step
 * inference step: ŷ = fc(rnn(x)) under NoGrad, the model frozen once trained
 *                 ({@link #freezeForInference})
 * FLOPs per token: forward 2·H·(I + H) + 2·H (not reported, as the peer reports none)
 * </pre>
 * Metrics {@code train_seqs_per_s} and {@code infer_seqs_per_s} (B sequences per step), with
 * {@code tokens_per_s}.
 */
final class SmallRnnThroughput {
  static final double LEARNING_RATE = 0.01;

  private final RnnRegression model;
  private final Sgd sgd;
  private final Tensor x; // (B, T, I)
  private final float[] y; // (B, T, 1)

  /** rnn → fc at every step, with PyTorch's parameter names {@code rnn.*} and {@code fc.*}. */
  static final class RnnRegression extends CompositeModule {
    private final Recurrent rnn;
    private final Linear fc;

    RnnRegression(int inputSize, int hiddenSize, RandomGenerator rng) {
      this.rnn = register("rnn", Recurrent.rnn(inputSize, hiddenSize, rng));
      this.fc = register("fc", new Linear(hiddenSize, 1, rng));
    }

    /**
     * @param x (B, T, I)
     * @return (B, T, 1)
     */
    Tensor forward(Tensor x) {
      return fc.forward(rnn.forward(x).output());
    }
  }

  /**
   * Builds the model, its optimizer and the batch.
   *
   * @param shape the sizes
   * @param seed the seed of the weights and the batch
   */
  SmallRnnThroughput(LayerShape shape, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    this.model = new RnnRegression(shape.input(), shape.hidden(), rng);
    this.sgd = Sgd.of(model.parameters(), LEARNING_RATE);
    this.x = Tensor.normal(rng, 0f, 1f, shape.batch(), shape.steps(), shape.input());
    this.y = Tensor.normal(rng, 0f, 1f, shape.batch(), shape.steps(), 1).data();
  }

  /** The model, for tests. */
  RnnRegression model() {
    return model;
  }

  /**
   * One training step (see the class javadoc).
   *
   * @return the mean squared error before the update
   */
  float trainStep() {
    sgd.zeroGrad();
    Tensor loss = ElementwiseLoss.mse(model.forward(x), y, null);
    loss.backward();
    sgd.step();
    return loss.item();
  }

  /**
   * Prepares the trained model for inference as rnn4j's inference classes prepare every model
   * they serve: evaluation mode and parameters frozen ({@link org.rnn4j.nn.Module#freeze}), so
   * that each product reuses one packing of its weight. Results are the same as the unfrozen
   * model's; the model cannot be trained afterwards.
   */
  void freezeForInference() {
    model.eval();
    model.freeze();
  }

  /**
   * One inference step.
   *
   * @return predictions (B, T, 1), without a graph
   */
  Tensor inferStep() {
    try (NoGrad scope = NoGrad.enter()) {
      return model.forward(x);
    }
  }

  /**
   * Measures training, then inference, and prints one line for each.
   *
   * @param shape the sizes
   * @param threads the kernel threads in use, for the lines
   * @param timer how to time the steps
   * @param out where the lines go
   */
  static void measure(LayerShape shape, int threads, StepTimer timer, PrintWriter out) {
    SmallRnnThroughput c3 = new SmallRnnThroughput(shape, 0);
    StepTimes train = timer.time(c3::trainStep);
    BenchLine.rate("C3", "train_seqs_per_s", "sequences/s", shape.batch(), train, threads)
        .with("batch", shape.batch()).with("seq", shape.steps())
        .with("tokens_per_s", train.rate(shape.tokens())).print(out);
    c3.freezeForInference();
    StepTimes infer = timer.time(c3::inferStep);
    BenchLine.rate("C3", "infer_seqs_per_s", "sequences/s", shape.batch(), infer, threads)
        .with("batch", shape.batch()).with("seq", shape.steps())
        .with("tokens_per_s", infer.rate(shape.tokens())).print(out);
  }
}
