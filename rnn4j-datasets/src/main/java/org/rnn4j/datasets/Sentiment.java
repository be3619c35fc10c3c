package org.rnn4j.datasets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.rnn4j.data.format.LabelledJson;
import org.rnn4j.data.format.LabelledText;

/**
 * Sentiment Labelled Sentences (Kotzias, Denil, de Freitas and Smyth, KDD 2015, UCI repository):
 * 3,000 review sentences from Amazon, IMDb and Yelp, 1,000 each, labelled 0 (negative) or 1
 * (positive), half of each.
 *
 * <p>Source: npm package {@code sentiment@5.0.2}, files {@code
 * package/test/fixtures/{amazon,imdb,yelp}.json}; each file ends with an empty record, which is
 * dropped. Licence: CC BY 4.0 (the UCI data). {@code data/fetch sentiment} puts them in {@code
 * data/cache/sentiment/}.
 */
public final class Sentiment {
  /** The three sources, in load order. */
  public static final List<String> DOMAINS = List.of("amazon", "imdb", "yelp");

  /**
   * A labelled sentence.
   *
   * @param text the sentence, as written
   * @param label 0 negative, 1 positive
   * @param domain "amazon", "imdb" or "yelp"
   */
  public record Sentence(String text, int label, String domain) {}

  private Sentiment() {}

  /**
   * Loads the set from the cache.
   *
   * @param cache where data/fetch put it
   * @return the 3,000 sentences: Amazon, then IMDb, then Yelp
   * @throws IOException if the set is missing (run data/fetch) or malformed
   */
  public static List<Sentence> load(DataCache cache) throws IOException {
    List<Sentence> out = new ArrayList<>();
    for (String domain : DOMAINS) {
      var file = cache.require("sentiment", domain + ".json");
      for (LabelledText t : LabelledJson.read(file, "text", "class", true)) {
        int label = switch (t.label()) {
          case "0" -> 0;
          case "1" -> 1;
          default -> throw new org.rnn4j.data.DataFormatException(file, "record",
              "expected class 0 or 1, found \"" + t.label() + "\"");
        };
        out.add(new Sentence(t.text().strip(), label, domain));
      }
    }
    return out;
  }
}
