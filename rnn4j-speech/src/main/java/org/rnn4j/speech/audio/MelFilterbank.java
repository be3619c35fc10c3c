package org.rnn4j.speech.audio;

/**
 * Triangular filters evenly spaced on a mel scale, applied to a power spectrum.
 *
 * <pre>
 * edges e_0 … e_{M+1}: M + 2 points evenly spaced in mel from mel(f_min) to mel(f_max), in Hz
 * bin k of an n_fft-point spectrum at f_k = k · rate / n_fft, k = 0 … n_fft/2
 * w[m, k] = max(0, min((f_k − e_m)/(e_{m+1} − e_m), (e_{m+2} − f_k)/(e_{m+2} − e_{m+1})))
 * area normalisation (Slaney): w[m, k] ·= 2 / (e_{m+2} − e_m), so each filter has equal area
 * mel[m] = Σ_k w[m, k] · |X_k|²
 * </pre>
 */
public final class MelFilterbank {
  private final float[][] weights; // (M, n_fft/2 + 1)

  /**
   * @param rate the sample rate
   * @param fftSize n_fft
   * @param bands M
   * @param minHz f_min
   * @param maxHz f_max, at most rate/2
   * @param scale the mel scale
   * @param areaNormalised whether each filter is scaled to equal area (Slaney's normalisation)
   */
  public MelFilterbank(int rate, int fftSize, int bands, double minHz, double maxHz,
      MelScale scale, boolean areaNormalised) {
    if (bands < 1 || fftSize < 2 || !(minHz >= 0 && minHz < maxHz && maxHz <= rate / 2.0)) {
      throw new IllegalArgumentException("expected bands ≥ 1, fftSize ≥ 2 and 0 ≤ minHz < maxHz"
          + " ≤ rate/2; got bands " + bands + ", fftSize " + fftSize + ", minHz " + minHz
          + ", maxHz " + maxHz + ", rate " + rate);
    }
    double[] edges = new double[bands + 2];
    double lo = scale.mel(minHz);
    double hi = scale.mel(maxHz);
    for (int i = 0; i < edges.length; i++) {
      edges[i] = scale.hz(lo + (hi - lo) * i / (bands + 1));
    }
    int bins = fftSize / 2 + 1;
    weights = new float[bands][bins];
    for (int m = 0; m < bands; m++) {
      double norm = areaNormalised ? 2 / (edges[m + 2] - edges[m]) : 1;
      for (int k = 0; k < bins; k++) {
        double f = k * (double) rate / fftSize;
        double rising = (f - edges[m]) / (edges[m + 1] - edges[m]);
        double falling = (edges[m + 2] - f) / (edges[m + 2] - edges[m + 1]);
        weights[m][k] = (float) (Math.max(0, Math.min(rising, falling)) * norm);
      }
    }
  }

  /** M, the number of filters. */
  public int bands() {
    return weights.length;
  }

  /**
   * @param power (n_fft/2 + 1) a power spectrum
   * @param out (M) the filter outputs
   */
  public void apply(double[] power, double[] out) {
    for (int m = 0; m < weights.length; m++) {
      double sum = 0;
      float[] w = weights[m];
      for (int k = 0; k < w.length; k++) {
        sum += w[k] * power[k];
      }
      out[m] = sum;
    }
  }
}
