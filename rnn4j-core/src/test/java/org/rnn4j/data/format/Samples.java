package org.rnn4j.data.format;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.function.Executable;
import org.rnn4j.data.DataFormatException;

/** The committed real-data samples (see samples/ATTRIBUTION.md) and error assertions. */
final class Samples {
  private Samples() {}

  static Path path(String name) {
    try {
      return Path.of(Samples.class.getResource("/samples/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path write(Path dir, String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  /** Asserts that reading fails with a message naming the file, the place and the problem. */
  static DataFormatException assertFormatError(String where, String what, Executable read) {
    DataFormatException e = assertThrows(DataFormatException.class, read);
    assertTrue(e.getMessage().contains(where), "expected \"" + where + "\" in: " + e.getMessage());
    assertTrue(e.getMessage().contains(what), "expected \"" + what + "\" in: " + e.getMessage());
    return e;
  }
}
