package org.rnn4j.task.classify;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnn4j.data.ClassifyBatch;
import org.rnn4j.loss.CrossEntropy;
import org.rnn4j.metrics.ConfusionMatrix;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.train.BatchSource;
import org.rnn4j.train.Objective;

/**
 * Trains a {@link Classifier} with the mean cross-entropy of each sequence's label:
 * L = −(1/B) Σ_b log softmax(z_b)[y_b]. Evaluation reports the mean loss per example, the
 * accuracy and the macro-F1 (see {@link ConfusionMatrix}).
 *
 * @param model the classifier to train
 */
public record ClassifierObjective(Classifier model) implements Objective<ClassifyBatch> {

  @Override
  public Tensor trainLoss(ClassifyBatch batch, RandomGenerator rng) {
    return CrossEntropy.loss(model.forward(batch.inputs()), batch.labels(),
        CrossEntropy.Options.DEFAULT);
  }

  /** Examples in the batch. */
  @Override
  public long tokens(ClassifyBatch batch) {
    return batch.labels().length;
  }

  @Override
  public Map<String, Double> evaluate(BatchSource<ClassifyBatch> source) {
    ConfusionMatrix confusion = new ConfusionMatrix(model.config().labels());
    double nats = tally(source, confusion);
    long examples = confusion.total();
    return Map.of("loss", examples == 0 ? Double.NaN : nats / examples,
        "accuracy", confusion.accuracy(), "macro_f1", confusion.macroF1());
  }

  /**
   * The confusion matrix of the model's predictions over a whole source, in evaluation mode.
   *
   * @param source the batches
   * @return counts of (gold, predicted) labels, named by the config's labels
   */
  public ConfusionMatrix confusion(BatchSource<ClassifyBatch> source) {
    ConfusionMatrix confusion = new ConfusionMatrix(model.config().labels());
    tally(source, confusion);
    return confusion;
  }

  /** Counts every prediction into {@code confusion}; returns the summed loss (nats). */
  private double tally(BatchSource<ClassifyBatch> source, ConfusionMatrix confusion) {
    double[] nats = {0};
    Objective.forEachInEvaluation(model, source, batch -> {
      Tensor logits = model.forward(batch.inputs());
      int[] labels = batch.labels();
      nats[0] += CrossEntropy.loss(logits, labels, CrossEntropy.Options.DEFAULT).item()
          * labels.length;
      int[] predicted = logits.argmax();
      for (int b = 0; b < predicted.length; b++) {
        confusion.add(labels[b], predicted[b]);
      }
    });
    return nats[0];
  }
}
