package org.rnn4j.nn.recurrent;

import org.rnn4j.kernel.Activations;

/**
 * The vanilla (Elman) RNN step of the textbook, with g = tanh or relu:
 *
 * <pre>
 * a⟨t⟩ = g(W_ih·x⟨t⟩ + b_ih + W_hh·a⟨t−1⟩ + b_hh)      W_ih (H, I), W_hh (H, H), b_ih, b_hh (H)
 *
 * backward:  dpre = da⟨t⟩ ⊙ g'(·),  tanh' = 1 − a⟨t⟩²,  relu' = [a⟨t⟩ &gt; 0]
 *            dL/d(W_ih·x + b_ih) = dL/d(W_hh·a + b_hh) = dpre;  da⟨t−1⟩ = W_hhᵀ·dpre
 * </pre>
 * The output a⟨t⟩ is the state itself, so nothing else is saved.
 */
final class RnnCell implements Cell {
  private final boolean relu;

  /** @param relu g = relu instead of tanh */
  RnnCell(boolean relu) {
    this.relu = relu;
  }

  @Override
  public int gates() {
    return 1;
  }

  @Override
  public int savedPerUnit() {
    return 0;
  }

  @Override
  public boolean hasCellState() {
    return false;
  }

  @Override
  public boolean separateHiddenGradient() {
    return false;
  }

  @Override
  public void forward(Unroll u, int s, int b) {
    int pre = u.sumPreActivations(s, b, u.hidden);
    int out = u.stateRow(s + 1, b);
    if (relu) {
      for (int j = 0; j < u.hidden; j++) {
        u.h[out + j] = Math.max(u.pre[pre + j], 0f);
      }
    } else {
      Activations.tanh(u.h, out, u.pre, pre, u.hidden);
    }
  }

  @Override
  public void backward(Unroll u, int s, int b) {
    int a = u.stateRow(s + 1, b);
    int d = b * u.hidden;
    int g = u.gateRow(s, b);
    for (int j = 0; j < u.hidden; j++) {
      float y = u.h[a + j];
      float slope = relu ? (y > 0f ? 1f : 0f) : 1f - y * y;
      u.dPreIh[g + j] = u.dh[d + j] * slope;
      u.dhPrev[d + j] = 0f;
    }
  }
}
