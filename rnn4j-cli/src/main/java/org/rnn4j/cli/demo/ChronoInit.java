package org.rnn4j.cli.demo;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.tensor.Tensor;

/**
 * Chrono initialisation of a gated layer's biases (Tallec and Ollivier, "Can recurrent neural
 * networks warp time?", ICLR 2018): each unit j starts with its own time scale u_j drawn
 * uniformly from [1, T_max − 1], and the gate that keeps the state gets the bias log(u_j), so at
 * the start the unit keeps σ(log u_j) = u_j / (1 + u_j) of its state per step and remembers for
 * about u_j steps:
 *
 * <pre>
 * LSTM (gates i, f, g, o):  b_f = log(u),  b_i = −log(u)
 * GRU  (gates r, z, n):     b_z = log(u)           (a⟨t⟩ = (1 − z)·n + z·a⟨t−1⟩)
 * </pre>
 *
 * <p>The values go into b_ih; the same rows of b_hh are set to 0. A vanilla RNN has no gate, so
 * nothing changes for it: that is the lecture's point.
 */
final class ChronoInit {
  private ChronoInit() {}

  /**
   * Sets the first layer's gate biases of {@code prefix}.weight… in place.
   *
   * @param cell the layer's cell; RNN cells are left as they are
   * @param parameters the model's parameters by name
   * @param prefix the layer's name, e.g. "rnn"
   * @param hidden H
   * @param horizon T_max, at least 2
   * @param rng draws the time scales
   */
  static void apply(CellKind cell, Map<String, Tensor> parameters, String prefix, int hidden,
      int horizon, RandomGenerator rng) {
    if (horizon < 2) {
      throw new IllegalArgumentException("horizon T_max must be at least 2, got " + horizon);
    }
    if (cell != CellKind.LSTM && cell != CellKind.GRU) {
      return;
    }
    float[] bih = parameters.get(prefix + ".bias_ih_l0").data(); // (G·H)
    float[] bhh = parameters.get(prefix + ".bias_hh_l0").data(); // (G·H)
    for (int j = 0; j < hidden; j++) {
      float keep = (float) Math.log(1 + rng.nextDouble() * (horizon - 2)); // log u, u in [1, T−1]
      bih[hidden + j] = keep; // f of the LSTM, z of the GRU: rows H … 2H−1
      bhh[hidden + j] = 0f;
      if (cell == CellKind.LSTM) {
        bih[j] = -keep; // i: rows 0 … H−1
        bhh[j] = 0f;
      }
    }
  }
}
