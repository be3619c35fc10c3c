package org.rnn4j.decode.ctc;

import java.util.Arrays;
import org.rnn4j.tensor.Tensor;

/**
 * The frames of one sequence in a (T, B, C) or (T, C) tensor of log-probabilities: y_t(k) for
 * t &lt; length, read in place.
 */
final class Frames {
  private final float[] data;
  private final int batch;
  private final int b;
  private final int classes;
  private final int length;

  private Frames(float[] data, int batch, int b, int classes, int length) {
    this.data = data;
    this.batch = batch;
    this.b = b;
    this.classes = classes;
    this.length = length;
  }

  /** All T frames of a (T, C) tensor. */
  static Frames of(Tensor logProbs) {
    if (logProbs.rank() != 2 || logProbs.dim(1) < 1) {
      throw new IllegalArgumentException("logProbs must be (T, C) with C ≥ 1, got shape "
          + Arrays.toString(logProbs.shape()));
    }
    return new Frames(logProbs.data(), 1, 0, logProbs.dim(1), logProbs.dim(0));
  }

  /** The first lengths[b] frames of column b of a (T, B, C) tensor. */
  static Frames of(Tensor logProbs, int[] lengths, int b) {
    if (logProbs.rank() != 3 || logProbs.dim(2) < 1) {
      throw new IllegalArgumentException("logProbs must be (T, B, C) with C ≥ 1, got shape "
          + Arrays.toString(logProbs.shape()));
    }
    if (lengths.length != logProbs.dim(1)) {
      throw new IllegalArgumentException("lengths must have one entry per sequence: expected B = "
          + logProbs.dim(1) + ", got " + lengths.length);
    }
    if (lengths[b] < 0 || lengths[b] > logProbs.dim(0)) {
      throw new IllegalArgumentException("lengths[" + b + "] must lie in [0, " + logProbs.dim(0)
          + "] (T of logProbs), got " + lengths[b]);
    }
    return new Frames(logProbs.data(), logProbs.dim(1), b, logProbs.dim(2), lengths[b]);
  }

  /** T, the frames of the sequence. */
  int length() {
    return length;
  }

  /** C, the classes. */
  int classes() {
    return classes;
  }

  /** y_t(k). */
  float at(int t, int k) {
    return data[(t * batch + b) * classes + k];
  }

  /** Checks that the blank is a class. */
  void checkBlank(int blank) {
    if (blank < 0 || blank >= classes) {
      throw new IllegalArgumentException("blank must lie in [0, " + classes + ") (C of logProbs),"
          + " got " + blank);
    }
  }
}
