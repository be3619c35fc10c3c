package org.rnn4j.datasets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.rnn4j.data.format.OpenNlpNames;
import org.rnn4j.data.format.TaggedSentence;

/**
 * The gold named-entity test set: 43 lines of tokenized Voice of America news (42 sentences and
 * one blank document break) with 70 entities of types person, location, organization and date,
 * in the OpenNLP name-finder format.
 *
 * <p>Source: Maven artifact {@code org.apache.opennlp:opennlp-tools:2.5.4}, classifier {@code
 * tests}, files {@code opennlp/tools/namefind/voa1.train} and {@code voa2.train}. Licence:
 * Apache-2.0 (Apache OpenNLP); the text is Voice of America news, a US Government work. {@code
 * data/fetch voa} puts them in {@code data/cache/voa/}.
 */
public final class VoaNames {
  private VoaNames() {}

  /**
   * Loads the set from the cache.
   *
   * @param cache where data/fetch put it
   * @return the sentences of voa1.train then voa2.train, with BIO tags
   * @throws IOException if the set is missing (run data/fetch) or malformed
   */
  public static List<TaggedSentence> load(DataCache cache) throws IOException {
    List<TaggedSentence> out = new ArrayList<>();
    out.addAll(OpenNlpNames.read(cache.require("voa", "voa1.train")));
    out.addAll(OpenNlpNames.read(cache.require("voa", "voa2.train")));
    return out;
  }
}
