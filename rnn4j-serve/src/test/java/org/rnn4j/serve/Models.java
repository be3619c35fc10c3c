package org.rnn4j.serve;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The small fixed models of every family, on the test class path under {@code models/}. */
final class Models {
  private Models() {}

  static Path of(String family) {
    try {
      return Path.of(Models.class.getResource("/models/" + family + ".safetensors").toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("no test model for " + family, e);
    }
  }
}
