package org.rnn4j.nn.recurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testing.GradientCheck;

/**
 * Finite-difference checks of backpropagation through time: gradients for the input, the initial
 * state and every parameter, through outputs and final states, for each cell.
 */
class RecurrentGradientTest {
  private static final int INPUT = 3;
  private static final int HIDDEN = 4;

  /** Checks dL/d(x, h0, c0, parameters) of L = project(outputs, final h, final c). */
  private static void checkLayer(String name, RecurrentConfig config, int steps, int[] lengths) {
    SplittableRandom rng = new SplittableRandom(name.hashCode());
    Recurrent rnn = new Recurrent(config, rng);
    int b = lengths.length;
    int ld = config.layers() * config.directions();
    List<Tensor> inputs = new ArrayList<>();
    inputs.add(Tensor.uniform(rng, -1f, 1f, b, steps, INPUT).requiresGrad(true));
    inputs.add(Tensor.uniform(rng, -0.5f, 0.5f, ld, b, HIDDEN).requiresGrad(true));
    boolean lstm = config.cell().hasCellState();
    if (lstm) {
      inputs.add(Tensor.uniform(rng, -0.5f, 0.5f, ld, b, HIDDEN).requiresGrad(true));
    }
    inputs.addAll(rnn.parameters().values());
    Function<Tensor[], Tensor> f = in -> {
      RecurrentState initial =
          new RecurrentState(in[1], lstm ? Optional.of(in[2]) : Optional.empty());
      RecurrentOutput out = rnn.forward(in[0], lengths, initial);
      List<Tensor> parts = new ArrayList<>(List.of(
          out.output().reshape(-1), out.state().h().reshape(-1)));
      out.state().c().ifPresent(c -> parts.add(c.reshape(-1)));
      return Tensor.concat(0, parts.toArray(Tensor[]::new));
    };
    GradientCheck.check(name, tolerance(config.cell()), f, inputs.toArray(Tensor[]::new));
  }

  /**
   * relu has a kink at 0: a finite difference whose ±ε straddles it is wrong by the jump in slope.
   * A smaller ε makes that rare, at the price of more float32 noise, hence the looser atol.
   */
  private static GradientCheck.Tolerance tolerance(CellKind kind) {
    return kind == CellKind.RNN_RELU
        ? new GradientCheck.Tolerance(1e-3, 5e-3, 1e-2)
        : GradientCheck.Tolerance.DEFAULT;
  }

  private static RecurrentConfig.Builder base(CellKind kind) {
    return RecurrentConfig.builder(kind, INPUT, HIDDEN);
  }

  @ParameterizedTest
  @EnumSource(CellKind.class)
  void oneStepIsTheCellAlone(CellKind kind) {
    checkLayer(kind + " T=1", base(kind).build(), 1, new int[] {1, 1});
  }

  @ParameterizedTest
  @EnumSource(CellKind.class)
  void everyLengthFromOneToSixInOneBatch(CellKind kind) {
    checkLayer(kind + " lengths 1..6", base(kind).build(), 6, new int[] {6, 1, 3, 5, 2, 4});
  }

  @ParameterizedTest
  @EnumSource(CellKind.class)
  void bidirectionalWithLengths(CellKind kind) {
    checkLayer(kind + " bidirectional", base(kind).bidirectional(true).build(), 5,
        new int[] {5, 2, 4});
  }

  @ParameterizedTest
  @EnumSource(CellKind.class)
  void twoStackedBidirectionalLayers(CellKind kind) {
    checkLayer(kind + " 2 layers", base(kind).layers(2).bidirectional(true).build(), 4,
        new int[] {4, 3});
  }

  @ParameterizedTest
  @EnumSource(CellKind.class)
  void zeroLengthSequenceKeepsItsInitialState(CellKind kind) {
    checkLayer(kind + " length 0", base(kind).layers(2).build(), 3, new int[] {3, 0});
  }
}
