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
    Activations.lstmForward(u.preIh, u.preIhRow(s, b), u.hh, b * u.gateWidth, u.biasIh, u.biasHh,
        u.c, u.cellRow(s, b), u.cellRow(s + 1, b), u.saved, u.savedRow(s, b), u.h,
        u.stateRow(s + 1, b), h);
  }

  @Override
  public void backward(Unroll u, int s, int b) {
    int h = u.hidden;
    Activations.lstmBackward(u.saved, u.savedRow(s, b), u.c, u.cellRow(s, b), u.dh, u.dc, b * h,
        u.dPreIh, u.gateRow(s, b), u.dhPrev, u.dcPrev, h);
  }
}
