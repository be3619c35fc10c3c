package org.rnn4j.nn.attention;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testing.Fixture;

/**
 * Context, weights and gradients equal those of the textbook formulas written in PyTorch, on
 * fixtures from tools/fixtures/make_attention_fixtures.py (float64 in PyTorch, stored as
 * float32; ragged lengths, padded keys zero). Tolerance: 1e−5 relative to
 * the largest |expected| of each tensor.
 */
class AttentionParityTest {
  private static final double RTOL = 1e-5;

  @ParameterizedTest
  @ValueSource(strings = {"additive", "general", "dot"})
  void matchesPyTorchFixture(String name) throws IOException {
    Fixture f = Fixture.load("attention/" + name + ".safetensors");
    int hs = Integer.parseInt(f.meta("query_size"));
    int he = Integer.parseInt(f.meta("key_size"));
    Attention attention = switch (f.meta("kind")) {
      case "additive" -> new AdditiveAttention(hs, he, Integer.parseInt(f.meta("attention_size")),
          new SplittableRandom(0));
      case "general" -> MultiplicativeAttention.general(hs, he, new SplittableRandom(0));
      case "dot" -> MultiplicativeAttention.dot(hs);
      default -> throw new IllegalArgumentException("unknown kind " + f.meta("kind"));
    };
    for (Map.Entry<String, Tensor> p : attention.parameters().entrySet()) {
      float[] src = f.tensor(p.getKey()).data();
      System.arraycopy(src, 0, p.getValue().data(), 0, src.length);
    }
    int[] lengths = Arrays.stream(f.meta("lengths").split(",")).mapToInt(Integer::parseInt)
        .toArray();
    Tensor query = f.tensor("query").copy().requiresGrad(true);
    Tensor keys = f.tensor("keys").copy().requiresGrad(true);

    Attention.Context c = attention.attend(query, attention.prepare(keys, lengths));
    c.context().mul(f.tensor("r_context")).sum()
        .add(c.weights().mul(f.tensor("r_weights")).sum()).backward();

    f.assertCloseToScale("context", c.context(), RTOL);
    f.assertCloseToScale("weights", c.weights(), RTOL);
    f.assertCloseToScale("grad_query", query.grad(), RTOL);
    f.assertCloseToScale("grad_keys", keys.grad(), RTOL);
    for (Map.Entry<String, Tensor> p : attention.parameters().entrySet()) {
      f.assertCloseToScale("grad_" + p.getKey(), p.getValue().grad(), RTOL);
    }
  }
}
