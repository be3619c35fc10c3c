package org.rnn4j.speech.ctc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.speech.audio.Deltas;
import org.rnn4j.speech.audio.FeatureConfig;
import org.rnn4j.speech.audio.FeatureExtractor;
import org.rnn4j.speech.audio.MelScale;
import org.rnn4j.speech.audio.Normalisation;
import org.rnn4j.speech.audio.Waveform;

/**
 * How a recognizer turns audio into the frames its recurrent layer reads:
 *
 * <pre>
 * c⟨t⟩  = MFCC or log-mel of frame t                 (T, K)    the audio settings
 * x⟨t⟩  = [c⟨t⟩, Δc⟨t⟩, ΔΔc⟨t⟩] up to the delta order  (T, (1+Δ)·K)
 * x̂⟨t⟩  = per-utterance mean and variance normalised x⟨t⟩
 * z⟨u⟩  = [x̂⟨uS⟩, …, x̂⟨uS+S−1⟩], S frames stacked     (⌈T/S⌉, S·(1+Δ)·K), zeros past the end
 * </pre>
 * Stacking S frames divides the steps the recurrent layer runs by S. Normalising each
 * utterance removes any constant gain or offset per coefficient, which is also what lets cepstra
 * made by another front end with the same filters (CMU Sphinx's {@code .mfc} files) stand in for
 * the MFCCs computed here.
 *
 * @param audio the spectral settings
 * @param kind MFCCs or log-mel energies
 * @param deltas Δ, 0, 1 or 2
 * @param stack S ≥ 1, frames per step
 */
public record FrontEnd(FeatureConfig audio, Kind kind, int deltas, int stack) {

  /** What each frame holds before deltas. */
  public enum Kind {
    /** The config's cepstra. */
    MFCC,
    /** The config's log-mel energies. */
    LOGMEL
  }

  /** Checks the settings. */
  public FrontEnd {
    if (audio == null || kind == null) {
      throw new IllegalArgumentException("audio settings and kind must be given");
    }
    if (deltas < 0 || deltas > 2) {
      throw new IllegalArgumentException("deltas must be 0, 1 or 2, got " + deltas);
    }
    if (stack < 1) {
      throw new IllegalArgumentException("stack must be at least 1, got " + stack);
    }
    if (kind == Kind.MFCC && audio.cepstra() < 1) {
      throw new IllegalArgumentException("MFCC features need at least 1 cepstrum, got "
          + audio.cepstra());
    }
  }

  /** K, the coefficients of one frame before deltas. */
  public int coefficients() {
    return kind == Kind.MFCC ? audio.cepstra() : audio.bands();
  }

  /** F = S·(1 + Δ)·K, the features of one step. */
  public int size() {
    return stack * (1 + deltas) * coefficients();
  }

  /**
   * The steps of a recording.
   *
   * @param waveform any rate: it is resampled to the settings' first
   * @return (⌈T/S⌉, F)
   */
  public float[][] steps(Waveform waveform) {
    FeatureExtractor extractor = new FeatureExtractor(audio);
    return fromCoefficients(kind == Kind.MFCC ? extractor.mfcc(waveform)
        : extractor.logMel(waveform));
  }

  /**
   * The steps of coefficients computed elsewhere, e.g. read from a Sphinx feature file.
   *
   * @param coefficients (T, K)
   * @return (⌈T/S⌉, F)
   * @throws IllegalArgumentException if a frame does not hold K values
   */
  public float[][] fromCoefficients(float[][] coefficients) {
    for (int t = 0; t < coefficients.length; t++) {
      if (coefficients[t].length != coefficients()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "frame %d holds %d"
            + " coefficients, expected %d (%s)", t, coefficients[t].length, coefficients(),
            this));
      }
    }
    return stacked(Normalisation.perUtterance(Deltas.append(coefficients, deltas)));
  }

  private float[][] stacked(float[][] x) {
    if (stack == 1) {
      return x;
    }
    int width = x.length == 0 ? 0 : x[0].length;
    float[][] out = new float[(x.length + stack - 1) / stack][stack * width];
    for (int t = 0; t < x.length; t++) {
      System.arraycopy(x[t], 0, out[t / stack], (t % stack) * width, width);
    }
    return out;
  }

  /** Writes the settings into a model config. */
  public ObjectNode toJson(ObjectNode json) {
    ObjectNode a = json.putObject("audio");
    a.put("sample_rate", audio.sampleRate()).put("pre_emphasis", audio.preEmphasis())
        .put("window_length", audio.windowLength()).put("hop", audio.hop())
        .put("n_fft", audio.fftSize()).put("window", audio.window().name())
        .put("bands", audio.bands()).put("min_hz", audio.minHz()).put("max_hz", audio.maxHz())
        .put("mel_scale", audio.scale().name()).put("area_normalised", audio.areaNormalised())
        .put("floor", audio.floor()).put("cepstra", audio.cepstra());
    return json.put("features", kind.name()).put("deltas", deltas).put("stack", stack);
  }

  /**
   * Reads what {@link #toJson} wrote.
   *
   * @throws ModelFormatException naming the field that is missing or wrong
   */
  public static FrontEnd fromJson(JsonNode json, Path file) throws ModelFormatException {
    JsonNode a = json.path("audio");
    try {
      FeatureConfig audio = new FeatureConfig(number(a, "sample_rate", file).intValue(),
          number(a, "pre_emphasis", file).doubleValue(),
          number(a, "window_length", file).intValue(), number(a, "hop", file).intValue(),
          number(a, "n_fft", file).intValue(),
          FeatureConfig.Window.valueOf(text(a, "window", file)),
          number(a, "bands", file).intValue(), number(a, "min_hz", file).doubleValue(),
          number(a, "max_hz", file).doubleValue(), MelScale.valueOf(text(a, "mel_scale", file)),
          a.path("area_normalised").asBoolean(), number(a, "floor", file).doubleValue(),
          number(a, "cepstra", file).intValue());
      return new FrontEnd(audio, Kind.valueOf(text(json, "features", file)),
          number(json, "deltas", file).intValue(), number(json, "stack", file).intValue());
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file + ": bad audio front end in config " + json + ": "
          + e.getMessage(), e);
    }
  }

  private static Number number(JsonNode json, String name, Path file)
      throws ModelFormatException {
    JsonNode v = json.get(name);
    if (v == null || !v.isNumber()) {
      throw new ModelFormatException(file + ": config field '" + name + "' must be a number, got "
          + v);
    }
    return v.numberValue();
  }

  private static String text(JsonNode json, String name, Path file) throws ModelFormatException {
    JsonNode v = json.get(name);
    if (v == null || !v.isTextual()) {
      throw new ModelFormatException(file + ": config field '" + name + "' must be a string, got "
          + v);
    }
    return v.asText();
  }
}
