package org.rnn4j.nn.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.nn.attention.AttentionTestSupport.LENGTHS;
import static org.rnn4j.nn.attention.AttentionTestSupport.both;
import static org.rnn4j.nn.attention.AttentionTestSupport.paddedKeys;
import static org.rnn4j.testing.GradientCheck.check;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

class MultiplicativeAttentionTest {
  private static final int HS = 4;
  private static final int HE = 3;

  private final SplittableRandom rng = new SplittableRandom(5);

  private Tensor query(int hs) {
    return Tensor.uniform(rng, -1f, 1f, LENGTHS.length, hs);
  }

  @Test
  void generalHasOneWeightOfShapeQueryByKey() {
    MultiplicativeAttention general = MultiplicativeAttention.general(HS, HE, rng);
    assertFalse(general.isDot());
    assertEquals(1, general.parameters().size());
    assertArrayEquals(new int[] {HS, HE}, general.parameters().get("weight").shape());
  }

  @Test
  void dotHasNoParameters() {
    MultiplicativeAttention dot = MultiplicativeAttention.dot(HE);
    assertTrue(dot.isDot());
    assertTrue(dot.parameters().isEmpty());
    assertEquals(HE, dot.querySize());
    assertEquals(HE, dot.keySize());
  }

  @Test
  void generalBackwardMatchesFiniteDifferencesWithLengths() {
    MultiplicativeAttention general = MultiplicativeAttention.general(HS, HE, rng);
    check("general attention", x -> both(general.attend(x[0], x[1], LENGTHS)),
        query(HS).requiresGrad(true), paddedKeys(rng, HE).requiresGrad(true),
        general.parameters().get("weight"));
  }

  @Test
  void dotBackwardMatchesFiniteDifferencesWithLengths() {
    MultiplicativeAttention dot = MultiplicativeAttention.dot(HE);
    check("dot attention", x -> both(dot.attend(x[0], x[1], LENGTHS)),
        query(HE).requiresGrad(true), paddedKeys(rng, HE).requiresGrad(true));
  }

  @Test
  void paddingNeverChangesAResult() {
    AttentionTestSupport.assertPaddingInvariant(
        MultiplicativeAttention.general(HS, HE, rng), query(HS), paddedKeys(rng, HE));
    AttentionTestSupport.assertPaddingInvariant(
        MultiplicativeAttention.dot(HE), query(HE), paddedKeys(rng, HE));
  }

  @Test
  void dotScoresAreQueryKeyProducts() {
    Tensor q = Tensor.of(new float[] {1f, 0f}, 1, 2);
    Tensor keys = Tensor.of(new float[] {2f, 5f, 0f, 7f, 9f, 9f}, 1, 3, 2);
    try (NoGrad scope = NoGrad.enter()) {
      Attention.Context c = MultiplicativeAttention.dot(2).attend(q, keys, new int[] {2});
      // scores 2 and 0 over the two real positions: α = (e², 1) / (e² + 1)
      float a0 = (float) (Math.exp(2) / (Math.exp(2) + 1));
      assertArrayEquals(new float[] {a0, 1 - a0, 0f}, c.weights().data(), 1e-6f);
      assertArrayEquals(new float[] {2f * a0, 5f * a0 + 7f * (1 - a0)}, c.context().data(),
          1e-5f);
    }
  }

  @Test
  void errorsNameExpectedAndActualShapes() {
    MultiplicativeAttention general = MultiplicativeAttention.general(HS, HE, rng);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> general.attend(query(HE), paddedKeys(rng, HE), LENGTHS));
    assertTrue(e.getMessage().contains("[4, 4]") && e.getMessage().contains("[4, 3]"),
        e.getMessage());
    Attention.Keys fromDot = MultiplicativeAttention.dot(HE).prepare(paddedKeys(rng, HE), LENGTHS);
    IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
        () -> general.attend(query(HS), fromDot));
    assertTrue(mixed.getMessage().contains("expected 4"), mixed.getMessage());
    assertThrows(IllegalArgumentException.class, () -> MultiplicativeAttention.dot(0));
  }
}
