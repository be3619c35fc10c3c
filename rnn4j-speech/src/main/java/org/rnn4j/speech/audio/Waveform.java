package org.rnn4j.speech.audio;

/**
 * Mono audio: samples in [−1, 1] at a sample rate.
 *
 * @param samples (N) the samples, one per 1/rate seconds
 * @param sampleRate samples per second, at least 1
 */
public record Waveform(float[] samples, int sampleRate) {
  /** Checks the rate. */
  public Waveform {
    if (samples == null) {
      throw new IllegalArgumentException("samples must be given");
    }
    if (sampleRate < 1) {
      throw new IllegalArgumentException("sampleRate must be at least 1, got " + sampleRate);
    }
  }

  /** The length in seconds. */
  public double seconds() {
    return samples.length / (double) sampleRate;
  }
}
