package org.rnn4j.task.forecast;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnn4j.data.ForecastBatch;
import org.rnn4j.loss.ElementwiseLoss;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.train.BatchSource;
import org.rnn4j.train.Objective;

/**
 * Trains a {@link Forecaster} with the mean squared error of its S predicted steps, in normalised
 * units: L = (1/(B·S·F)) Σ (ẑ − z)². Evaluation reports that loss ("loss") and the mean absolute
 * error ("mae"), both averaged over every predicted value of the source and in normalised units,
 * and the root of that loss ("rmse").
 *
 * @param model the forecaster to train
 */
public record ForecasterObjective(Forecaster model) implements Objective<ForecastBatch> {

  @Override
  public Tensor trainLoss(ForecastBatch batch, RandomGenerator rng) {
    return loss(batch);
  }

  /**
   * The loss of a batch, recorded in the graph, in whatever mode the model is in.
   *
   * @param batch windows (B, T, F) and futures (B, S, F)
   * @return the scalar mean squared error
   * @throws IllegalArgumentException if the futures do not have the model's S steps
   */
  public Tensor loss(ForecastBatch batch) {
    Tensor prediction = model.forward(batch.history()); // (B, S, F)
    if (batch.future().dim(1) != model.config().outputSteps()) {
      throw new IllegalArgumentException("the futures must have the model's S = "
          + model.config().outputSteps() + " steps, got " + batch.future().dim(1));
    }
    return ElementwiseLoss.mse(prediction, batch.future().data(), null);
  }

  /** Examples in the batch. */
  @Override
  public long tokens(ForecastBatch batch) {
    return batch.indices().length;
  }

  @Override
  public Map<String, Double> evaluate(BatchSource<ForecastBatch> source) {
    double[] sums = new double[2]; // Σ (ẑ − z)², Σ |ẑ − z|
    long[] n = {0};
    Objective.forEachInEvaluation(model, source, batch -> {
      float[] y = batch.future().data();
      float[] p = model.forward(batch.history()).data();
      if (p.length != y.length) {
        throw new IllegalArgumentException("the futures must have the model's S = "
            + model.config().outputSteps() + " steps, got " + batch.future().dim(1));
      }
      for (int k = 0; k < y.length; k++) {
        double e = (double) p[k] - y[k];
        sums[0] += e * e;
        sums[1] += Math.abs(e);
      }
      n[0] += y.length;
    });
    double mse = n[0] == 0 ? Double.NaN : sums[0] / n[0];
    return Map.of("loss", mse, "mae", n[0] == 0 ? Double.NaN : sums[1] / n[0],
        "rmse", Math.sqrt(mse));
  }
}
