package org.rnn4j.task.forecast;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.rnn4j.data.Features;
import org.rnn4j.data.PaddedFeatures;
import org.rnn4j.io.ModelFile;
import org.rnn4j.kernel.Sizes;
import org.rnn4j.nn.CompositeModule;
import org.rnn4j.nn.Dropout;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.recurrent.Recurrent;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

/**
 * A forecaster: an RNN/GRU/LSTM encoder reads a window of past values and a linear layer predicts
 * the next S steps. It works on normalised values ({@link Normaliser} after {@link
 * SeriesTransform}); {@link #forecast} takes and returns raw values.
 *
 * <pre>
 * z⟨1…n⟩ (n ≤ W steps of F normalised values)          history (B, T, F), lengths (B)
 * a⟨t⟩ = RNN(z⟨t⟩, a⟨t−1⟩)                               stacked RNN/GRU/LSTM, L layers, H units
 * s    = a⟨n⟩ of the top layer                           (B, H): the state at each window's own end
 * ẑ    = reshape(W_fc · dropout(s) + b_fc)                fc: W (S·F, H), b (S·F) → ẑ (B, S, F)
 * ẑ[b, k, :] predicts z⟨n+1+k⟩ of window b, k = 0 … S−1
 * </pre>
 * Horizons N beyond S are forecast recursively: the S predictions are appended to the window
 * (which keeps its last W steps) and the model is called again, until N steps exist. The
 * recurrent layer is unidirectional (D = 1): a forecaster reads the past in time order only.
 *
 * <p>Parameter names follow a PyTorch module with attributes {@code rnn}, {@code dropout} (no
 * parameters) and {@code fc}: {@code rnn.weight_ih_l0}, …, {@code fc.weight}, {@code fc.bias}.
 * For use from a model file, load a {@link SeriesForecaster}.
 */
public final class Forecaster extends CompositeModule implements ForecastMethod {
  private final ForecasterConfig config;
  private final Recurrent rnn;
  private final Dropout dropout;
  private final Linear fc;

  /**
   * @param config the shape and fitted preprocessing
   * @param rng source of the initial weights
   */
  public Forecaster(ForecasterConfig config, RandomGenerator rng) {
    this.config = config;
    this.rnn = register("rnn", new Recurrent(config.recurrent().config(config.features()), rng));
    this.dropout = register("dropout", new Dropout(config.recurrent().dropout()));
    this.fc = register("fc", new Linear(config.recurrent().hiddenSize(),
        config.outputSteps() * config.features(), rng));
  }

  /** The shape and preprocessing this model was built with. */
  public ForecasterConfig config() {
    return config;
  }

  /**
   * The next S normalised steps after each window.
   *
   * @param history (B, T, F) normalised windows with lengths (each window ends at its own length)
   * @return ẑ (B, S, F)
   * @throws IllegalArgumentException if F differs from the config's
   */
  public Tensor forward(PaddedFeatures history) {
    int f = config.features();
    if (history.features() != f) {
      throw new IllegalArgumentException("history must have F = " + f + " values per step ("
          + config.names() + "), got shape " + Arrays.toString(history.values().shape()));
    }
    int b = history.batch();
    int top = config.recurrent().layers() - 1;
    Tensor h = rnn.forward(history.values(), history.lengths()).state().h(); // (L, B, H)
    Tensor s = h.slice(0, top, top + 1).reshape(b, config.recurrent().hiddenSize());
    return fc.forward(dropout.forward(s)).reshape(b, config.outputSteps(), f);
  }

  /**
   * Forecasts the next {@code horizon} raw values after a raw history, recursively: the history is
   * transformed and normalised, the model predicts S steps from the last W of them, those are
   * appended and the model is called again until {@code horizon} steps exist; the result is
   * de-normalised and the transform undone. No graph; in the model's current mode (evaluation
   * mode unless a caller switched it to training).
   *
   * @param history x (T, F) raw values, T &gt; d (the differencing lag); the last W steps after
   *     differencing are read, or all of them when there are fewer (lengths make that exact)
   * @param horizon N ≥ 1, steps to forecast
   * @return x̂ (N, F) raw forecasts
   * @throws IllegalArgumentException if the history is too short, has the wrong F or, with the
   *     log transform, holds a value ≤ 0
   */
  @Override
  public Features forecast(Features history, int horizon) {
    return forecast(List.of(history), horizon).get(0);
  }

  /**
   * Forecasts the next {@code horizon} raw values after each of several raw histories, as one
   * batch: each recursive call of the model reads the last min(W, length) normalised steps of
   * every history, padded to the longest (B, T, F) with lengths, so a history's forecast does not
   * depend on the others. No graph; in the model's current mode.
   *
   * @param histories B raw histories x (T_b, F), each T_b &gt; d; their lengths may differ
   * @param horizon N ≥ 1, steps to forecast after each
   * @return B raw forecasts x̂ (N, F), in order
   * @throws IllegalArgumentException if a history is too short, has the wrong F or, with the log
   *     transform, holds a value ≤ 0 (naming which history when there are several)
   */
  public List<Features> forecast(List<Features> histories, int horizon) {
    if (horizon < 1) {
      throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
    }
    int b = histories.size();
    int f = config.features();
    int s = config.outputSteps();
    float[][] z = new float[b][]; // z_b: (T_b − d + N + S, F), the normalised history, then room
    int[] known = new int[b]; // T_b − d, the normalised steps of history b
    for (int i = 0; i < b; i++) {
      Features x = histories.get(i);
      try {
        if (x.features() != f) {
          throw new IllegalArgumentException("history must have F = " + f + " values per step ("
              + config.names() + "), got " + x.features());
        }
        float[] normalised = config.normaliser().apply(config.transform().apply(x)).values();
        known[i] = normalised.length / f;
        z[i] = Arrays.copyOf(normalised, (known[i] + horizon + s) * f);
      } catch (IllegalArgumentException e) {
        throw b == 1 ? e : new IllegalArgumentException("history " + i + " of " + b + ": "
            + e.getMessage(), e);
      }
    }
    int[] lengths = new int[b]; // n_b = min(W, steps known so far)
    try (NoGrad scope = NoGrad.enter()) {
      for (int made = 0; made < horizon; made += s) {
        int longest = 0;
        for (int i = 0; i < b; i++) {
          lengths[i] = Math.min(config.window(), known[i] + made);
          longest = Math.max(longest, lengths[i]);
        }
        // (B, T, F), zero after each length
        float[] windows = new float[Sizes.product(b, longest, f)];
        for (int i = 0; i < b; i++) {
          int end = known[i] + made;
          System.arraycopy(z[i], (end - lengths[i]) * f, windows, i * longest * f,
              lengths[i] * f);
        }
        float[] next = forward(new PaddedFeatures(Tensor.of(windows, b, longest, f),
            lengths.clone())).data(); // (B, S, F)
        for (int i = 0; i < b; i++) {
          System.arraycopy(next, i * s * f, z[i], (known[i] + made) * f, s * f);
        }
      }
    }
    List<Features> out = new ArrayList<>(b);
    for (int i = 0; i < b; i++) {
      Features predicted = new Features(
          Arrays.copyOfRange(z[i], known[i] * f, (known[i] + horizon) * f), f);
      out.add(config.transform().invert(histories.get(i), config.normaliser().invert(predicted)));
    }
    return out;
  }

  /**
   * Reads a model file written for a forecaster (see {@link org.rnn4j.task.TrainedModel#save}).
   *
   * @param file the model file
   * @return the model and its provenance
   * @throws org.rnn4j.io.ModelFormatException if the file is not a valid forecaster file
   * @throws IOException if it cannot be read
   */
  public static ModelFile.Loaded<Forecaster> load(Path file) throws IOException {
    return ModelFile.load(file,
        config -> new Forecaster(ForecasterConfig.fromJson(config, file), new SplittableRandom(0)));
  }
}
