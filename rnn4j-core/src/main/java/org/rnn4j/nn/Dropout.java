package org.rnn4j.nn;

import java.util.Optional;
import java.util.random.RandomGenerator;
import org.rnn4j.tensor.Tensor;

/**
 * Inverted dropout, PyTorch's {@code nn.Dropout}: in training mode each element is zeroed with
 * probability p and the rest are scaled by 1/(1 − p); in evaluation mode (the default) the input
 * passes unchanged. It has no parameters, only a mode.
 *
 * <pre>
 * x (…) → y (…)      y = x ⊙ m / (1 − p),  m ~ Bernoulli(1 − p)  while training
 * </pre>
 */
public final class Dropout implements Module {
  private final float p;
  private Optional<RandomGenerator> rng = Optional.empty(); // present while training

  /**
   * @param p the probability of zeroing an element, in [0, 1)
   * @throws IllegalArgumentException if p is outside [0, 1)
   */
  public Dropout(float p) {
    if (!(p >= 0f && p < 1f)) {
      throw new IllegalArgumentException("dropout must lie in [0, 1), got " + p);
    }
    this.p = p;
  }

  /** The probability of zeroing an element. */
  public float p() {
    return p;
  }

  @Override
  public void train(RandomGenerator masks) {
    this.rng = Optional.of(masks);
  }

  @Override
  public void eval() {
    this.rng = Optional.empty();
  }

  /**
   * Whether {@link #forward} changes its input: in training mode with p &gt; 0. A caller may skip
   * the call, or fuse what comes before with what comes after it, when it does not.
   */
  public boolean applies() {
    return rng.isPresent() && p > 0f;
  }

  /**
   * @param x any shape
   * @return x itself in evaluation mode or when p = 0, else x with dropout applied
   */
  public Tensor forward(Tensor x) {
    return applies() ? x.dropout(p, rng.get()) : x;
  }
}
