package org.rnn4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.ClassifyBatch;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.optim.Adam;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.classify.ClassifierConfig;
import org.rnn4j.task.classify.ClassifierData;
import org.rnn4j.task.classify.ClassifierInput;
import org.rnn4j.task.classify.ClassifierObjective;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.WordTokenizer;

class TrainingRecipeTest {
  private static final List<String> WORDS = List.of("good", "bad", "film", "plot", "the");

  private static Classifier model() {
    return new Classifier(ClassifierConfig.of(ClassifierInput.tokens(WORDS.size() + 4, 4),
        new RecurrentSpec(CellKind.GRU, 6, 1, false, 0.3f), List.of("neg", "pos")),
        new SplittableRandom(2));
  }

  private static BatchSource<ClassifyBatch> batches(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<String> texts = new ArrayList<>();
    int[] labels = new int[40];
    for (int i = 0; i < labels.length; i++) {
      StringBuilder s = new StringBuilder();
      for (int w = rng.nextInt(1, 6); w > 0; w--) {
        s.append(WORDS.get(rng.nextInt(WORDS.size()))).append(' ');
      }
      texts.add(s.toString());
      labels[i] = texts.get(i).contains("good") ? 1 : 0;
    }
    return ClassifierData.batches(texts, labels, TextCodec.fit(WordTokenizer.standard(), WORDS),
        8);
  }

  @Test
  void theRecipeIsTheTrainerWithAdamClippingAndEarlyStopping() {
    Classifier byRecipe = model();
    Classifier byHand = model();
    TrainingResult a = TrainingRecipe.of(6, 5).withLearningRate(0.02).withClipNorm(1)
        .withEarlyStopping(EarlyStopping.onLoss(2))
        .fit(new ClassifierObjective(byRecipe), batches(1), Optional.of(batches(2)));
    TrainingResult b = new Trainer<>(TrainerConfig.builder(6, 5).clipNorm(1)
        .earlyStopping(EarlyStopping.onLoss(2)).build(), new ClassifierObjective(byHand),
        Adam.of(byHand.parameters(), 0.02), List.of()).fit(batches(1), Optional.of(batches(2)));
    assertEquals(b.globalStep(), a.globalStep());
    for (Map.Entry<String, Tensor> e : byHand.parameters().entrySet()) {
      assertArrayEquals(e.getValue().data(), byRecipe.parameters().get(e.getKey()).data(), 0f,
          e.getKey());
    }
  }

  @Test
  void badSettingsAreNamed() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainingRecipe.of(0, 1))
        .getMessage().startsWith("epochs must be at least 1"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> TrainingRecipe.of(1, 1).withLearningRate(0)).getMessage()
        .startsWith("learningRate must be positive"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> TrainingRecipe.of(1, 1).withClipNorm(-1)).getMessage()
        .startsWith("clipNorm must be finite"));
  }
}
