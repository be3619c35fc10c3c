package org.rnn4j.speech.ctc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.rnn4j.data.PaddedFeatures;
import org.rnn4j.io.ModelFile;
import org.rnn4j.nn.CompositeModule;
import org.rnn4j.nn.Dropout;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.recurrent.Recurrent;
import org.rnn4j.tensor.CustomOp;
import org.rnn4j.tensor.Tensor;

/**
 * A speech recognizer trained with CTC: a recurrent layer over the front end's steps, then one
 * distribution over the blank and the symbols per step.
 *
 * <pre>
 * x⟨t⟩ = front-end features of step t                                       (B, T, F)
 * a⟨t⟩ = RNN(x⟨t⟩, a⟨t−1⟩)   stacked RNN/GRU/LSTM, L layers, D directions, H units  (B, T, D·H)
 * z⟨t⟩ = W·dropout(a⟨t⟩) + b  fc: W (C, D·H), b (C)                          (B, T, C)
 * y⟨t⟩ = log softmax(z⟨t⟩)    time first for the CTC loss                     (T, B, C)
 * </pre>
 * Parameter names follow a PyTorch module with attributes {@code rnn} and {@code fc}.
 */
public final class Recognizer extends CompositeModule {
  private final RecognizerConfig config;
  private final Recurrent rnn;
  private final Dropout dropout;
  private final Linear fc;

  /**
   * @param config the shape and symbols
   * @param rng source of the initial weights
   */
  public Recognizer(RecognizerConfig config, RandomGenerator rng) {
    this.config = config;
    this.rnn = register("rnn",
        new Recurrent(config.recurrent().config(config.frontEnd().size()), rng));
    this.dropout = register("dropout", new Dropout(config.recurrent().dropout()));
    this.fc = register("fc", new Linear(config.recurrent().outputSize(), config.classes(), rng));
  }

  /** The shape and symbols this model was built with. */
  public RecognizerConfig config() {
    return config;
  }

  /**
   * The log-probabilities of the blank and each symbol at every step.
   *
   * @param inputs (B, T, F) steps with lengths
   * @return y (T, B, C), time first; steps past a sequence's length hold what padding gives
   * @throws IllegalArgumentException if F is not the front end's
   */
  public Tensor logProbs(PaddedFeatures inputs) {
    if (inputs.features() != config.frontEnd().size()) {
      throw new IllegalArgumentException("input feature size must equal the front end's: expected "
          + config.frontEnd().size() + ", got " + inputs.features() + " (input shape "
          + Arrays.toString(inputs.values().shape()) + ")");
    }
    Tensor a = rnn.forward(inputs.values(), inputs.lengths()).output();
    return timeFirst(fc.forward(dropout.forward(a)).logSoftmax());
  }

  /** (B, T, C) → (T, B, C), with its gradient. */
  static Tensor timeFirst(Tensor x) {
    int b = x.dim(0);
    int t = x.dim(1);
    int c = x.dim(2);
    float[] in = x.data();
    float[] out = new float[in.length];
    for (int i = 0; i < b; i++) {
      for (int s = 0; s < t; s++) {
        System.arraycopy(in, (i * t + s) * c, out, (s * b + i) * c, c);
      }
    }
    return CustomOp.record(out, new int[] {t, b, c}, (dOut, grads) -> {
      float[] g = grads.buffer(0);
      for (int i = 0; i < b; i++) {
        for (int s = 0; s < t; s++) {
          int from = (s * b + i) * c;
          int to = (i * t + s) * c;
          for (int k = 0; k < c; k++) {
            g[to + k] += dOut[from + k];
          }
        }
      }
    }, x);
  }

  /**
   * Reads a model file written for a recognizer.
   *
   * @param file the model file
   * @return the model and what was stored with it
   * @throws org.rnn4j.io.ModelFormatException if the file is not a valid recognizer file
   * @throws IOException if it cannot be read
   */
  public static ModelFile.Loaded<Recognizer> load(Path file) throws IOException {
    return ModelFile.load(file, config ->
        new Recognizer(RecognizerConfig.fromJson(config, file), new SplittableRandom(0)));
  }
}
