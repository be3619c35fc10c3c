package org.rnn4j.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.rnn4j.text.Vocabulary;

/**
 * The source tokens (characters or words) of some texts that the model never saw in training:
 * the model reads each of them as {@code <unk>}, as it read the rare tokens that {@code
 * --min-count} or {@code --max-vocabulary} left out in training. Counts them and keeps the first
 * few distinct ones, for a note to the user.
 */
final class UnknownTokens {
  /** The examples a note names, at most. */
  static final int EXAMPLES = 5;

  private final Vocabulary vocabulary;
  private final Set<String> distinct = new LinkedHashSet<>();
  private long occurrences;
  private int texts;

  /** @param vocabulary the source vocabulary of the model */
  UnknownTokens(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /**
   * Counts the unknown tokens of one text.
   *
   * @param tokens the text's tokens, as the model's source tokenizer split them
   * @return this
   */
  UnknownTokens add(List<String> tokens) {
    boolean any = false;
    for (String token : tokens) {
      if (!vocabulary.contains(token)) {
        occurrences++;
        distinct.add(token);
        any = true;
      }
    }
    if (any) {
      texts++;
    }
    return this;
  }

  /** Every occurrence of an unknown token, in all texts added. */
  long occurrences() {
    return occurrences;
  }

  /**
   * The note for standard error, or "" when every token is known: {@code "rnn4j: 3 tokens in 2
   * of 10 texts are not in the model's source vocabulary (not seen in training, or too rare to
   * keep) and were read as <unk> (2 distinct: 'é', 'ß')"}.
   *
   * @param total the number of texts
   * @return the note, or ""
   */
  String note(int total) {
    if (occurrences == 0) {
      return "";
    }
    String examples = distinct.stream().limit(EXAMPLES).map(t -> "'" + t + "'")
        .collect(Collectors.joining(", "));
    boolean one = occurrences == 1;
    return String.format(Locale.ROOT, "rnn4j: %,d token%s in %,d of %,d texts %s not in the"
            + " model's source vocabulary (not seen in training, or too rare to keep) and %s"
            + " read as <unk> (%,d distinct: %s%s)", occurrences, one ? "" : "s", texts, total,
        one ? "is" : "are", one ? "was" : "were", distinct.size(), examples,
        distinct.size() > EXAMPLES ? ", …" : "");
  }
}
