package org.rnn4j.cli.bench;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Collection;
import java.util.SplittableRandom;
import org.rnn4j.optim.Adam;
import org.rnn4j.optim.GradientClipping;
import org.rnn4j.task.lm.LanguageModel;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

/**
 * Config C1, character-language-model training and inference: a {@link LanguageModel}
 * Embedding(65, 64) → LSTM(64 → 512, 2 layers) → Linear(512, 65) (sizes from {@link C1Shape}) on
 * one fixed batch of random ids and targets in [0, V), ids (B, T) = (32, 100).
 *
 * <pre>
 * training step:  zero gradients; logits (B, T, V) = model(ids) from the zero state;
 *                 L = mean over all B·T tokens of softmax cross-entropy(logits, targets);
 *                 backward; clip the global gradient norm to 5; Adam (lr 2e-3) step
 * inference step: logits = model(ids) under NoGrad, the model frozen once trained
 *                 ({@link #freezeForInference})
 * FLOPs per token: forward F = {@link CharLmShape#forwardFlopsPerToken()}
 *                  (8·512·(64 + 512) + 8·512·(512 + 512) + 2·512·65); training ≈ 3·F
 * </pre>
 * Metrics {@code train_tokens_per_s} and {@code infer_tokens_per_s} (B·T tokens per step), with
 * {@code approx_gflops} = FLOPs per step / median step time.
 */
final class CharLmThroughput {
  static final double LEARNING_RATE = 2e-3;
  static final double MAX_NORM = 5.0;

  private final C1Shape shape;
  private final LanguageModel model;
  private final Collection<Tensor> parameters;
  private final Adam adam;
  private final int[] ids; // (B, T)
  private final int[] targets; // (B, T)
  private final int[] lengths; // (B) all T

  /**
   * Builds the model, its optimizer and the batch.
   *
   * @param shape the sizes
   * @param seed the seed of the weights and the batch
   */
  CharLmThroughput(C1Shape shape, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    this.shape = shape;
    this.model = new LanguageModel(shape.model().config(), rng);
    model.train(rng); // no dropout, so only the mode is PyTorch's default
    this.parameters = model.parameters().values();
    this.adam = Adam.of(model.parameters(), LEARNING_RATE);
    int v = shape.model().vocabulary();
    this.ids = rng.ints(shape.tokens(), 0, v).toArray();
    this.targets = rng.ints(shape.tokens(), 0, v).toArray();
    this.lengths = new int[shape.batch()];
    Arrays.fill(lengths, shape.steps());
  }

  /** The model, for tests. */
  LanguageModel model() {
    return model;
  }

  /**
   * What a training step saw.
   *
   * @param loss the mean cross-entropy before the update, nats per token
   * @param gradientNorm the global gradient norm before clipping
   */
  record TrainStep(float loss, double gradientNorm) {}

  /** One training step (see the class javadoc). */
  TrainStep trainStep() {
    adam.zeroGrad();
    Tensor loss = model.loss(ids, targets, lengths, model.zeroState(shape.batch())).value();
    loss.backward();
    double norm = GradientClipping.clipByGlobalNorm(parameters, MAX_NORM);
    adam.step();
    return new TrainStep(loss.item(), norm);
  }

  /**
   * Prepares the trained model for inference as rnn4j's inference classes prepare every model they
   * serve: evaluation mode and parameters frozen ({@link org.rnn4j.nn.Module#freeze}), so that each
   * product reuses one packing of its weight and the first layer reads its input projection from
   * the kept table E·W_ihᵀ. Results are the same as the unfrozen model's; the model cannot be
   * trained afterwards.
   */
  void freezeForInference() {
    model.eval();
    model.freeze();
  }

  /**
   * One inference step.
   *
   * @return logits (B, T, V), without a graph
   */
  Tensor inferStep() {
    try (NoGrad scope = NoGrad.enter()) {
      return model.forward(ids, lengths, model.zeroState(shape.batch())).logits();
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
  static void measure(C1Shape shape, int threads, StepTimer timer, PrintWriter out) {
    CharLmThroughput c1 = new CharLmThroughput(shape, 0);
    int tokens = shape.tokens();
    double flops = shape.model().forwardFlopsPerToken() * tokens; // forward, per step
    StepTimes train = timer.time(c1::trainStep);
    BenchLine.rate("C1", "train_tokens_per_s", "tokens/s", tokens, train, threads)
        .with("batch", shape.batch()).with("seq", shape.steps())
        .with("approx_gflops", 3 * flops / train.medianNanos()).print(out);
    c1.freezeForInference();
    StepTimes infer = timer.time(c1::inferStep);
    BenchLine.rate("C1", "infer_tokens_per_s", "tokens/s", tokens, infer, threads)
        .with("batch", shape.batch()).with("seq", shape.steps())
        .with("approx_gflops", flops / infer.medianNanos()).print(out);
  }
}
