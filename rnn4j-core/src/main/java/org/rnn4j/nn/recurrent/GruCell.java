package org.rnn4j.nn.recurrent;

import org.rnn4j.kernel.Activations;

/**
 * The gated recurrent unit as PyTorch defines it (the reset gate multiplies W_hn·h + b_hn):
 *
 * <pre>
 * r = σ(W_ir x + b_ir + W_hr h + b_hr)             W_ih (3H, I), rows [r | z | n]
 * z = σ(W_iz x + b_iz + W_hz h + b_hz)             W_hh (3H, H), rows [r | z | n]
 * n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))    b_ih, b_hh (3H)
 * h' = (1 − z) ⊙ n + z ⊙ h
 *
 * backward:  dn = dh'⊙(1 − z)   dz = dh'⊙(h − n)   dh (direct) = dh'⊙z
 *            dn̂ = dn⊙(1 − n²)  (n̂: the argument of tanh)   dr = dn̂⊙(W_hn h + b_hn)
 *            dL/d(ih part) = [dr⊙r(1−r) | dz⊙z(1−z) | dn̂]
 *            dL/d(hh part) = [dr⊙r(1−r) | dz⊙z(1−z) | dn̂⊙r]
 * </pre>
 * Saved per row: [r | z | n | W_hn h + b_hn].
 */
final class GruCell implements Cell {

  @Override
  public int gates() {
    return 3;
  }

  @Override
  public int savedPerUnit() {
    return 4;
  }

  @Override
  public boolean hasCellState() {
    return false;
  }

  @Override
  public boolean separateHiddenGradient() {
    return true;
  }

  @Override
  public void forward(Unroll u, int s, int b) {
    int h = u.hidden;
    int ih = u.preIhRow(s, b);
    int sv = u.savedRow(s, b);
    int pre = u.sumPreActivations(s, b, 2 * h); // r and z; n below
    int hr = pre; // row b of u.hh and of u.pre start at the same offset
    Activations.sigmoid(u.saved, sv, u.pre, pre, 2 * h); // r, z
    for (int j = 0; j < h; j++) {
      int n = 2 * h + j;
      float hn = u.hh[hr + n] + u.biasHh[n];
      u.saved[sv + 3 * h + j] = hn;
      u.pre[pre + n] = u.preIh[ih + n] + u.biasIh[n] + u.saved[sv + j] * hn;
    }
    Activations.tanh(u.saved, sv + 2 * h, u.pre, pre + 2 * h, h); // n
    int prev = u.stateRow(s, b);
    int out = u.stateRow(s + 1, b);
    for (int j = 0; j < h; j++) {
      float z = u.saved[sv + h + j];
      float n = u.saved[sv + 2 * h + j];
      u.h[out + j] = (1f - z) * n + z * u.h[prev + j];
    }
  }

  @Override
  public void backward(Unroll u, int s, int b) {
    int h = u.hidden;
    int sv = u.savedRow(s, b);
    int g = u.gateRow(s, b);
    int prev = u.stateRow(s, b);
    int d = b * h;
    for (int j = 0; j < h; j++) {
      float r = u.saved[sv + j];
      float z = u.saved[sv + h + j];
      float n = u.saved[sv + 2 * h + j];
      float hn = u.saved[sv + 3 * h + j];
      float dh = u.dh[d + j];
      float dnPre = dh * (1f - z) * (1f - n * n);
      float drPre = dnPre * hn * r * (1f - r);
      float dzPre = dh * (u.h[prev + j] - n) * z * (1f - z);
      u.dPreIh[g + j] = drPre;
      u.dPreIh[g + h + j] = dzPre;
      u.dPreIh[g + 2 * h + j] = dnPre;
      u.dPreHh[g + j] = drPre;
      u.dPreHh[g + h + j] = dzPre;
      u.dPreHh[g + 2 * h + j] = dnPre * r;
      u.dhPrev[d + j] = dh * z;
    }
  }
}
