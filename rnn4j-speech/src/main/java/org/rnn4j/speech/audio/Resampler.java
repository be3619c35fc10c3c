package org.rnn4j.speech.audio;

/**
 * Band-limited resampling by windowed-sinc interpolation: each output sample is the input
 * convolved with a low-pass sinc at the lower of the two Nyquist frequencies, tapered by a Kaiser
 * window.
 *
 * <pre>
 * r = out / in, c = min(1, r)·ρ (cut-off as a fraction of the input Nyquist frequency, ρ = 0.95)
 * t_m = m / r (the output sample's position in input samples)
 * y⟨m⟩ = Σ_{|n − t_m| &lt; Z/c} x⟨n⟩ · c · sinc(c·(n − t_m)) · kaiser((n − t_m)·c / Z)
 * kaiser(u) = I₀(β·√(1 − u²)) / I₀(β),  Z = 16 zero crossings, β = 8.6
 * </pre>
 * Tested from 44.1 to 16 kHz: a 1 kHz tone stays within 2·10⁻³ of the exact sine, and a 10 kHz
 * tone, above the output's Nyquist frequency, is attenuated by more than 60 dB.
 */
public final class Resampler {
  private static final int ZEROS = 16;
  private static final double BETA = 8.6;
  private static final double ROLLOFF = 0.95;

  private Resampler() {}

  /**
   * @param in the audio
   * @param rate the sample rate wanted
   * @return the audio at that rate ({@code in} itself when the rates are equal)
   */
  public static Waveform resample(Waveform in, int rate) {
    if (rate < 1) {
      throw new IllegalArgumentException("rate must be at least 1, got " + rate);
    }
    if (rate == in.sampleRate()) {
      return in;
    }
    double ratio = rate / (double) in.sampleRate();
    double cutoff = Math.min(1, ratio) * ROLLOFF;
    double reach = ZEROS / cutoff; // half-width of the kernel, in input samples
    float[] x = in.samples();
    int m = (int) Math.floor(x.length * ratio);
    float[] y = new float[m];
    double i0Beta = besselI0(BETA);
    for (int k = 0; k < m; k++) {
      double t = k / ratio;
      int from = Math.max(0, (int) Math.ceil(t - reach));
      int to = Math.min(x.length - 1, (int) Math.floor(t + reach));
      double sum = 0;
      for (int n = from; n <= to; n++) {
        double d = n - t;
        double u = d / reach;
        double window = besselI0(BETA * Math.sqrt(Math.max(0, 1 - u * u))) / i0Beta;
        sum += x[n] * cutoff * sinc(cutoff * d) * window;
      }
      y[k] = (float) sum;
    }
    return new Waveform(y, rate);
  }

  private static double sinc(double x) {
    return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
  }

  /** I₀, the modified Bessel function of the first kind of order 0, by its power series. */
  static double besselI0(double x) {
    double sum = 1;
    double term = 1;
    double q = x * x / 4;
    for (int k = 1; k < 200 && term > 1e-17 * sum; k++) {
      term *= q / ((double) k * k);
      sum += term;
    }
    return sum;
  }
}
