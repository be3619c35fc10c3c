package org.rnn4j.nn.recurrent;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testing.Fixture;

/**
 * Outputs, final states and gradients equal PyTorch's on fixtures written by
 * tools/fixtures/make_recurrent_fixtures.py (PyTorch in float64, stored as float32; variable
 * lengths through pack_padded_sequence). Tolerance: 1e−5 relative to max(|expected|, 1).
 */
class PyTorchParityTest {
  private static final double RTOL = 1e-5;
  private static final double FLOOR = 1.0;

  @ParameterizedTest
  @ValueSource(strings = {"rnn_tanh", "rnn_relu", "gru", "lstm", "lstm_2layers", "gru_2layers",
      "rnn_tanh_bidirectional", "gru_bidirectional", "lstm_bidirectional", "rnn_relu_packed",
      "gru_packed_bidirectional", "lstm_packed_2layers_bidirectional"})
  void matchesPyTorchFixture(String name) throws IOException {
    Fixture f = Fixture.load("recurrent/" + name + ".safetensors");
    RecurrentConfig config = RecurrentConfig.builder(CellKind.valueOf(f.meta("mode")),
            Integer.parseInt(f.meta("input_size")), Integer.parseInt(f.meta("hidden_size")))
        .layers(Integer.parseInt(f.meta("num_layers")))
        .bidirectional(Boolean.parseBoolean(f.meta("bidirectional")))
        .build();
    Recurrent rnn = new Recurrent(config, new SplittableRandom(0));
    for (Map.Entry<String, Tensor> p : rnn.parameters().entrySet()) {
      float[] src = f.tensor(p.getKey()).data();
      System.arraycopy(src, 0, p.getValue().data(), 0, src.length);
    }
    int[] lengths = Arrays.stream(f.meta("lengths").split(",")).mapToInt(Integer::parseInt)
        .toArray();
    boolean lstm = config.cell().hasCellState();
    Tensor x = f.tensor("input").copy().requiresGrad(true);
    Tensor h0 = f.tensor("h0").copy().requiresGrad(true);
    Optional<Tensor> c0 = lstm ? Optional.of(f.tensor("c0").copy().requiresGrad(true))
        : Optional.empty();

    RecurrentOutput out = rnn.forward(x, lengths, new RecurrentState(h0, c0));
    Tensor loss = out.output().mul(f.tensor("r_output")).sum()
        .add(out.state().h().mul(f.tensor("r_h_n")).sum());
    if (lstm) {
      loss = loss.add(out.state().c().orElseThrow().mul(f.tensor("r_c_n")).sum());
    }
    loss.backward();

    f.assertClose("output", out.output(), RTOL, FLOOR);
    f.assertClose("h_n", out.state().h(), RTOL, FLOOR);
    f.assertClose("grad_input", x.grad(), RTOL, FLOOR);
    f.assertClose("grad_h0", h0.grad(), RTOL, FLOOR);
    if (lstm) {
      f.assertClose("c_n", out.state().c().orElseThrow(), RTOL, FLOOR);
      f.assertClose("grad_c0", c0.orElseThrow().grad(), RTOL, FLOOR);
    }
    for (Map.Entry<String, Tensor> p : rnn.parameters().entrySet()) {
      f.assertClose("grad_" + p.getKey(), p.getValue().grad(), RTOL, FLOOR);
    }
  }
}
