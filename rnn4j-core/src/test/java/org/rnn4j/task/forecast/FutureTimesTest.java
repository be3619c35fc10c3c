package org.rnn4j.task.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FutureTimesTest {
  private static Optional<List<String>> after(int steps, String... times) {
    return FutureTimes.after(List.of(times), steps);
  }

  @Test
  void regularNumbersContinueWithTheirDecimals() {
    assertEquals(Optional.of(List.of("2002", "2003")), after(2, "1999", "2000", "2001"));
    assertEquals(Optional.of(List.of("2.0", "2.5")), after(2, "0.5", "1.0", "1.5"));
    assertEquals(Optional.of(List.of("-1")), after(1, "-3", "-2"));
  }

  @Test
  void monthsDatesAndTimesContinueTheirStep() {
    assertEquals(Optional.of(List.of("2001-01", "2001-02")), after(2, "2000-11", "2000-12"));
    assertEquals(Optional.of(List.of("2001-01", "2001-04")), after(2, "2000-07", "2000-10"));
    assertEquals(Optional.of(List.of("2000-01-17")), after(1, "2000-01-03", "2000-01-10"));
    assertEquals(Optional.of(List.of("2000-03-01")), after(1, "2000-02-28", "2000-02-29"));
    assertEquals(Optional.of(List.of("2000-03-15", "2000-04-15")),
        after(2, "2000-01-15", "2000-02-15"));
    assertEquals(Optional.of(List.of("2000-04-30", "2000-05-31")),
        after(2, "2000-01-31", "2000-02-29", "2000-03-31"));
    assertEquals(Optional.of(List.of("2000-01-02T00:00", "2000-01-02T06:00")),
        after(2, "2000-01-01T12:00", "2000-01-01T18:00"));
    assertEquals(Optional.of(List.of("2000-01-01 00:00:30")),
        after(1, "2000-01-01 00:00:00", "2000-01-01 00:00:15"));
  }

  @Test
  void irregularOrUnknownStampsHaveNoContinuation() {
    assertEquals(Optional.empty(), after(1, "2000"));
    assertEquals(Optional.empty(), after(1, "1", "2", "4"));
    assertEquals(Optional.empty(), after(1, "3", "2"));
    assertEquals(Optional.empty(), after(1, "2000-01-15", "2000-02-16", "2000-03-15"));
    assertEquals(Optional.of(List.of("2000-03-19")), after(1, "2000-01-15", "2000-02-16"),
        "two stamps 32 days apart: a step of 32 days");
    assertEquals(Optional.of(List.of("2003-01-01")), after(1, "2001-01-01", "2002-01-01"),
        "a year is 12 months, not 365 days");
    assertEquals(Optional.empty(), after(1, "Jan 2000", "Feb 2000"));
    assertEquals(Optional.empty(), after(1, "", ""));
    assertEquals(Optional.empty(), after(1, "2000-01", "2000-01-02"));
    assertThrows(IllegalArgumentException.class, () -> after(0, "1", "2"));
  }
}
