package org.rnn4j.speech.audio;

import java.util.random.RandomGenerator;

/**
 * SpecAugment-style masking for training (Park et al. 2019, without time warping): a few bands
 * of consecutive frequencies and a few runs of consecutive frames are set to a fill value (0,
 * the mean after per-utterance normalisation).
 *
 * <pre>
 * F frequency masks: width f ~ U{0 … F_max}, start f₀ ~ U{0 … D − f}: x[:, f₀ … f₀+f−1] = fill
 * T time masks:      width τ ~ U{0 … min(T_max, ⌊p·T⌋)}, start t₀ ~ U{0 … T − τ}: x[t₀ … t₀+τ−1, :] = fill
 * </pre>
 *
 * @param frequencyMasks F
 * @param maxFrequencyWidth F_max
 * @param timeMasks the number of time masks
 * @param maxTimeWidth T_max
 * @param maxTimeFraction p, the largest share of the frames one mask may cover
 * @param fill the value masked cells take
 */
public record SpecAugment(int frequencyMasks, int maxFrequencyWidth, int timeMasks,
    int maxTimeWidth, double maxTimeFraction, float fill) {

  /** Checks the settings. */
  public SpecAugment {
    if (frequencyMasks < 0 || maxFrequencyWidth < 0 || timeMasks < 0 || maxTimeWidth < 0
        || !(maxTimeFraction >= 0 && maxTimeFraction <= 1)) {
      throw new IllegalArgumentException("mask counts and widths must be ≥ 0 and the time"
          + " fraction in [0, 1]; got " + frequencyMasks + ", " + maxFrequencyWidth + ", "
          + timeMasks + ", " + maxTimeWidth + ", " + maxTimeFraction);
    }
  }

  /**
   * @param x (T, D) features, left unchanged
   * @param rng draws the masks
   * @return (T, D) a masked copy
   */
  public float[][] apply(float[][] x, RandomGenerator rng) {
    float[][] out = new float[x.length][];
    for (int t = 0; t < x.length; t++) {
      out[t] = x[t].clone();
    }
    int d = x.length == 0 ? 0 : x[0].length;
    for (int i = 0; i < frequencyMasks && d > 0; i++) {
      int width = rng.nextInt(Math.min(maxFrequencyWidth, d) + 1);
      int start = rng.nextInt(d - width + 1);
      for (float[] row : out) {
        java.util.Arrays.fill(row, start, start + width, fill);
      }
    }
    int limit = Math.min(maxTimeWidth, (int) Math.floor(maxTimeFraction * x.length));
    for (int i = 0; i < timeMasks && x.length > 0; i++) {
      int width = rng.nextInt(limit + 1);
      int start = rng.nextInt(x.length - width + 1);
      for (int t = start; t < start + width; t++) {
        java.util.Arrays.fill(out[t], fill);
      }
    }
    return out;
  }
}
