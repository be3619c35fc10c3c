package org.rnn4j.speech.audio;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Log-mel and MFCC features of audio, frame by frame:
 *
 * <pre>
 * x ← resample(x, rate);  y⟨n⟩ = x⟨n⟩ − α·x⟨n−1⟩ (y⟨0⟩ = x⟨0⟩)
 * frame t: the n_fft samples y⟨t·hop … t·hop + n_fft − 1⟩, times the window (L samples, centred,
 *          zero elsewhere); t = 0 … 1 + ⌊(N − n_fft)/hop⌋ − 1
 * |X_k|² of its real FFT, k = 0 … n_fft/2
 * log-mel[t, m] = ln(max(floor, Σ_k w[m, k]·|X_k|²))                                  (T, M)
 * mfcc[t, c] = s_c · Σ_m log-mel[t, m] · cos(π·c·(2m + 1) / (2M)),  c &lt; C             (T, C)
 *              (DCT-II, orthonormal: s_0 = √(1/M), s_c = √(2/M))
 * </pre>
 * Immutable and safe to share between threads (each call uses its own buffers).
 */
public final class FeatureExtractor {
  private final FeatureConfig config;
  private final MelFilterbank filterbank;
  private final double[] window; // (n_fft), zero outside the centred L samples

  /**
   * @param config the settings
   */
  public FeatureExtractor(FeatureConfig config) {
    this.config = config;
    this.filterbank = new MelFilterbank(config.sampleRate(), config.fftSize(), config.bands(),
        config.minHz(), config.maxHz(), config.scale(), config.areaNormalised());
    this.window = new double[config.fftSize()];
    int l = config.windowLength();
    int offset = (config.fftSize() - l) / 2;
    double a = config.window() == FeatureConfig.Window.HANN ? 0.5 : 0.54;
    for (int n = 0; n < l; n++) {
      window[offset + n] = a - (1 - a) * Math.cos(2 * Math.PI * n / l);
    }
  }

  /** The settings. */
  public FeatureConfig config() {
    return config;
  }

  /**
   * @param audio any rate; resampled to the config's first
   * @return (T, M) log-mel energies
   */
  public float[][] logMel(Waveform audio) {
    double[] y = preEmphasised(Resampler.resample(audio, config.sampleRate()).samples());
    int n = config.fftSize();
    int frames = config.frames(y.length);
    float[][] out = new float[frames][config.bands()];
    DoubleFFT_1D fft = new DoubleFFT_1D(n);
    double[] frame = new double[n];
    double[] power = new double[n / 2 + 1];
    double[] mel = new double[config.bands()];
    for (int t = 0; t < frames; t++) {
      for (int i = 0; i < n; i++) {
        frame[i] = y[t * config.hop() + i] * window[i];
      }
      fft.realForward(frame); // [Re0, Re(n/2), Re1, Im1, Re2, Im2, …]
      power[0] = frame[0] * frame[0];
      power[n / 2] = frame[1] * frame[1];
      for (int k = 1; k < n / 2; k++) {
        power[k] = frame[2 * k] * frame[2 * k] + frame[2 * k + 1] * frame[2 * k + 1];
      }
      filterbank.apply(power, mel);
      for (int m = 0; m < mel.length; m++) {
        out[t][m] = (float) Math.log(Math.max(config.floor(), mel[m]));
      }
    }
    return out;
  }

  /**
   * @param audio any rate; resampled to the config's first
   * @return (T, C) MFCCs
   */
  public float[][] mfcc(Waveform audio) {
    return cepstra(logMel(audio), config.cepstra());
  }

  /**
   * The orthonormal DCT-II of each row, first C coefficients.
   *
   * @param logMel (T, M)
   * @param c C ≤ M
   * @return (T, C)
   */
  public static float[][] cepstra(float[][] logMel, int c) {
    float[][] out = new float[logMel.length][c];
    for (int t = 0; t < logMel.length; t++) {
      int m = logMel[t].length;
      for (int k = 0; k < c; k++) {
        double sum = 0;
        for (int i = 0; i < m; i++) {
          sum += logMel[t][i] * Math.cos(Math.PI * k * (2 * i + 1) / (2.0 * m));
        }
        out[t][k] = (float) (sum * Math.sqrt((k == 0 ? 1.0 : 2.0) / m));
      }
    }
    return out;
  }

  private double[] preEmphasised(float[] x) {
    double[] y = new double[x.length];
    double a = config.preEmphasis();
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i] - (i > 0 ? a * x[i - 1] : 0);
    }
    return y;
  }
}
