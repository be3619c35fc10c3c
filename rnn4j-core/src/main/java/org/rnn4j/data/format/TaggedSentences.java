package org.rnn4j.data.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads tagged sentences in the formats a tagger trains and is evaluated on: CoNLL columns
 * ({@link Conll}) or the OpenNLP name-finder format ({@link OpenNlpNames}).
 */
public final class TaggedSentences {
  /** The format names, as {@code --format} takes them. */
  public static final List<String> FORMATS = List.of("conll", "opennlp");

  private TaggedSentences() {}

  /**
   * @param file the data
   * @param format "conll" or "opennlp" (any case)
   * @param tokenColumn conll: the token column, from 0
   * @param tagColumn conll: the tag column, from 0
   * @return the sentences in file order
   * @throws IOException if the file cannot be read; a malformed line is named
   * @throws IllegalArgumentException if the format is missing or unknown
   */
  public static List<TaggedSentence> read(Path file, String format, int tokenColumn,
      int tagColumn) throws IOException {
    if (format == null) {
      throw new IllegalArgumentException(file + ": tagged sentences need --format conll or"
          + " --format opennlp");
    }
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "conll" -> Conll.read(file, tokenColumn, tagColumn);
      case "opennlp" -> OpenNlpNames.read(file);
      default -> throw new IllegalArgumentException(
          file + ": --format for tagging must be conll or opennlp, got " + format);
    };
  }
}
