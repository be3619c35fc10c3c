package org.rnn4j.spark.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Short English reviews whose sentiment the words decide, made from a seed: each holds one or two
 * words of its sentiment (good, dull, …), sometimes one word of the other, and 2 to 7 neutral
 * words, in random order. A model must weigh the words against each other, as in real reviews
 * ("good acting but a dull plot"), and can learn the set to nearly 100%. The tests and the
 * benchmark train on them; any labelled CSV does as well.
 */
public final class SyntheticReviews {
  /** Words of a positive review. */
  public static final List<String> POSITIVE = List.of("good", "great", "superb", "lovely", "fine",
      "excellent");
  /** Words of a negative review. */
  public static final List<String> NEGATIVE = List.of("bad", "awful", "dull", "weak", "poor", "boring");
  /** Words of either. */
  public static final List<String> NEUTRAL = List.of("the", "a", "film", "story", "plot", "acting",
      "cast", "was", "very", "quite", "and", "but");

  /**
   * A review and its label.
   *
   * @param text the words, separated by spaces
   * @param label "pos" or "neg"
   */
  public record Review(String text, String label) {}

  private SyntheticReviews() {}

  /**
   * @param count how many reviews
   * @param seed the generator's seed: the same seed gives the same reviews
   * @return the reviews, half positive on average
   */
  public static List<Review> make(int count, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Review> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      boolean positive = rng.nextBoolean();
      List<String> own = positive ? POSITIVE : NEGATIVE;
      List<String> other = positive ? NEGATIVE : POSITIVE;
      List<String> words = new ArrayList<>();
      int strong = 1 + rng.nextInt(2);
      for (int k = 0; k < strong; k++) {
        words.add(own.get(rng.nextInt(own.size())));
      }
      if (strong == 2 && rng.nextInt(3) == 0) {
        words.add(other.get(rng.nextInt(other.size())));
      }
      int neutral = 2 + rng.nextInt(6);
      for (int k = 0; k < neutral; k++) {
        words.add(NEUTRAL.get(rng.nextInt(NEUTRAL.size())));
      }
      for (int k = words.size() - 1; k > 0; k--) {
        int j = rng.nextInt(k + 1);
        String t = words.get(k);
        words.set(k, words.get(j));
        words.set(j, t);
      }
      out.add(new Review(String.join(" ", words), positive ? "pos" : "neg"));
    }
    return out;
  }

  /**
   * Writes reviews as a CSV with the header {@code review,sentiment}.
   *
   * @param reviews the reviews
   * @param file the target
   * @return the file
   * @throws IOException if it cannot be written
   */
  public static Path writeCsv(List<Review> reviews, Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("review,sentiment");
    reviews.forEach(r -> lines.add("\"" + r.text() + "\"," + r.label()));
    return Files.write(file, lines);
  }
}
