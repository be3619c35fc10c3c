package org.rnn4j.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Dinosaur names, one per line in lower case: the default demo's data (a character-level
 * language model that invents names). The file has 1,325 lines (the last without a line break;
 * npm's description counts 1,324) and 1,318 distinct names.
 *
 * <p>Source: npm package {@code dinosaurs@1.2.1}, file {@code package/dinosaurs.csv}, by jden.
 * Licence: WTFPL. It is committed in {@code data/dinosaurs/} and packed into this module's jar,
 * so it needs no fetch.
 */
public final class Dinosaurs {
  static final String RESOURCE = "dinosaurs.csv";

  private Dinosaurs() {}

  /**
   * The names.
   *
   * @return the 1,325 names in the file's (alphabetical) order, the 7 repeated ones included
   * @throws IOException if the packed resource cannot be read
   */
  public static List<String> load() throws IOException {
    try (InputStream in = Dinosaurs.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("resource org/rnn4j/datasets/" + RESOURCE + " is missing from the "
            + "rnn4j-datasets jar (it is packed from data/dinosaurs/dinosaurs.csv)");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return r.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
  }
}
