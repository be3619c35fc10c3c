package org.rnn4j.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatterBuilder;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rnn4j.datasets.Accelerometer.Activity;
import org.rnn4j.datasets.Accelerometer.Clip;
import org.rnn4j.datasets.DateFormats.DatePair;
import org.rnn4j.datasets.DateFormats.Part;

class GeneratorsTest {

  @Test
  void datesAreSeededAndTheirIsoFormIsTheDate() {
    List<DatePair> a = DateFormats.generate(500, Part.TRAIN, new SplittableRandom(1));
    assertEquals(a, DateFormats.generate(500, Part.TRAIN, new SplittableRandom(1)));
    for (DatePair p : a) {
      LocalDate d = LocalDate.parse(p.iso());
      assertTrue(p.human().contains(String.valueOf(d.getYear())), p.toString());
    }
    assertTrue(a.stream().map(DatePair::locale).distinct().count() >= 8);
    assertTrue(a.stream().map(DatePair::pattern).distinct().count() >= 10);
  }

  @Test
  void trainingNeverSeesHeldOutPatternsOrYearsAndTestAlwaysDoes() {
    for (DatePair p : DateFormats.generate(2000, Part.TRAIN, new SplittableRandom(2))) {
      assertTrue(!DateFormats.HELD_OUT_PATTERNS.contains(p.pattern())
          && !p.pattern().equals(DateFormats.PROBE_PATTERN)
          && !DateFormats.isHeldOutYear(LocalDate.parse(p.iso()).getYear()), p.toString());
    }
    List<DatePair> test = DateFormats.generate(2000, Part.TEST, new SplittableRandom(3));
    for (DatePair p : test) {
      assertTrue(DateFormats.HELD_OUT_PATTERNS.contains(p.pattern())
          || DateFormats.isHeldOutYear(LocalDate.parse(p.iso()).getYear()), p.toString());
      assertNotEquals(DateFormats.PROBE_PATTERN, p.pattern());
    }
    assertTrue(test.stream().map(DatePair::pattern).collect(Collectors.toSet())
        .containsAll(DateFormats.HELD_OUT_PATTERNS));
  }

  @Test
  void theProbeUsesOnlyItsPatternInEveryLocale() {
    List<DatePair> probe = DateFormats.generate(500, Part.PROBE, new SplittableRandom(4));
    for (DatePair p : probe) {
      assertEquals(DateFormats.PROBE_PATTERN, p.pattern());
      assertEquals(LocalDate.parse(p.iso()), LocalDate.parse(p.human(),
          new DateTimeFormatterBuilder().parseCaseInsensitive()
              .appendPattern(DateFormats.PROBE_PATTERN)
              .toFormatter(Locale.forLanguageTag(p.locale()))), p.toString());
    }
    assertEquals(9, probe.stream().map(DatePair::locale).distinct().count());
  }

  @Test
  void accelerometerClipsAreSeededVariableAndCoverEveryActivity() {
    Accelerometer.Config c = Accelerometer.Config.DEFAULT;
    List<Clip> clips = Accelerometer.generate(300, c, new SplittableRandom(4));
    assertEquals(clips, Accelerometer.generate(300, c, new SplittableRandom(4)));
    EnumSet<Activity> seen = EnumSet.noneOf(Activity.class);
    for (Clip clip : clips) {
      seen.add(clip.activity());
      assertEquals(3, clip.xyz().features());
      assertTrue(clip.xyz().length() >= c.minLength() && clip.xyz().length() <= c.maxLength());
    }
    assertEquals(EnumSet.allOf(Activity.class), seen);
    assertTrue(clips.stream().mapToInt(k -> k.xyz().length()).distinct().count() > 50);
  }

  @Test
  void runningShakesMoreThanSittingAndGravityIsAboutOneG() {
    List<Clip> clips = Accelerometer.generate(600, Accelerometer.Config.DEFAULT,
        new SplittableRandom(5));
    double sit = meanStd(clips, Activity.SIT);
    double run = meanStd(clips, Activity.RUN);
    assertTrue(run > 10 * sit, "run " + run + " sit " + sit);
    Clip still = clips.stream().filter(k -> k.activity() == Activity.STAND).findFirst().get();
    double g = 0;
    for (int k = 0; k < 3; k++) {
      double m = 0;
      for (int t = 0; t < still.xyz().length(); t++) {
        m += still.xyz().get(t, k);
      }
      m /= still.xyz().length();
      g += m * m;
    }
    assertEquals(1.0, Math.sqrt(g), 0.15);
  }

  /** The mean over clips of an activity of the standard deviation of the acceleration norm. */
  private static double meanStd(List<Clip> clips, Activity a) {
    return clips.stream().filter(k -> k.activity() == a).mapToDouble(k -> {
      int n = k.xyz().length();
      double[] norm = new double[n];
      for (int t = 0; t < n; t++) {
        double x = k.xyz().get(t, 0);
        double y = k.xyz().get(t, 1);
        double z = k.xyz().get(t, 2);
        norm[t] = Math.sqrt(x * x + y * y + z * z);
      }
      double mean = java.util.Arrays.stream(norm).average().orElse(0);
      return Math.sqrt(java.util.Arrays.stream(norm).map(v -> (v - mean) * (v - mean))
          .average().orElse(0));
    }).average().orElse(0);
  }
}
