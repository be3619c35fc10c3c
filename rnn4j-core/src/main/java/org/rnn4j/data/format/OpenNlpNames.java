package org.rnn4j.data.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnn4j.data.DataFormatException;

/**
 * Reads the Apache OpenNLP name-finder training format: one tokenized sentence per line, tokens
 * separated by spaces, each entity wrapped as {@code <START:type> Barack Obama <END>} ({@code
 * <START>} alone gives the type "default"). Blank lines (document breaks) are skipped. Entities
 * become BIO tags. A token glued to the end tag ({@code <END>.}, as in OpenNLP's own voa2.train)
 * is read as the end tag followed by that token.
 */
public final class OpenNlpNames {
  static final String DEFAULT_TYPE = "default";

  private OpenNlpNames() {}

  /**
   * The sentences of a file.
   *
   * @param file a UTF-8 file in the name-finder format
   * @return the sentences with BIO tags
   * @throws IOException if the file cannot be read, or {@link DataFormatException} naming the
   *     line when a tag is unbalanced, nested or empty
   */
  public static List<TaggedSentence> read(Path file) throws IOException {
    List<TaggedSentence> out = new ArrayList<>();
    try (NumberedLines lines = new NumberedLines(file)) {
      for (String line = lines.next(); line != null; line = lines.next()) {
        if (!line.isBlank()) {
          out.add(parse(line, lines));
        }
      }
    }
    return out;
  }

  private static TaggedSentence parse(String line, NumberedLines lines)
      throws DataFormatException {
    List<String> tokens = new ArrayList<>();
    List<EntitySpan> spans = new ArrayList<>();
    int start = -1;
    String type = null;
    for (String word : line.trim().split("\\s+")) {
      if (word.startsWith("<START")) {
        if (type != null) {
          throw lines.error("expected <END> before a new " + word + " (entities do not nest)");
        }
        type = startType(word, lines);
        start = tokens.size();
      } else if (word.startsWith("<END>")) {
        if (type == null) {
          throw lines.error("expected <START:type> before <END>, found <END> alone");
        }
        if (tokens.size() == start) {
          throw lines.error("expected at least one token between <START:" + type
              + "> and <END>, found none");
        }
        spans.add(new EntitySpan(start, tokens.size(), type));
        type = null;
        if (word.length() > "<END>".length()) {
          tokens.add(word.substring("<END>".length())); // "<END>." in voa2.train: the period
        }
      } else {
        tokens.add(word);
      }
    }
    if (type != null) {
      throw lines.error("expected <END> for <START:" + type + ">, found the end of the line");
    }
    return TaggedSentence.fromSpans(tokens, spans);
  }

  private static String startType(String word, NumberedLines lines) throws DataFormatException {
    if (word.equals("<START>")) {
      return DEFAULT_TYPE;
    }
    if (word.startsWith("<START:") && word.endsWith(">") && word.length() > "<START:>".length()) {
      return word.substring("<START:".length(), word.length() - 1);
    }
    throw lines.error("expected <START> or <START:type>, found \"" + word + "\"");
  }
}
