package org.rnn4j.task.forecast;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The time stamps of the steps after a series, continuing its time step when its time stamps are
 * regular, written as the series writes them:
 *
 * <pre>
 * numbers         1999, 2000, 2001 → 2002, 2003        0.5, 1.0, 1.5 → 2.0     (a constant step)
 * months          2000-01, 2000-02 → 2000-03           (yyyy-MM, a constant number of months)
 * dates           2000-01-03, 2000-01-10 → 2000-01-17  (yyyy-MM-dd, a constant number of days,
 *                 2000-01-15, 2000-02-15 → 2000-03-15   or of months on the same day of the month
 *                 2000-01-31, 2000-02-29 → 2000-03-31   or on the last day of each month)
 * date and time   2000-01-01T00:00, 2000-01-01T06:00 → 2000-01-01T12:00  (a constant duration;
 *                 'T' or a space between date and time, as the series writes it)
 * </pre>
 * Anything else (two stamps, irregular steps, other formats) has no continuation.
 */
public final class FutureTimes {
  private static final DateTimeFormatter DATE_TIME_SPACE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

  private FutureTimes() {}

  /**
   * The next time stamps.
   *
   * @param times (T) the series' time stamps as written, in time order
   * @param steps N ≥ 1, how many come next
   * @return (N) the stamps of the steps T … T+N−1, or empty when the stamps are not regular
   *     numbers, months, dates or dates with times (or there are fewer than 2)
   */
  public static Optional<List<String>> after(List<String> times, int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be at least 1, got " + steps);
    }
    if (times.size() < 2) {
      return Optional.empty();
    }
    List<String> t = times.stream().map(String::strip).toList();
    return numbers(t, steps).or(() -> months(t, steps)).or(() -> dates(t, steps))
        .or(() -> dateTimes(t, steps));
  }

  private static Optional<List<String>> numbers(List<String> t, int steps) {
    List<BigDecimal> x = parse(t, s -> s.matches("[+-]?\\d+(\\.\\d+)?") ? new BigDecimal(s)
        : null);
    if (x == null) {
      return Optional.empty();
    }
    BigDecimal step = x.get(1).subtract(x.get(0));
    if (step.signum() <= 0 || !constant(x, (a, b) -> b.subtract(a).compareTo(step) == 0)) {
      return Optional.empty();
    }
    int scale = x.stream().mapToInt(BigDecimal::scale).max().orElse(0);
    BigDecimal last = x.get(x.size() - 1);
    List<String> out = new ArrayList<>();
    for (int k = 1; k <= steps; k++) {
      out.add(last.add(step.multiply(BigDecimal.valueOf(k))).setScale(scale).toPlainString());
    }
    return Optional.of(out);
  }

  private static Optional<List<String>> months(List<String> t, int steps) {
    List<YearMonth> x = parse(t, s -> s.matches("\\d{4}-\\d{2}") ? YearMonth.parse(s) : null);
    if (x == null) {
      return Optional.empty();
    }
    long step = ChronoUnit.MONTHS.between(x.get(0), x.get(1));
    if (step <= 0 || !constant(x, (a, b) -> ChronoUnit.MONTHS.between(a, b) == step)) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (int k = 1; k <= steps; k++) {
      out.add(x.get(x.size() - 1).plusMonths(step * k).toString());
    }
    return Optional.of(out);
  }

  private static Optional<List<String>> dates(List<String> t, int steps) {
    List<LocalDate> x = parse(t, s -> s.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(s)
        : null);
    if (x == null) {
      return Optional.empty();
    }
    LocalDate last = x.get(x.size() - 1);
    List<String> out = new ArrayList<>();
    // months first: dates on one day of the month (or on month ends) step by months, not days
    long months = ChronoUnit.MONTHS.between(YearMonth.from(x.get(0)), YearMonth.from(x.get(1)));
    boolean monthly = months > 0 && constant(x, (a, b) -> ChronoUnit.MONTHS.between(
        YearMonth.from(a), YearMonth.from(b)) == months);
    boolean sameDay = x.stream().allMatch(d -> d.getDayOfMonth() == x.get(0).getDayOfMonth());
    boolean monthEnds = x.stream().allMatch(d -> d.getDayOfMonth() == d.lengthOfMonth());
    if (monthly && (sameDay || monthEnds)) {
      for (int k = 1; k <= steps; k++) {
        YearMonth m = YearMonth.from(last).plusMonths(months * k);
        out.add((monthEnds ? m.atEndOfMonth() : m.atDay(last.getDayOfMonth())).toString());
      }
      return Optional.of(out);
    }
    long days = ChronoUnit.DAYS.between(x.get(0), x.get(1));
    if (days <= 0 || !constant(x, (a, b) -> ChronoUnit.DAYS.between(a, b) == days)) {
      return Optional.empty();
    }
    for (int k = 1; k <= steps; k++) {
      out.add(last.plusDays(days * k).toString());
    }
    return Optional.of(out);
  }

  private static Optional<List<String>> dateTimes(List<String> t, int steps) {
    boolean space = t.get(0).contains(" ");
    DateTimeFormatter format = space ? DATE_TIME_SPACE : DateTimeFormatter.ISO_LOCAL_DATE_TIME;
    List<LocalDateTime> x = parse(t, s -> s.matches("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}"
        + "(:\\d{2})?") && s.contains(" ") == space ? LocalDateTime.parse(s, format) : null);
    if (x == null) {
      return Optional.empty();
    }
    Duration step = Duration.between(x.get(0), x.get(1));
    if (step.isNegative() || step.isZero()
        || !constant(x, (a, b) -> Duration.between(a, b).equals(step))) {
      return Optional.empty();
    }
    boolean seconds = t.stream().anyMatch(s -> s.length() > 16) || step.toSecondsPart() != 0;
    DateTimeFormatter out = DateTimeFormatter.ofPattern("yyyy-MM-dd" + (space ? " " : "'T'")
        + "HH:mm" + (seconds ? ":ss" : ""));
    List<String> next = new ArrayList<>();
    LocalDateTime last = x.get(x.size() - 1);
    for (int k = 1; k <= steps; k++) {
      next.add(last.plus(step.multipliedBy(k)).format(out));
    }
    return Optional.of(next);
  }

  /** Every stamp parsed, or null when one does not parse. */
  private static <T> List<T> parse(List<String> t, Function<String, T> parser) {
    List<T> out = new ArrayList<>(t.size());
    for (String s : t) {
      try {
        T v = parser.apply(s);
        if (v == null) {
          return null;
        }
        out.add(v);
      } catch (DateTimeParseException | NumberFormatException e) {
        return null;
      }
    }
    return out;
  }

  private interface Step<T> {
    boolean same(T a, T b);
  }

  /** Whether every consecutive pair passes the test. */
  private static <T> boolean constant(List<T> x, Step<T> step) {
    for (int i = 1; i < x.size(); i++) {
      if (!step.same(x.get(i - 1), x.get(i))) {
        return false;
      }
    }
    return true;
  }
}
