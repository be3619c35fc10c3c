package org.rnn4j.speech.audio;

/**
 * How audio becomes features.
 *
 * @param sampleRate the rate the audio is resampled to first
 * @param preEmphasis α of y⟨n⟩ = x⟨n⟩ − α·x⟨n−1⟩ (0: none)
 * @param windowLength samples of each frame that the window covers
 * @param hop samples between the starts of consecutive frames
 * @param fftSize n_fft ≥ windowLength; the window sits centred in each n_fft-sample frame
 * @param window the window's shape
 * @param bands M mel filters
 * @param minHz the lowest filter edge
 * @param maxHz the highest filter edge
 * @param scale the mel scale
 * @param areaNormalised Slaney's equal-area filters
 * @param floor the smallest power before the logarithm
 * @param cepstra C MFCCs kept (0 … C−1)
 */
public record FeatureConfig(int sampleRate, double preEmphasis, int windowLength, int hop,
    int fftSize, Window window, int bands, double minHz, double maxHz, MelScale scale,
    boolean areaNormalised, double floor, int cepstra) {

  /** The window's shape, each periodic (as for spectral analysis). */
  public enum Window {
    /** w⟨n⟩ = 0.5 − 0.5·cos(2πn/N). */
    HANN,
    /** w⟨n⟩ = 0.54 − 0.46·cos(2πn/N). */
    HAMMING
  }

  /** Checks the sizes. */
  public FeatureConfig {
    if (sampleRate < 1 || windowLength < 1 || hop < 1 || fftSize < windowLength || bands < 1
        || cepstra < 0 || cepstra > bands || !(floor > 0) || !(preEmphasis >= 0
        && preEmphasis < 1)) {
      throw new IllegalArgumentException("invalid feature config: " + sampleRate + " Hz, window "
          + windowLength + ", hop " + hop + ", n_fft " + fftSize + ", " + bands + " bands, "
          + cepstra + " cepstra, floor " + floor + ", pre-emphasis " + preEmphasis);
    }
  }

  /**
   * 16 kHz speech: pre-emphasis 0.97, a 25 ms Hann window every 10 ms in 512-point frames, 40
   * Slaney mel bands from 0 to 8 kHz, 13 cepstra.
   */
  public static FeatureConfig speech() {
    return new FeatureConfig(16_000, 0.97, 400, 160, 512, Window.HANN, 40, 0, 8_000,
        MelScale.SLANEY, true, 1e-10, 13);
  }

  /**
   * The MFCC settings of CMU Sphinx's front end (its documented defaults): 16 kHz, pre-emphasis
   * 0.97, a 0.0256 s Hamming window at 100 frames per second, 512-point frames, 40 filters from
   * 133.33 to 6855.5 Hz on the HTK-style mel scale, 13 cepstra.
   */
  public static FeatureConfig sphinx() {
    return new FeatureConfig(16_000, 0.97, 410, 160, 512, Window.HAMMING, 40, 133.33334,
        6855.4976, MelScale.HTK, false, 1e-10, 13);
  }

  /**
   * The settings the TIDIGITS feature files of CMU Sphinx's test data were made with (its
   * {@code feat.params}): 16 kHz, pre-emphasis 0.97, a 25 ms Hamming window at 100 frames per
   * second, 512-point frames, 20 filters from 1 Hz to 4 kHz on the HTK-style mel scale, 13
   * cepstra.
   */
  public static FeatureConfig tidigits() {
    return new FeatureConfig(16_000, 0.97, 400, 160, 512, Window.HAMMING, 20, 1, 4_000,
        MelScale.HTK, false, 1e-10, 13);
  }

  /** Frames of a signal of n samples: 1 + ⌊(n − n_fft)/hop⌋, or 0 if shorter than n_fft. */
  public int frames(int n) {
    return n < fftSize ? 0 : 1 + (n - fftSize) / hop;
  }
}
