package org.rnn4j.data.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CoNLL-style column files such as CoNLL-2003: one token per line with space- or
 * tab-separated columns ({@code EU NNP I-NP I-ORG}), a blank line between sentences, {@code
 * -DOCSTART-} lines between documents. The tag column must hold {@code O}, {@code B-type} or
 * {@code I-type}.
 */
public final class Conll {
  /** CoNLL-2003 English: token, part of speech, chunk, entity. */
  public static final int CONLL2003_TOKEN = 0;
  /** The entity column of CoNLL-2003 (the last of four). */
  public static final int CONLL2003_ENTITY = 3;

  private Conll() {}

  /**
   * The sentences of a file.
   *
   * @param file a UTF-8 CoNLL file
   * @param tokenColumn the token column, from 0
   * @param tagColumn the tag column, from 0
   * @return the sentences, in order
   * @throws IOException if the file cannot be read, or {@link org.rnn4j.data.DataFormatException}
   *     naming the line whose columns or tag are wrong
   */
  public static List<TaggedSentence> read(Path file, int tokenColumn, int tagColumn)
      throws IOException {
    if (tokenColumn < 0 || tagColumn < 0) {
      throw new IllegalArgumentException("columns must be at least 0, got " + tokenColumn + ", "
          + tagColumn);
    }
    int needed = Math.max(tokenColumn, tagColumn) + 1;
    List<TaggedSentence> out = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    try (NumberedLines lines = new NumberedLines(file)) {
      for (String line = lines.next(); line != null; line = lines.next()) {
        if (line.isBlank() || line.startsWith("-DOCSTART-")) {
          flush(out, tokens, tags);
          continue;
        }
        String[] fields = line.trim().split("[ \\t]+");
        if (fields.length < needed) {
          throw lines.error("expected at least " + needed + " columns, found " + fields.length
              + " in \"" + line + "\"");
        }
        String tag = fields[tagColumn];
        if (!TaggedSentence.isBioTag(tag)) {
          throw lines.error("expected a tag O, B-type or I-type in column " + tagColumn
              + ", found \"" + tag + "\"");
        }
        tokens.add(fields[tokenColumn]);
        tags.add(tag);
      }
    }
    flush(out, tokens, tags);
    return out;
  }

  private static void flush(List<TaggedSentence> out, List<String> tokens, List<String> tags) {
    if (!tokens.isEmpty()) {
      out.add(new TaggedSentence(tokens, tags));
      tokens.clear();
      tags.clear();
    }
  }
}
