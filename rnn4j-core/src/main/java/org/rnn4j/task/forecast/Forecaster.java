package org.rnn4j.task.forecast;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.rnn4j.data.Features;
import org.rnn4j.data.PaddedFeatures;
import org.rnn4j.io.ModelFile;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.recurrent.Recurrent;
import org.rnn4j.nn.recurrent.RecurrentConfig;
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
 * Horizons H beyond S are forecast recursively: the S predictions are appended to the window
 * (which keeps its last W steps) and the model is called again, until H steps exist.
 *
 * <p>Parameter names follow a PyTorch module with attributes {@code rnn} and {@code fc}:
 * {@code rnn.weight_ih_l0}, …, {@code fc.weight}, {@code fc.bias}.
 */
public final class Forecaster implements Module, ForecastMethod {
  private final ForecasterConfig config;
  private final Recurrent rnn;
  private final Linear fc;
  private final Map<String, Tensor> parameters;
  private Optional<RandomGenerator> dropoutRng = Optional.empty(); // present while training

  /**
   * @param config the shape and fitted preprocessing
   * @param rng source of the initial weights
   */
  public Forecaster(ForecasterConfig config, RandomGenerator rng) {
    this.config = config;
    this.rnn = new Recurrent(RecurrentConfig.builder(config.cell(), config.features(),
        config.hiddenSize()).layers(config.layers()).dropout(config.dropout()).build(), rng);
    this.fc = new Linear(config.hiddenSize(), config.outputSteps() * config.features(), rng);
    Map<String, Module> children = new LinkedHashMap<>();
    children.put("rnn", rnn);
    children.put("fc", fc);
    this.parameters = Module.namedParameters(children);
  }

  /** The shape and preprocessing this model was built with. */
  public ForecasterConfig config() {
    return config;
  }

  @Override
  public Map<String, Tensor> parameters() {
    return parameters;
  }

  /** Training mode: dropout between layers drawn from {@code rng}. */
  public void train(RandomGenerator rng) {
    rnn.train(rng);
    dropoutRng = Optional.of(rng);
  }

  /** Evaluation mode: no dropout. */
  public void eval() {
    rnn.eval();
    dropoutRng = Optional.empty();
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
    int top = config.layers() - 1;
    Tensor h = rnn.forward(history.values(), history.lengths()).state().h(); // (L, B, H)
    Tensor s = h.slice(0, top, top + 1).reshape(b, config.hiddenSize());
    if (dropoutRng.isPresent()) {
      s = s.dropout(config.dropout(), dropoutRng.get());
    }
    return fc.forward(s).reshape(b, config.outputSteps(), f);
  }

  /**
   * Forecasts the next {@code horizon} raw values after a raw history, recursively: the history is
   * transformed and normalised, the model predicts S steps from the last W of them, those are
   * appended and the model is called again until {@code horizon} steps exist; the result is
   * de-normalised and the transform undone. Evaluation mode, no graph.
   *
   * @param history x (T, F) raw values, T &gt; d (the differencing lag); the last W steps after
   *     differencing are read, or all of them when there are fewer (lengths make that exact)
   * @param horizon H ≥ 1, steps to forecast
   * @return x̂ (H, F) raw forecasts
   * @throws IllegalArgumentException if the history is too short, has the wrong F or, with the
   *     log transform, holds a value ≤ 0
   */
  @Override
  public Features forecast(Features history, int horizon) {
    if (horizon < 1) {
      throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
    }
    int f = config.features();
    if (history.features() != f) {
      throw new IllegalArgumentException("history must have F = " + f + " values per step ("
          + config.names() + "), got " + history.features());
    }
    float[] z = config.normaliser().apply(config.transform().apply(history)).values();
    int known = z.length / f;
    z = Arrays.copyOf(z, (known + horizon + config.outputSteps()) * f); // room for the forecasts
    eval();
    int made = 0;
    try (NoGrad scope = NoGrad.enter()) {
      while (made < horizon) {
        int end = known + made;
        int n = Math.min(config.window(), end);
        Tensor window = Tensor.of(Arrays.copyOfRange(z, (end - n) * f, end * f), 1, n, f);
        float[] next = forward(new PaddedFeatures(window, new int[] {n})).data(); // (1, S, F)
        System.arraycopy(next, 0, z, end * f, next.length);
        made += config.outputSteps();
      }
    }
    Features predicted = new Features(Arrays.copyOfRange(z, known * f, (known + horizon) * f), f);
    return config.transform().invert(history, config.normaliser().invert(predicted));
  }

  /**
   * Writes this model, with its preprocessing in the config, to a model file (atomically).
   *
   * @param file the target
   * @param provenance seed, version, data digest, time
   * @throws IOException if the file cannot be written
   */
  public void save(Path file, ModelFile.Provenance provenance) throws IOException {
    ModelFile.write(file, parameters, config.toJson(), Optional.empty(), provenance);
  }

  /**
   * Reads a model file written by {@link #save}.
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
