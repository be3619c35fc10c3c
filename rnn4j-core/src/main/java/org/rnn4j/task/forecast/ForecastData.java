package org.rnn4j.task.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.rnn4j.data.Collate;
import org.rnn4j.data.Features;
import org.rnn4j.data.ForecastBatch;
import org.rnn4j.data.ForecastExample;
import org.rnn4j.data.format.TimeSeries;
import org.rnn4j.train.BatchSource;

/**
 * A raw series made ready for training a {@link Forecaster}: transformed ({@link
 * SeriesTransform}), split in time into a training part and a validation tail (never shuffled
 * across the split), and normalised with a {@link Normaliser} fitted on the training part alone.
 *
 * <pre>
 * raw x (T, F) = [ training part: steps 0 … T−V−1 | validation tail: the last V steps ]
 * u = transform(x) (T−d, F); u⟨i⟩ ends at raw step i + d, so the training part of u is i &lt; T−V−d
 * normaliser fitted on u⟨0 … T−V−d−1⟩;  z = normalise(u)
 * training examples:   history z⟨s … s+W−1⟩, future z⟨s+W … s+W+S−1⟩ inside the training part
 * validation examples: the same windows whose future lies inside the validation tail (their
 *                      history may reach back into the training part, which is observed data)
 * </pre>
 *
 * @param normaliser fitted on the training part
 * @param normalised z (T−d, F)
 * @param trainEnd the number of training steps of z: T − V − d
 */
public record ForecastData(Normaliser normaliser, Features normalised, int trainEnd) {

  /** Checks that both parts are non-empty. */
  public ForecastData {
    if (trainEnd < 1 || trainEnd > normalised.length()) {
      throw new IllegalArgumentException("trainEnd must lie in [1, " + normalised.length()
          + "], got " + trainEnd);
    }
  }

  /**
   * Transforms, splits and normalises a series.
   *
   * @param raw x (T, F)
   * @param transform log and differencing
   * @param validationSteps V, the tail held out for validation, in [0, T − d − 1]
   * @return the prepared series
   * @throws IllegalArgumentException if the training part would be empty
   */
  public static ForecastData prepare(Features raw, SeriesTransform transform, int validationSteps) {
    if (validationSteps < 0) {
      throw new IllegalArgumentException("validationSteps must be at least 0, got "
          + validationSteps);
    }
    Features u = transform.apply(raw);
    int trainEnd = u.length() - validationSteps;
    if (trainEnd < 1) {
      throw new IllegalArgumentException("the series has " + raw.length() + " steps: after"
          + " differencing at lag " + transform.lag() + " and holding out " + validationSteps
          + " for validation no training step is left");
    }
    Normaliser normaliser = Normaliser.fit(u, 0, trainEnd);
    return new ForecastData(normaliser, normaliser.apply(u), trainEnd);
  }

  /**
   * Transforms, splits and normalises a series with a normaliser fitted before (a trained
   * model's, so that the values mean to it what they meant in its training).
   *
   * @param raw x (T, F)
   * @param transform log and differencing
   * @param validationSteps V, the tail held out for validation, in [0, T − d − 1]
   * @param normaliser the statistics to normalise with
   * @return the prepared series
   * @throws IllegalArgumentException if the training part would be empty
   */
  public static ForecastData prepare(Features raw, SeriesTransform transform,
      int validationSteps, Normaliser normaliser) {
    ForecastData fitted = prepare(raw, transform, validationSteps);
    Features u = transform.apply(raw);
    return new ForecastData(normaliser, normaliser.apply(u), fitted.trainEnd());
  }

  /**
   * Training windows: history of W steps and the next S, all inside the training part.
   *
   * @param window W
   * @param outputSteps S
   * @return the examples in time order (empty when the training part is shorter than W + S)
   */
  public List<ForecastExample> trainExamples(int window, int outputSteps) {
    return windows(0, trainEnd, window, outputSteps);
  }

  /**
   * Validation windows: history of W steps and the next S, the S inside the validation tail.
   *
   * @param window W
   * @param outputSteps S
   * @return the examples in time order (empty without a tail of at least S steps)
   */
  public List<ForecastExample> validationExamples(int window, int outputSteps) {
    return windows(trainEnd, normalised.length(), window, outputSteps);
  }

  /** The windows whose futures lie in [firstTarget, endTarget) of z. */
  private List<ForecastExample> windows(int firstTarget, int endTarget, int window,
      int outputSteps) {
    int from = Math.max(0, firstTarget - window);
    if (endTarget - from < window + outputSteps) {
      return List.of();
    }
    int f = normalised.features();
    float[] part = Arrays.copyOfRange(normalised.values(), from * f, endTarget * f);
    int steps = endTarget - from;
    TimeSeries series = new TimeSeries(names(f), Collections.nCopies(steps, ""),
        new Features(part, f));
    return series.windows(window, outputSteps, 1);
  }

  private static List<String> names(int f) {
    List<String> names = new ArrayList<>(f);
    for (int j = 0; j < f; j++) {
      names.add("z" + j);
    }
    return names;
  }

  /**
   * Padded batches of examples, in order (the trainer shuffles the order of the batches).
   *
   * @param examples the windows
   * @param batchSize examples per batch, at least 1
   * @return the batches
   */
  public static BatchSource<ForecastBatch> batches(List<ForecastExample> examples,
      int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
    List<ForecastBatch> batches = new ArrayList<>();
    for (int from = 0; from < examples.size(); from += batchSize) {
      int[] indices = IntStream.range(from, Math.min(from + batchSize, examples.size())).toArray();
      batches.add(Collate.forecast(examples, indices));
    }
    return BatchSource.of(batches);
  }
}
