package org.rnn4j.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lists of names by entity type, matched token by token (longest match first, case-sensitive).
 * The standard lists (location, organization, person) were written for rnn4j from public
 * knowledge and are packed as resources under {@code org/rnn4j/datasets/gazetteer/}.
 */
public final class Gazetteer {
  /** The entity types of the standard lists, named as in the OpenNLP VOA gold set. */
  public static final List<String> TYPES = List.of("location", "organization", "person");

  private final Map<List<String>, String> entries = new HashMap<>(); // tokens → type
  private int longest;

  /** An empty gazetteer. */
  public Gazetteer() {}

  /**
   * The standard lists.
   *
   * @return a gazetteer of every entry of location.txt, organization.txt and person.txt
   * @throws IOException if a packed list cannot be read
   */
  public static Gazetteer standard() throws IOException {
    Gazetteer g = new Gazetteer();
    for (String type : TYPES) {
      String resource = "gazetteer/" + type + ".txt";
      try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException("resource org/rnn4j/datasets/" + resource + " is missing");
        }
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (!line.isBlank() && !line.startsWith("#")) {
            g.add(line.strip(), type);
          }
        }
      }
    }
    return g;
  }

  /**
   * Adds a name (an earlier entry of the same tokens keeps its type).
   *
   * @param name the name, tokens separated by spaces ("U . S .")
   * @param type its entity type
   * @return this gazetteer
   */
  public Gazetteer add(String name, String type) {
    List<String> tokens = Arrays.asList(name.strip().split("\\s+"));
    entries.putIfAbsent(tokens, type);
    longest = Math.max(longest, tokens.size());
    return this;
  }

  /** The number of names. */
  public int size() {
    return entries.size();
  }

  /**
   * The longest name that starts at a token.
   *
   * @param tokens a sentence
   * @param start the first token to match
   * @return the match's end (exclusive) and type, if any name matches
   */
  public Optional<Match> longestMatch(List<String> tokens, int start) {
    for (int n = Math.min(longest, tokens.size() - start); n >= 1; n--) {
      String type = entries.get(tokens.subList(start, start + n));
      if (type != null) {
        return Optional.of(new Match(start + n, type));
      }
    }
    return Optional.empty();
  }

  /**
   * A name found in a sentence.
   *
   * @param end one past its last token
   * @param type its entity type
   */
  public record Match(int end, String type) {}
}
