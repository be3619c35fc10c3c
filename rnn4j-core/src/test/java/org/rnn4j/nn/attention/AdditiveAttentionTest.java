package org.rnn4j.nn.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.nn.attention.AttentionTestSupport.LENGTHS;
import static org.rnn4j.nn.attention.AttentionTestSupport.both;
import static org.rnn4j.nn.attention.AttentionTestSupport.paddedKeys;
import static org.rnn4j.testing.GradientCheck.check;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.tensor.Tensor;

class AdditiveAttentionTest {
  private static final int HS = 4;
  private static final int HE = 3;
  private static final int A = 5;

  private final SplittableRandom rng = new SplittableRandom(3);
  private final AdditiveAttention attention = new AdditiveAttention(HS, HE, A, rng);

  private Tensor query() {
    return Tensor.uniform(rng, -1f, 1f, LENGTHS.length, HS);
  }

  @Test
  void parametersHavePyTorchNamesAndShapes() {
    assertEquals(List.of("query.weight", "key.weight", "v.weight"),
        List.copyOf(attention.parameters().keySet()));
    assertArrayEquals(new int[] {A, HS}, attention.parameters().get("query.weight").shape());
    assertArrayEquals(new int[] {A, HE}, attention.parameters().get("key.weight").shape());
    assertArrayEquals(new int[] {1, A}, attention.parameters().get("v.weight").shape());
  }

  @Test
  void backwardMatchesFiniteDifferencesWithLengths() {
    Tensor[] inputs = {query().requiresGrad(true), paddedKeys(rng, HE).requiresGrad(true),
        attention.parameters().get("query.weight"), attention.parameters().get("key.weight"),
        attention.parameters().get("v.weight")};
    check("additive attention", x -> both(attention.attend(x[0], x[1], LENGTHS)), inputs);
  }

  @Test
  void paddingNeverChangesAResult() {
    AttentionTestSupport.assertPaddingInvariant(attention, query(), paddedKeys(rng, HE));
  }

  @Test
  void preparedKeysGiveTheSameResultAtEveryStep() {
    Tensor keys = paddedKeys(rng, HE);
    Attention.Keys prepared = attention.prepare(keys, LENGTHS);
    assertArrayEquals(new int[] {LENGTHS.length, 7, A}, prepared.projected().shape());
    for (int step = 0; step < 3; step++) {
      Tensor q = query();
      assertArrayEquals(attention.attend(q, keys, LENGTHS).context().data(),
          attention.attend(q, prepared).context().data(), 0f, "step " + step);
    }
  }

  @Test
  void errorsNameExpectedAndActualShapes() {
    Tensor keys = paddedKeys(rng, HE);
    IllegalArgumentException badQuery = assertThrows(IllegalArgumentException.class,
        () -> attention.attend(Tensor.zeros(4, HS + 1), keys, LENGTHS));
    assertTrue(badQuery.getMessage().contains("[4, 4]")
        && badQuery.getMessage().contains("[4, 5]"), badQuery.getMessage());
    IllegalArgumentException badKeys = assertThrows(IllegalArgumentException.class,
        () -> attention.prepare(Tensor.zeros(4, 7, HE + 1), LENGTHS));
    assertTrue(badKeys.getMessage().contains("(B, Tx, 3)")
        && badKeys.getMessage().contains("[4, 7, 4]"), badKeys.getMessage());
    IllegalArgumentException badLength = assertThrows(IllegalArgumentException.class,
        () -> attention.prepare(keys, new int[] {3, 8, 1, 5}));
    assertTrue(badLength.getMessage().contains("lengths[1] must be in [1, 7], got 8"),
        badLength.getMessage());
    IllegalArgumentException badCount = assertThrows(IllegalArgumentException.class,
        () -> attention.prepare(keys, new int[] {3, 7}));
    assertTrue(badCount.getMessage().contains("expected 4, got 2"), badCount.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new AdditiveAttention(HS, HE, 0, rng));
  }

  @Test
  void keysPreparedByAnotherAttentionAreRejected() {
    AdditiveAttention other = new AdditiveAttention(HS, HE, A + 1, rng);
    Attention.Keys prepared = other.prepare(paddedKeys(rng, HE), LENGTHS);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> attention.attend(query(), prepared));
    assertTrue(e.getMessage().contains("expected 5"), e.getMessage());
  }
}
