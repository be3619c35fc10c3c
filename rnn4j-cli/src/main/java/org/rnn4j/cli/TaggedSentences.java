package org.rnn4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.rnn4j.data.format.Conll;
import org.rnn4j.data.format.OpenNlpNames;
import org.rnn4j.data.format.TaggedSentence;

/** Reads tagged sentences in the formats the command line accepts: conll, opennlp. */
final class TaggedSentences {
  private TaggedSentences() {}

  static List<TaggedSentence> read(Path file, String format, int tokenColumn, int tagColumn)
      throws IOException {
    if (format == null) {
      throw new IllegalArgumentException("--task tag needs --format conll or --format opennlp");
    }
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "conll" -> Conll.read(file, tokenColumn, tagColumn);
      case "opennlp" -> OpenNlpNames.read(file);
      default -> throw new IllegalArgumentException(
          "--format for tagging must be conll or opennlp, got " + format);
    };
  }
}
