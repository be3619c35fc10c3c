package org.rnn4j.speech.audio;

/**
 * Hertz ↔ mel, in the two conventions speech tools use.
 *
 * <pre>
 * HTK:     m = 2595 · log10(1 + f/700)
 * Slaney:  m = 3f/200 for f &lt; 1000 Hz;  m = 15 + 27 · ln(f/1000) / ln 6.4 above
 *          (linear to 1 kHz, logarithmic above: the Auditory Toolbox's scale, librosa's default)
 * </pre>
 */
public enum MelScale {
  HTK {
    @Override
    public double mel(double hz) {
      return 2595 * Math.log10(1 + hz / 700);
    }

    @Override
    public double hz(double mel) {
      return 700 * (Math.pow(10, mel / 2595) - 1);
    }
  },
  SLANEY {
    @Override
    public double mel(double hz) {
      return hz < BREAK_HZ ? hz / LINEAR_STEP : BREAK_MEL + Math.log(hz / BREAK_HZ) / LOG_STEP;
    }

    @Override
    public double hz(double mel) {
      return mel < BREAK_MEL ? mel * LINEAR_STEP : BREAK_HZ * Math.exp(LOG_STEP * (mel - BREAK_MEL));
    }
  };

  private static final double LINEAR_STEP = 200.0 / 3;
  private static final double BREAK_HZ = 1000;
  private static final double BREAK_MEL = BREAK_HZ / LINEAR_STEP; // 15
  private static final double LOG_STEP = Math.log(6.4) / 27;

  /** Mels of a frequency in hertz. */
  public abstract double mel(double hz);

  /** Hertz of a mel value. */
  public abstract double hz(double mel);
}
