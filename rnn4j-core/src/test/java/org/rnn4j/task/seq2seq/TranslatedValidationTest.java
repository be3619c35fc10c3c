package org.rnn4j.task.seq2seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.format.ParallelTsv;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.task.TrainingJob;
import org.rnn4j.text.TextCodecPair;
import org.rnn4j.train.Optimization;
import org.rnn4j.train.TrainingRecipe;
import org.rnn4j.train.ValidationMetric;

/** BLEU and chrF of greedy translations as validation metrics, when a run watches them. */
class TranslatedValidationTest {
  @TempDir Path dir;

  /** "c a d\tD A C": the letters reversed and upper-cased. */
  private Path pairs(String name, int count, long seed) throws Exception {
    SplittableRandom rng = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<String> source = new ArrayList<>();
      for (int k = 0; k < 2 + rng.nextInt(3); k++) {
        source.add(String.valueOf((char) ('a' + rng.nextInt(6))));
      }
      List<String> target = new ArrayList<>(source.stream().map(String::toUpperCase).toList());
      java.util.Collections.reverse(target);
      lines.add(String.join(" ", source) + "\t" + String.join(" ", target));
    }
    return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
  }

  private static TrainingJob job(Path data, TrainingRecipe recipe) {
    return new TrainingJob(data, TaskOptions.of(Map.of("tokens", "word", "hidden", "16",
        "embedding", "8", "cell", "gru")), recipe, 16, 0.1, new PrintWriter(new StringWriter()));
  }

  @Test
  void aWatchedChrFIsTheScoreEvalGivesTheValidationPairs() throws Exception {
    Path data = pairs("train.tsv", 200, 1);
    Path held = pairs("held.tsv", 30, 2);
    ValidationMetric chrf = new Seq2SeqFamily().validationMetrics().stream()
        .filter(m -> m.name().equals("chrf")).findFirst().orElseThrow();
    assertTrue(chrf.higherIsBetter());
    TrainingRecipe recipe = TrainingRecipe.of(3, 4).withLearningRate(0.02).withOptimization(
        Optimization.DEFAULT.withSchedule(Optimization.Schedule.PLATEAU, 1, 0.5, 1)
            .watching(chrf));
    TrainedModel trained = new Seq2SeqFamily().train(job(data, recipe).withValidationData(held));
    Map<String, Double> last = trained.result().lastValidation();
    assertTrue(last.containsKey("bleu") && last.containsKey("chrf"), last.toString());

    Translator translator = Translator.of((Seq2Seq) trained.model(),
        TextCodecPair.fromJson(trained.vocabulary().orElseThrow()));
    TranslationScores eval = translator.evaluate("held", ParallelTsv.read(held),
        Translator.Options.GREEDY).scores();
    assertEquals(eval.chrF().score(), last.get("chrf"), 1e-9, "what eval reports");
    assertEquals(eval.bleu().score(), last.get("bleu"), 1e-9);
    assertTrue(last.get("chrf") > 0, last.toString());
  }

  @Test
  void anUnwatchedRunDoesNotTranslate() throws Exception {
    TrainedModel trained = new Seq2SeqFamily().train(job(pairs("train.tsv", 60, 1),
        TrainingRecipe.of(1, 4)));
    assertFalse(trained.result().lastValidation().containsKey("bleu"),
        trained.result().lastValidation().toString());
  }
}
