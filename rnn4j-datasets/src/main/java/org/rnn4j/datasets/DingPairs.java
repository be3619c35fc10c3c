package org.rnn4j.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rnn4j.data.format.SentencePair;

/**
 * German–English sentence pairs from the Ding dictionary (Frank Richter, TU Chemnitz).
 *
 * <p>Source: Debian package {@code trans-de-en} 1.9-6, file {@code usr/share/trans/de-en}.
 * Licence: GPL-2+. {@code data/fetch ding} puts it at {@code data/cache/ding/de-en.txt}.
 *
 * <p>Each dictionary line is {@code German :: English}; each side lists parallel entries
 * separated by {@code |}, each entry synonyms separated by {@code ;}. A pair is kept when both
 * sides have the same number of entries, the two entries at one position have no {@code ;}
 * (no ambiguity about which synonym translates which), and both are sentences: 3 to 15
 * whitespace-separated words, starting with an upper-case letter, ending in '.', '?' or '!'.
 * Repeated pairs are kept once. This gives 16,4xx pairs from the 2023-01-30 dictionary.
 */
public final class DingPairs {
  /** The fewest words a side may have. */
  public static final int MIN_WORDS = 3;
  /** The most words a side may have. */
  public static final int MAX_WORDS = 15;

  private DingPairs() {}

  /**
   * Loads the pairs from the cache.
   *
   * @param cache where data/fetch put it
   * @return the German → English pairs, in dictionary order
   * @throws IOException if the set is missing (run data/fetch) or not UTF-8
   */
  public static List<SentencePair> load(DataCache cache) throws IOException {
    return read(cache.require("ding", "de-en.txt"));
  }

  /**
   * Reads and filters a Ding dictionary file.
   *
   * @param file the dictionary
   * @return the sentence pairs
   * @throws IOException on a read error or malformed UTF-8
   */
  public static List<SentencePair> read(Path file) throws IOException {
    Set<SentencePair> out = new LinkedHashSet<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        pairs(line).forEach(out::add);
      }
    }
    return new ArrayList<>(out);
  }

  /** The sentence pairs of one dictionary line. */
  static List<SentencePair> pairs(String line) {
    int sep = line.indexOf("::");
    if (line.startsWith("#") || sep < 0) {
      return List.of();
    }
    String[] de = line.substring(0, sep).split("\\|", -1);
    String[] en = line.substring(sep + 2).split("\\|", -1);
    if (de.length != en.length) {
      return List.of();
    }
    List<SentencePair> out = new ArrayList<>();
    for (int i = 0; i < de.length; i++) {
      Optional<String> d = sentence(de[i]);
      Optional<String> e = sentence(en[i]);
      if (d.isPresent() && e.isPresent()) {
        out.add(new SentencePair(d.get(), e.get()));
      }
    }
    return out;
  }

  private static Optional<String> sentence(String entry) {
    String s = entry.strip();
    if (s.isEmpty() || s.contains(";")) {
      return Optional.empty();
    }
    int words = s.split("\\s+").length;
    boolean upper = Character.isUpperCase(s.codePointAt(0));
    char last = s.charAt(s.length() - 1);
    boolean end = last == '.' || last == '?' || last == '!';
    return words >= MIN_WORDS && words <= MAX_WORDS && upper && end ? Optional.of(s)
        : Optional.empty();
  }
}
