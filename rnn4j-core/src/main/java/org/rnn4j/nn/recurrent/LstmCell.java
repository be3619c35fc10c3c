package org.rnn4j.nn.recurrent;

import org.rnn4j.kernel.Activations;

/**
 * The long short-term memory cell, gate order as in PyTorch (i, f, g, o):
 *
 * <pre>
 * i = σ(W_ii x + b_ii + W_hi h + b_hi)          W_ih (4H, I), rows [i | f | g | o]
 * f = σ(W_if x + b_if + W_hf h + b_hf)          W_hh (4H, H), rows [i | f | g | o]
 * g = tanh(W_ig x + b_ig + W_hg h + b_hg)       b_ih, b_hh (4H)
 * o = σ(W_io x + b_io + W_ho h + b_ho)
 * c' = f ⊙ c + i ⊙ g ;  h' = o ⊙ tanh(c')
 *
 * backward:  dc' (total) = dc' + dh'⊙o⊙(1 − tanh²c')    do = dh'⊙tanh c'
 *            di = dc'⊙g   dg = dc'⊙i   df = dc'⊙c   dc = dc'⊙f
 *            dL/d(pre-activations) = [di⊙i(1−i) | df⊙f(1−f) | dg⊙(1−g²) | do⊙o(1−o)]
 * </pre>
 * Saved per row: [i | f | g | o | tanh c'].
 */
final class LstmCell implements Cell {

  @Override
  public int gates() {
    return 4;
  }

  @Override
  public int savedPerUnit() {
    return 5;
  }

  @Override
  public boolean hasCellState() {
    return true;
  }

  @Override
  public boolean separateHiddenGradient() {
    return false;
  }

  @Override
  public void forward(Unroll u, int s, int b) {
    int h = u.hidden;
    int sv = u.savedRow(s, b);
    int pre = u.sumPreActivations(s, b, 4 * h);
    Activations.sigmoid(u.saved, sv, u.pre, pre, 2 * h); // i, f
    Activations.tanh(u.saved, sv + 2 * h, u.pre, pre + 2 * h, h); // g
    Activations.sigmoid(u.saved, sv + 3 * h, u.pre, pre + 3 * h, h); // o
    int cPrev = u.cellRow(s, b);
    int cOut = u.cellRow(s + 1, b);
    for (int j = 0; j < h; j++) {
      u.c[cOut + j] = u.saved[sv + h + j] * u.c[cPrev + j] + u.saved[sv + j] * u.saved[sv + 2 * h + j];
    }
    Activations.tanh(u.saved, sv + 4 * h, u.c, cOut, h); // tanh c'
    int out = u.stateRow(s + 1, b);
    for (int j = 0; j < h; j++) {
      u.h[out + j] = u.saved[sv + 3 * h + j] * u.saved[sv + 4 * h + j];
    }
  }

  @Override
  public void backward(Unroll u, int s, int b) {
    int h = u.hidden;
    int sv = u.savedRow(s, b);
    int g = u.gateRow(s, b);
    int cPrev = u.cellRow(s, b);
    int d = b * h;
    for (int j = 0; j < h; j++) {
      float i = u.saved[sv + j];
      float f = u.saved[sv + h + j];
      float gg = u.saved[sv + 2 * h + j];
      float o = u.saved[sv + 3 * h + j];
      float tc = u.saved[sv + 4 * h + j];
      float dh = u.dh[d + j];
      float dc = u.dc[d + j] + dh * o * (1f - tc * tc);
      u.dPreIh[g + j] = dc * gg * i * (1f - i);
      u.dPreIh[g + h + j] = dc * u.c[cPrev + j] * f * (1f - f);
      u.dPreIh[g + 2 * h + j] = dc * i * (1f - gg * gg);
      u.dPreIh[g + 3 * h + j] = dh * tc * o * (1f - o);
      u.dcPrev[d + j] = dc * f;
      u.dhPrev[d + j] = 0f;
    }
  }
}
