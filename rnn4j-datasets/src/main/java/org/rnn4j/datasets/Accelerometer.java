package org.rnn4j.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.rnn4j.data.Features;

/**
 * A seeded generator of 3-axis accelerometer clips (in g, a phone at the waist) for six
 * activities; no real activity-recognition set can be fetched here.
 *
 * <p>Model: a = R·(g + m(t)) · gain + noise. Static postures differ in the direction of gravity
 * g (upright for stand, tilted back ~60° for sit, horizontal for lie) with slow sway; moving
 * activities add a periodic body motion m(t) at their cadence (walk ~1.8 Hz, run ~2.7 Hz with
 * sharp foot strikes, stairs ~1.5 Hz with a forward lean and larger vertical swing). Each
 * subject has a small rotation R of the phone, a gain, a cadence factor and a noise level; each
 * clip has a random length and phase.
 */
public final class Accelerometer {
  /** The activities, in label order. */
  public enum Activity { SIT, STAND, LIE, WALK, RUN, STAIRS }

  /**
   * The generator's settings.
   *
   * @param sampleRate samples per second
   * @param minLength the shortest clip, in samples
   * @param maxLength the longest clip, in samples
   * @param subjects the number of simulated people
   */
  public record Config(int sampleRate, int minLength, int maxLength, int subjects) {
    /** 50 Hz, clips of 2 to 6 seconds, 30 subjects. */
    public static final Config DEFAULT = new Config(50, 100, 300, 30);

    /** Checks the settings. */
    public Config {
      if (sampleRate < 1 || minLength < 1 || maxLength < minLength || subjects < 1) {
        throw new IllegalArgumentException("expected sampleRate >= 1, 1 <= minLength <= "
            + "maxLength and subjects >= 1, got " + sampleRate + ", " + minLength + ", "
            + maxLength + ", " + subjects);
      }
    }
  }

  /**
   * One clip.
   *
   * @param xyz (T, 3) acceleration in g
   * @param activity what the subject was doing
   * @param subject which simulated person, 0 … subjects−1 (split by subject to test on new
   *     people)
   */
  public record Clip(Features xyz, Activity activity, int subject) {}

  /** A simulated person. */
  private record Subject(double[] rotation, double gain, double cadence, double noise) {}

  private Accelerometer() {}

  /**
   * Draws clips, activities and subjects uniformly.
   *
   * @param count how many clips
   * @param config the settings
   * @param rng the source of randomness (subjects are drawn from it first, so one seed gives
   *     one population)
   * @return the clips
   */
  public static List<Clip> generate(int count, Config config, RandomGenerator rng) {
    List<Subject> subjects = new ArrayList<>();
    for (int s = 0; s < config.subjects(); s++) {
      subjects.add(new Subject(rotation(rng, 0.15), 0.9 + 0.2 * rng.nextDouble(),
          0.85 + 0.3 * rng.nextDouble(), 0.01 + 0.03 * rng.nextDouble()));
    }
    Activity[] activities = Activity.values();
    List<Clip> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int s = rng.nextInt(subjects.size());
      Activity a = activities[rng.nextInt(activities.length)];
      int length = rng.nextInt(config.minLength(), config.maxLength() + 1);
      out.add(new Clip(clip(a, subjects.get(s), length, config.sampleRate(), rng), a, s));
    }
    return out;
  }

  private static Features clip(
      Activity a, Subject s, int length, int rate, RandomGenerator rng) {
    double[] gravity = switch (a) {
      case STAND, WALK, RUN -> new double[] {0, -1, 0};
      case STAIRS -> new double[] {0, -0.96, 0.28};
      case SIT -> new double[] {0, -0.5, 0.866};
      case LIE -> new double[] {0.95, -0.1, 0.3};
    };
    double cadence = s.cadence() * switch (a) {
      case WALK -> 1.8;
      case RUN -> 2.7;
      case STAIRS -> 1.5;
      default -> 0.25; // sway of a still body
    };
    double amplitude = switch (a) {
      case WALK -> 0.35;
      case RUN -> 0.9;
      case STAIRS -> 0.5;
      default -> 0.02;
    };
    double phase = 2 * Math.PI * rng.nextDouble();
    float[] v = new float[length * 3]; // (T, 3)
    for (int t = 0; t < length; t++) {
      double w = 2 * Math.PI * cadence * t / rate + phase;
      double vertical = amplitude * Math.sin(w);
      if (a == Activity.RUN) {
        vertical += 0.8 * Math.pow(Math.max(0, Math.sin(w)), 8); // foot strike
      }
      double[] m = {0.4 * amplitude * Math.sin(w / 2), -vertical,
          0.3 * amplitude * Math.cos(w)};
      for (int k = 0; k < 3; k++) {
        double sum = 0;
        for (int j = 0; j < 3; j++) {
          sum += s.rotation()[3 * k + j] * (gravity[j] + m[j]);
        }
        v[t * 3 + k] = (float) (s.gain() * sum + s.noise() * rng.nextGaussian());
      }
    }
    return new Features(v, 3);
  }

  /** A random rotation of small angles (radians, each axis uniform in ±maxAngle), row-major. */
  private static double[] rotation(RandomGenerator rng, double maxAngle) {
    double x = maxAngle * (2 * rng.nextDouble() - 1);
    double y = maxAngle * (2 * rng.nextDouble() - 1);
    double z = maxAngle * (2 * rng.nextDouble() - 1);
    double cx = Math.cos(x);
    double sx = Math.sin(x);
    double cy = Math.cos(y);
    double sy = Math.sin(y);
    double cz = Math.cos(z);
    double sz = Math.sin(z);
    return new double[] { // Rz·Ry·Rx
      cz * cy, cz * sy * sx - sz * cx, cz * sy * cx + sz * sx,
      sz * cy, sz * sy * sx + cz * cx, sz * sy * cx - cz * sx,
      -sy, cy * sx, cy * cx};
  }
}
