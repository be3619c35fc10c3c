package org.rnn4j.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StepTimerTest {

  @Test
  void warmsUpTwiceThenTimesAtLeastTheMinimumSteps() {
    AtomicInteger calls = new AtomicInteger();
    StepTimes times = new StepTimer(0, 5, 0).time(calls::incrementAndGet);
    assertEquals(5, times.count());
    assertEquals(2 + 5, calls.get());
  }

  @Test
  void keepsTimingUntilTheMinimumTimeButStopsAtTheCap() {
    StepTimes times = new StepTimer(0, 1, 60_000_000_000L).time(() -> { });
    assertEquals(StepTimer.MAX_STEPS, times.count());
  }

  @Test
  void theMedianIsTheMiddleCall() {
    StepTimes times = StepTimes.of(new long[] {30, 10, 20, 50, 40, 99}, 5);
    assertEquals(30, times.medianNanos());
    assertEquals(10, times.minNanos());
    assertEquals(50, times.maxNanos());
    assertEquals(2.0 / 30e-9, times.rate(2), 1e-3);
  }

  @Test
  void secondsScaleTheMeasuringAndTheWarmUp() {
    assertEquals(new StepTimer(2_000_000_000L, 5, 3_000_000_000L), StepTimer.DEFAULT);
    StepTimer quick = StepTimer.ofSeconds(0.3);
    assertEquals(300_000_000L, quick.minNanos());
    assertEquals(200_000_000L, quick.warmupNanos());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StepTimer.ofSeconds(0));
    assertTrue(e.getMessage().contains("--seconds must be finite and > 0, got 0.0"),
        e.getMessage());
  }
}
