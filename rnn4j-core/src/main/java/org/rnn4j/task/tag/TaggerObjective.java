package org.rnn4j.task.tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnn4j.data.Collate;
import org.rnn4j.data.TagBatch;
import org.rnn4j.loss.CrossEntropy;
import org.rnn4j.metrics.EntityScore;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.train.BatchSource;
import org.rnn4j.train.Objective;

/**
 * Trains a {@link Tagger} with the mean per-token cross-entropy over real steps, skipping targets
 * equal to {@link Collate#IGNORE_INDEX}. Evaluation reports the mean loss per counted token
 * ("loss"), the fraction of counted tokens tagged right ("token_accuracy"), and entity-level
 * "precision", "recall" and "f1" over the tag names, counted as conlleval does
 * ({@link EntityScore}).
 *
 * @param model the tagger to train
 */
public record TaggerObjective(Tagger model) implements Objective<TagBatch> {
  @Override
  public Tensor trainLoss(TagBatch batch, RandomGenerator rng) {
    return model.loss(batch.inputs(), batch.targets());
  }

  /** Real (unpadded) tokens in the batch. */
  @Override
  public long tokens(TagBatch batch) {
    long n = 0;
    for (int length : batch.inputs().lengths()) {
      n += length;
    }
    return n;
  }

  @Override
  public Map<String, Double> evaluate(BatchSource<TagBatch> source) {
    EntityScore score = new EntityScore();
    double[] nats = {0};
    Objective.forEachInEvaluation(model, source, batch -> {
      int[] lengths = batch.inputs().lengths();
      Tensor logits = model.forward(batch.inputs());
      long before = score.tokens();
      add(score, batch, Tagger.tags(logits, lengths));
      nats[0] += CrossEntropy.loss(logits, batch.targets(), lengths, Tagger.LOSS_OPTIONS).item()
          * (score.tokens() - before);
    });
    long tokens = score.tokens();
    return Map.of("loss", tokens == 0 ? Double.NaN : nats[0] / tokens,
        "token_accuracy", score.tokenAccuracy(), "precision", score.precision(),
        "recall", score.recall(), "f1", score.f1());
  }

  /** Scores each sentence's counted steps (real and not ignored) by tag name. */
  private void add(EntityScore score, TagBatch batch, int[][] predicted) {
    List<String> names = model.config().tags();
    int t = batch.inputs().time();
    for (int b = 0; b < predicted.length; b++) {
      List<String> gold = new ArrayList<>();
      List<String> guess = new ArrayList<>();
      for (int s = 0; s < predicted[b].length; s++) {
        int y = batch.targets()[b * t + s];
        if (y != Collate.IGNORE_INDEX) {
          gold.add(names.get(y));
          guess.add(names.get(predicted[b][s]));
        }
      }
      score.add(gold, guess);
    }
  }
}
