package org.rnn4j.datasets;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * A seeded generator of human-readable dates and their ISO 8601 form ("Tuesday, 3 March 2021" →
 * "2021-03-03"), for sequence-to-sequence learning. Dates are drawn uniformly from 1900-01-01 to
 * 2099-12-31 and written with {@code java.time} in many locales and patterns.
 *
 * <p>Some patterns and years are held out: {@link Part#TRAIN} uses neither; {@link Part#TEST}
 * uses a held-out pattern, a held-out year, or both, so a test score measures generalisation to
 * unseen forms and unseen years. Held-out years are those ending in 7 (1907, 1917, …, 2097). The
 * held-out patterns recombine pieces the training patterns have: {@code EEE d MMM yyyy} joins the
 * abbreviated weekday and month of other patterns; {@code dd/MM/yyyy} writes the numeric
 * day-month-year order of {@code dd.MM.yyyy} and {@code dd-MM-yyyy} with the slash of
 * {@code yyyy/MM/dd} (training shows that numeric dates keep their order whatever the
 * separator: {@code yyyy.MM.dd} beside {@code yyyy/MM/dd}).
 *
 * <p>{@link Part#PROBE} draws only {@code MMMM yyyy, d} ("March 2021, 4"), which puts the day
 * after the year: an order of parts that no training pattern has. It probes a harder kind of
 * generalisation than new combinations of known parts, and is kept apart from the test part.
 */
public final class DateFormats {
  /** Which examples to draw. */
  public enum Part {
    /** Training patterns and training years only. */
    TRAIN,
    /** A held-out pattern or a held-out year (or both) in every example. */
    TEST,
    /** The probe pattern {@code MMMM yyyy, d}, whose order of parts training never shows. */
    PROBE
  }

  /**
   * A written date and its ISO form.
   *
   * @param human the date as a person writes it
   * @param iso the ISO 8601 date, yyyy-MM-dd
   * @param pattern the pattern that wrote it (a java.time pattern or "FULL"/"LONG"/"MEDIUM")
   * @param locale the locale's language tag
   */
  public record DatePair(String human, String iso, String pattern, String locale) {}

  /** One way of writing a date. */
  record Form(String pattern, Locale locale, DateTimeFormatter formatter) {}

  private static final long FIRST = LocalDate.of(1900, 1, 1).toEpochDay();
  private static final long LAST = LocalDate.of(2099, 12, 31).toEpochDay();
  private static final List<Locale> LOCALES = List.of(Locale.US, Locale.UK, Locale.GERMANY,
      Locale.FRANCE, Locale.ITALY, Locale.forLanguageTag("es-ES"), Locale.forLanguageTag("nl-NL"),
      Locale.forLanguageTag("pt-BR"), Locale.forLanguageTag("sv-SE"));
  private static final List<String> PATTERNS = List.of("d MMMM yyyy", "MMMM d, yyyy",
      "EEEE, d MMMM yyyy", "d MMM yyyy", "MMM d yyyy", "dd.MM.yyyy", "dd-MM-yyyy",
      "yyyy/MM/dd", "yyyy.MM.dd", "EEE d MMM yyyy", "d. MMMM yyyy", "dd/MM/yyyy", "FULL", "LONG",
      "MEDIUM");
  /** Patterns that only the test part uses. */
  static final List<String> HELD_OUT_PATTERNS = List.of("EEE d MMM yyyy", "dd/MM/yyyy");
  /** The pattern that only the probe part uses. */
  static final String PROBE_PATTERN = "MMMM yyyy, d";
  private static final float LOWER_CASE_PROBABILITY = 0.2f;

  private DateFormats() {}

  /** Whether a year is held out for testing. */
  public static boolean isHeldOutYear(int year) {
    return year % 10 == 7;
  }

  /**
   * Draws dates.
   *
   * @param count how many pairs
   * @param part the training, test or probe distribution
   * @param rng the source of randomness (seed it for a reproducible set)
   * @return the pairs
   */
  public static List<DatePair> generate(int count, Part part, RandomGenerator rng) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be at least 0, got " + count);
    }
    List<Form> train = new ArrayList<>();
    List<Form> heldOut = new ArrayList<>();
    for (String p : PATTERNS) {
      for (Locale l : LOCALES) {
        (HELD_OUT_PATTERNS.contains(p) ? heldOut : train).add(new Form(p, l, formatter(p, l)));
      }
    }
    List<Form> probe = LOCALES.stream()
        .map(l -> new Form(PROBE_PATTERN, l, formatter(PROBE_PATTERN, l))).toList();
    List<DatePair> out = new ArrayList<>(count);
    while (out.size() < count) {
      LocalDate date = LocalDate.ofEpochDay(rng.nextLong(FIRST, LAST + 1));
      boolean heldYear = isHeldOutYear(date.getYear());
      Form form;
      if (part == Part.TRAIN) {
        if (heldYear) {
          continue;
        }
        form = train.get(rng.nextInt(train.size()));
      } else if (part == Part.PROBE) {
        form = probe.get(rng.nextInt(probe.size()));
      } else {
        boolean useHeldPattern = !heldYear || rng.nextBoolean();
        List<Form> forms = useHeldPattern ? heldOut : train;
        form = forms.get(rng.nextInt(forms.size()));
      }
      String human = form.formatter().format(date);
      if (rng.nextFloat() < LOWER_CASE_PROBABILITY) {
        human = human.toLowerCase(form.locale());
      }
      out.add(new DatePair(human, date.toString(), form.pattern(), form.locale().toLanguageTag()));
    }
    return out;
  }

  private static DateTimeFormatter formatter(String pattern, Locale locale) {
    return switch (pattern) {
      case "FULL" -> DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
      case "LONG" -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
      case "MEDIUM" -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
      default -> DateTimeFormatter.ofPattern(pattern, locale);
    };
  }
}
