package org.rnn4j.cli.bench;

import java.io.PrintWriter;
import java.util.SplittableRandom;
import org.rnn4j.decode.GenerationConfig;
import org.rnn4j.decode.Generator;
import org.rnn4j.decode.Sampler;
import org.rnn4j.task.lm.LanguageModel;

/**
 * Config C4, generation: C1's {@link LanguageModel} (sizes from {@link C4Shape}) in evaluation
 * mode and frozen for inference ({@link LanguageModel#freeze}, as the inference classes and the
 * command line prepare a loaded model, the counterpart of PyTorch's {@code eval()} under {@code
 * no_grad}) samples 2000 characters at batch 1 through {@link LanguageModel#generate} ({@link
 * Generator}), the path every user's generation takes.
 *
 * <pre>
 * run:  feed token 0 from the zero state; then 2000 times: draw y ~ softmax(logits / 1) (full
 *       softmax, temperature 1, no stop token), feed y, the hidden and cell states carried
 *       (2000 forward calls of one token and 2000 draws per run, as the peer's loop)
 * timing: warm-up generations of {@value #WARMUP_CHARS} characters for the timer's warm-up time
 *       (the JIT compiler needs seconds, the peer one such generation), then 3 timed runs
 * </pre>
 * Metric {@code gen_chars_per_s}: characters per run / median run time, with {@code
 * us_per_char_median}.
 */
final class GenerationThroughput {
  static final int START_ID = 0;
  static final double TEMPERATURE = 1.0;
  static final int WARMUP_CHARS = 200;

  private final LanguageModel model;
  private final SplittableRandom draws;

  /**
   * Builds the model in evaluation mode, frozen.
   *
   * @param shape the sizes
   * @param seed the seed of the weights and of the draws
   */
  GenerationThroughput(C4Shape shape, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    this.model = new LanguageModel(shape.model().config(), rng);
    model.eval();
    model.freeze();
    this.draws = rng.split();
  }

  /**
   * Generates one sequence from the start token.
   *
   * @param chars how many tokens, ≥ 1
   * @return the generated ids (exactly {@code chars}: there is no stop token)
   */
  int[] generate(int chars) {
    GenerationConfig config = GenerationConfig.of(chars, Sampler.temperature(TEMPERATURE));
    return model.generate(new int[] {START_ID}, config, draws);
  }

  /**
   * Warms up, times the runs and prints one line.
   *
   * @param shape the sizes
   * @param threads the kernel threads in use, for the line
   * @param timer its warm-up time is used; the runs are counted, not timed to a minimum
   * @param out where the line goes
   * @throws IllegalStateException if a run generates another number of tokens than asked for
   */
  static void measure(C4Shape shape, int threads, StepTimer timer, PrintWriter out) {
    GenerationThroughput c4 = new GenerationThroughput(shape, 0);
    long start = System.nanoTime();
    do {
      c4.generate(WARMUP_CHARS);
    } while (System.nanoTime() - start < timer.warmupNanos());
    long[] nanos = new long[shape.runs()];
    for (int r = 0; r < nanos.length; r++) {
      long t0 = System.nanoTime();
      int[] ids = c4.generate(shape.chars());
      nanos[r] = System.nanoTime() - t0;
      if (ids.length != shape.chars()) {
        throw new IllegalStateException("generation run " + r + " must give " + shape.chars()
            + " tokens, got " + ids.length);
      }
    }
    StepTimes runs = StepTimes.of(nanos, nanos.length);
    BenchLine.rate("C4", "gen_chars_per_s", "chars/s", shape.chars(), runs, threads)
        .with("batch", 1).with("chars_per_run", shape.chars()).with("runs", shape.runs())
        .with("us_per_char_median", runs.medianNanos() / 1e3 / shape.chars()).print(out);
  }
}
