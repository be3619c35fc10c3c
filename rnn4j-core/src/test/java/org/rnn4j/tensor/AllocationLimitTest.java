package org.rnn4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AllocationLimitTest {
  @Test
  void tensorsCreatedInAScopeAreCountedAndStopAtTheCeiling() {
    try (AllocationLimit limit = AllocationLimit.enter(100, "the test's 100")) {
      Tensor.zeros(6, 10);
      Tensor.ones(30);
      assertEquals(90, limit.used());
      AllocationLimit.LimitExceeded e = assertThrows(AllocationLimit.LimitExceeded.class,
          () -> Tensor.zeros(11));
      assertEquals("a tensor of 11 values would bring the total to 101, more than the test's 100",
          e.getMessage());
      try (AllocationLimit inner = AllocationLimit.enter(5, "five")) {
        assertThrows(AllocationLimit.LimitExceeded.class, () -> Tensor.zeros(6));
      }
      Tensor.zeros(10);
    }
    Tensor.zeros(1000); // no scope, no ceiling
  }
}
