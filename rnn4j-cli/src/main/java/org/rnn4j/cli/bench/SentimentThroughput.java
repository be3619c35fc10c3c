package org.rnn4j.cli.bench;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.rnn4j.data.PaddedIds;
import org.rnn4j.loss.CrossEntropy;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.optim.Adam;
import org.rnn4j.optim.AdamConfig;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.classify.ClassifierConfig;
import org.rnn4j.task.classify.ClassifierInput;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

/**
 * Config C2, sentiment classification (many-to-one): a {@link Classifier} Embedding(20000, 128) →
 * GRU(128 → 256) → last state → Linear(256, 2) (sizes from {@link C2Shape}) on one fixed batch
 * of random ids (B, T) = (64, 200), all of full length, and random labels in [0, C).
 *
 * <pre>
 * training step:  zero gradients; logits (B, C) = model(ids);
 *                 L = mean over the B sequences of softmax cross-entropy(logits, labels);
 *                 backward; Adam step (PyTorch's defaults, lr 1e-3); no clipping
 * inference step: logits = model(ids) under NoGrad, the model frozen once trained
 *                 ({@link #freezeForInference})
 * FLOPs per token: forward F = 6·H·(E + H) = 6·256·(128 + 256); training ≈ 3·F
 * </pre>
 * Metrics {@code train_seqs_per_s} and {@code infer_seqs_per_s} (B sequences per step), with
 * {@code tokens_per_s} and {@code approx_gflops} = F·B·T (×3 for training) / median step time.
 */
final class SentimentThroughput {
  private final Classifier model;
  private final Adam adam;
  private final PaddedIds inputs; // (B, T)
  private final int[] labels; // (B)

  /**
   * Builds the model, its optimizer and the batch.
   *
   * @param shape the sizes
   * @param seed the seed of the weights and the batch
   */
  SentimentThroughput(C2Shape shape, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<String> classNames = IntStream.range(0, shape.classes()).mapToObj(String::valueOf)
        .toList();
    ClassifierConfig config = ClassifierConfig.of(
        ClassifierInput.tokens(shape.vocabulary(), shape.embedding()),
        RecurrentSpec.of(CellKind.GRU, shape.hidden()), classNames);
    this.model = new Classifier(config, rng);
    model.train(rng); // no dropout, so only the mode is PyTorch's default
    this.adam = new Adam(model.parameters(), AdamConfig.defaults());
    int[] lengths = new int[shape.batch()];
    Arrays.fill(lengths, shape.steps());
    this.inputs = new PaddedIds(rng.ints(shape.tokens(), 0, shape.vocabulary()).toArray(),
        shape.batch(), shape.steps(), lengths, 0);
    this.labels = rng.ints(shape.batch(), 0, shape.classes()).toArray();
  }

  /** The model, for tests. */
  Classifier model() {
    return model;
  }

  /**
   * One training step (see the class javadoc).
   *
   * @return the mean cross-entropy before the update
   */
  float trainStep() {
    adam.zeroGrad();
    Tensor loss = CrossEntropy.loss(model.forward(inputs), labels, CrossEntropy.Options.DEFAULT);
    loss.backward();
    adam.step();
    return loss.item();
  }

  /**
   * Prepares the trained model for inference as rnn4j's inference classes prepare every model they
   * serve: evaluation mode and parameters frozen ({@link org.rnn4j.nn.Module#freeze}), so that each
   * product reuses one packing of its weight and the GRU reads its input projection from the kept
   * table E·W_ihᵀ. Results are the same as the unfrozen model's; the model cannot be trained
   * afterwards.
   */
  void freezeForInference() {
    model.eval();
    model.freeze();
  }

  /**
   * One inference step.
   *
   * @return logits (B, C), without a graph
   */
  Tensor inferStep() {
    try (NoGrad scope = NoGrad.enter()) {
      return model.forward(inputs);
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
  static void measure(C2Shape shape, int threads, StepTimer timer, PrintWriter out) {
    SentimentThroughput c2 = new SentimentThroughput(shape, 0);
    int tokens = shape.tokens();
    double flops = shape.forwardFlopsPerToken() * tokens; // forward, per step
    StepTimes train = timer.time(c2::trainStep);
    BenchLine.rate("C2", "train_seqs_per_s", "sequences/s", shape.batch(), train, threads)
        .with("batch", shape.batch()).with("seq", shape.steps())
        .with("tokens_per_s", train.rate(tokens))
        .with("approx_gflops", 3 * flops / train.medianNanos()).print(out);
    c2.freezeForInference();
    StepTimes infer = timer.time(c2::inferStep);
    BenchLine.rate("C2", "infer_seqs_per_s", "sequences/s", shape.batch(), infer, threads)
        .with("batch", shape.batch()).with("seq", shape.steps())
        .with("tokens_per_s", infer.rate(tokens))
        .with("approx_gflops", flops / infer.medianNanos()).print(out);
  }
}
