package org.rnn4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SizesTest {
  @Test
  void productsThatFitAreExactAndOthersAreNamed() {
    assertEquals(0, Sizes.product(5, 0, 7));
    assertEquals(Integer.MAX_VALUE, Sizes.product(Integer.MAX_VALUE, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Sizes.product(32, 200_001, 400));
    assertTrue(e.getMessage().startsWith("an array of sizes [32, 200001, 400] would hold more"
        + " than 2^31 - 1 values"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Sizes.product(3, -1));
  }
}
