package org.rnn4j.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.rnn4j.data.Split;
import org.rnn4j.datasets.Dinosaurs;
import org.rnn4j.decode.GenerationConfig;
import org.rnn4j.decode.Sampler;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.lm.LanguageModel;
import org.rnn4j.task.lm.LanguageModelConfig;
import org.rnn4j.task.lm.LanguageModelData;
import org.rnn4j.task.lm.LanguageModelObjective;
import org.rnn4j.text.CharTokenizer;
import org.rnn4j.text.TextCodec;
import org.rnn4j.train.EarlyStopping;
import org.rnn4j.train.TrainingRecipe;
import org.rnn4j.train.TrainingResult;

/**
 * The default demo: a character-level LSTM language model learns the 1,325 dinosaur names (npm
 * {@code dinosaurs@1.2.1}, WTFPL), then invents new ones, one character at a time. Its validation
 * perplexity is printed beside a unigram model's (character frequencies with add-one smoothing),
 * the baseline a sequence model has to beat.
 */
public final class DinosaursDemo {
  private static final int EPOCHS = 20;
  private static final int PATIENCE = 3;
  private static final int SAMPLES = 10;

  private final long seed;
  private final DemoProgress progress;

  public DinosaursDemo(long seed) {
    this(seed, DemoProgress.BAR);
  }

  /**
   * @param seed seeds everything random
   * @param progress a progress bar or none
   */
  public DinosaursDemo(long seed, DemoProgress progress) {
    this.seed = seed;
    this.progress = progress;
  }

  /** Trains, reports and samples. */
  public void run(PrintWriter out) throws IOException {
    List<String> names = Dinosaurs.load();
    Split<String> split = Split.random(names, 0.1, 0, new SplittableRandom(seed));
    TextCodec codec = TextCodec.fit(new CharTokenizer(), split.train());
    LanguageModel lm = new LanguageModel(new LanguageModelConfig(codec.vocabulary().size(), 32,
        RecurrentSpec.of(CellKind.LSTM, 128)), new SplittableRandom(seed));
    out.printf(Locale.ROOT, "Dinosaur names: %,d for training, %,d held out; %d characters;"
            + " a character-level LSTM with %,d parameters.%n", split.train().size(),
        split.validation().size(), codec.vocabulary().size() - 4, lm.parameterCount());
    out.flush();
    TrainingResult r = TrainingRecipe.of(EPOCHS, seed).withLearningRate(0.01)
        .withEarlyStopping(EarlyStopping.onLoss(PATIENCE))
        .withListeners(progress.listeners())
        .fit(new LanguageModelObjective(lm), LanguageModelData.batches(split.train(), codec, 32),
            Optional.of(LanguageModelData.batches(split.validation(), codec, 64)));
    double model = Math.exp(r.best().orElse(r.lastValidation()).get("loss"));
    double unigram = UnigramBaseline.perplexity(codec, split.train(), split.validation());
    out.printf(Locale.ROOT, "validation perplexity: LSTM %.2f, unigram baseline %.2f"
        + " (per character, end of name included)%n", model, unigram);
    Set<String> known = new HashSet<>(names);
    GenerationConfig config = GenerationConfig.of(40, Sampler.temperature(0.8))
        .stoppingAt(codec.vocabulary().eosId());
    SplittableRandom rng = new SplittableRandom(seed + 1);
    lm.eval();
    out.println("new names (* = not in the data):");
    for (int i = 0; i < SAMPLES; i++) {
      String name = lm.generate(codec, codec.vocabulary().bosId(), "", config, rng.split());
      out.println("  " + name + (known.contains(name) ? "" : " *"));
    }
    out.flush();
  }
}
