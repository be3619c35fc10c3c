package org.rnn4j.speech.ctc;

import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.rnn4j.data.PaddedFeatures;
import org.rnn4j.decode.ctc.CtcGreedy;
import org.rnn4j.loss.CtcLoss;
import org.rnn4j.speech.audio.SpecAugment;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.train.BatchSource;
import org.rnn4j.train.Objective;

/**
 * Trains a {@link Recognizer} with the CTC loss, each sequence's negative log-likelihood over the
 * length of its transcript, averaged over the batch:
 * L = (1/B) Σ_b −log p(l_b | x_b) / max(|l_b|, 1). A transcript too long for its recording counts
 * 0 (it cannot be aligned). Evaluation reports that loss per utterance, the symbol error rate of
 * best-path decoding and the share of utterances recognised exactly.
 *
 * @param model the recognizer to train
 * @param augment masks applied to each training batch's frames, when given
 */
public record CtcObjective(Recognizer model, Optional<SpecAugment> augment)
    implements Objective<CtcBatch> {
  private static final CtcLoss.Options TRAINING = new CtcLoss.Options(RecognizerConfig.BLANK,
      CtcLoss.Reduction.MEAN, true);

  @Override
  public Tensor trainLoss(CtcBatch batch, RandomGenerator rng) {
    PaddedFeatures inputs = augment.isPresent() ? masked(batch.inputs(), rng) : batch.inputs();
    return CtcLoss.loss(model.logProbs(inputs), inputs.lengths(), batch.targets(), TRAINING);
  }

  /** Frames of the batch. */
  @Override
  public long tokens(CtcBatch batch) {
    long frames = 0;
    for (int length : batch.inputs().lengths()) {
      frames += length;
    }
    return frames;
  }

  @Override
  public Map<String, Double> evaluate(BatchSource<CtcBatch> source) {
    RecognitionScore score = new RecognitionScore();
    double[] loss = {0};
    Objective.forEachInEvaluation(model, source, batch -> {
      Tensor y = model.logProbs(batch.inputs());
      int[] lengths = batch.inputs().lengths();
      loss[0] += CtcLoss.loss(y, lengths, batch.targets(), TRAINING).item() * lengths.length;
      int[][] decoded = CtcGreedy.decode(y, lengths, RecognizerConfig.BLANK);
      for (int b = 0; b < decoded.length; b++) {
        score.add(decoded[b], batch.targets().of(b));
      }
    });
    long n = score.utterances();
    return Map.of("loss", n == 0 ? Double.NaN : loss[0] / n, "error_rate", score.errorRate(),
        "utterance_accuracy", score.utteranceAccuracy());
  }

  /**
   * The batch with each recording's real steps masked, seen as the S frames per step they stack:
   * (T, S·K) is masked as (T·S, K).
   */
  private PaddedFeatures masked(PaddedFeatures inputs, RandomGenerator rng) {
    int stack = model.config().frontEnd().stack();
    int f = inputs.features();
    int k = f / stack;
    int time = inputs.time();
    float[] x = inputs.values().data().clone();
    for (int b = 0; b < inputs.batch(); b++) {
      int frames = inputs.lengths()[b] * stack;
      float[][] rows = new float[frames][k];
      for (int r = 0; r < frames; r++) {
        System.arraycopy(x, b * time * f + r * k, rows[r], 0, k);
      }
      float[][] out = augment.get().apply(rows, rng);
      for (int r = 0; r < frames; r++) {
        System.arraycopy(out[r], 0, x, b * time * f + r * k, k);
      }
    }
    return new PaddedFeatures(Tensor.of(x, inputs.batch(), time, f), inputs.lengths());
  }
}
