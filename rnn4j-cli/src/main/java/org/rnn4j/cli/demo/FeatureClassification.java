package org.rnn4j.cli.demo;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.rnn4j.data.ClassifyExample;
import org.rnn4j.metrics.ConfusionMatrix;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.classify.ClassifierConfig;
import org.rnn4j.task.classify.ClassifierInput;
import org.rnn4j.task.classify.ClassifierObjective;
import org.rnn4j.task.classify.Pooling;
import org.rnn4j.train.EarlyStopping;
import org.rnn4j.train.TrainingRecipe;

/**
 * The experiment the feature-sequence demos share (DNA bases, accelerometer clips): a
 * bidirectional GRU reads (T, F) feature vectors, pools its outputs, is trained with early
 * stopping on a validation part, and is tested with a confusion matrix beside the majority
 * class.
 */
public final class FeatureClassification {
  private static final int BATCH = 32;
  private static final int EVALUATION_BATCH = 100;
  private static final int PATIENCE = 5;

  /**
   * The model and its training.
   *
   * @param hidden H, GRU units per direction
   * @param dropout on the pooled vector while training
   * @param epochs the most epochs (early stopping, after 5 epochs without a better validation
   *     loss, may end sooner)
   * @param learningRate Adam's step size
   */
  public record Settings(int hidden, float dropout, int epochs, double learningRate) {}

  /**
   * What a demo measured on its test sequences.
   *
   * @param confusion the GRU's predictions against the gold classes
   * @param majority the majority class's accuracy
   */
  public record Result(ConfusionMatrix confusion, double majority) {}

  private FeatureClassification() {}

  /**
   * @param settings H and dropout
   * @param features F, values per step
   * @param pooling how a sequence's outputs become one vector
   * @param labels the class names
   * @param seed seeds the initial weights
   * @return a bidirectional one-layer GRU classifier
   */
  static Classifier model(Settings settings, int features, Pooling pooling, List<String> labels,
      long seed) {
    return new Classifier(new ClassifierConfig(ClassifierInput.features(features),
        new RecurrentSpec(CellKind.GRU, settings.hidden(), 1, true, settings.dropout()), pooling,
        labels), new SplittableRandom(seed));
  }

  /**
   * Trains on bucketed batches with early stopping, then tests.
   *
   * @param model the classifier
   * @param settings epochs and learning rate
   * @param progress a progress bar or none
   * @param seed seeds dropout and the batch order of the run
   * @param bucketSeed seeds which examples share a training batch
   * @param train the training examples
   * @param validation the examples that stop training
   * @param test the examples measured
   * @return the test confusion matrix and the majority-class baseline
   */
  static Result trainAndTest(Classifier model, Settings settings, DemoProgress progress,
      long seed, long bucketSeed,
      List<ClassifyExample> train, List<ClassifyExample> validation, List<ClassifyExample> test) {
    ClassifierObjective objective = new ClassifierObjective(model);
    TrainingRecipe.of(settings.epochs(), seed).withLearningRate(settings.learningRate())
        .withEarlyStopping(EarlyStopping.onLoss(PATIENCE))
        .withListeners(progress.listeners())
        .fit(objective, ClassifyBatches.bucketed(train, BATCH, 0, new SplittableRandom(bucketSeed)),
            Optional.of(ClassifyBatches.sequential(validation, EVALUATION_BATCH, 0)));
    ConfusionMatrix confusion =
        objective.confusion(ClassifyBatches.sequential(test, EVALUATION_BATCH, 0));
    return new Result(confusion, ClassifyBatches.majorityAccuracy(train, test));
  }
}
