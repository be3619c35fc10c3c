package org.rnn4j.task;

import static org.rnn4j.task.TaskOption.Use.TRAIN;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.text.CharTokenizer;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.Tokenizer;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.text.VocabularyBuilder;
import org.rnn4j.text.WordTokenizer;

/**
 * The model options the families share, each declared once with its default, and the two
 * things built from them: the recurrent layer's {@link RecurrentSpec} and a text codec fitted to
 * the training texts. A family lists the ones it reads in {@link TaskFamily#options()}.
 */
public final class CommonOptions {
  public static final TaskOption CELL = TaskOption.value("cell", "CELL",
      "rnn_tanh, rnn_relu, gru or lstm.",
      RecurrentSpec.DEFAULT_CELL.name().toLowerCase(Locale.ROOT), TRAIN);
  public static final TaskOption EMBEDDING = TaskOption.value("embedding", "E",
      "Embedding size.", "32", TRAIN);
  public static final TaskOption HIDDEN = TaskOption.value("hidden", "H",
      "Hidden units per layer and direction.", "128", TRAIN);
  public static final TaskOption LAYERS = TaskOption.value("layers", "L",
      "Recurrent layers.", String.valueOf(RecurrentSpec.DEFAULT_LAYERS), TRAIN);
  public static final TaskOption DROPOUT = TaskOption.value("dropout", "P",
      "Dropout while training: between recurrent layers, and before the output layer in the"
          + " families that have one there.", "0", TRAIN);
  public static final TaskOption BIDIRECTIONAL = TaskOption.flag("bidirectional",
      "Read each sequence both ways.", TRAIN);
  public static final TaskOption TOKENS = TaskOption.value("tokens", "KIND",
      "char or word (the family's default when absent).", null, TRAIN);
  public static final TaskOption MIN_COUNT = TaskOption.value("min-count", "N",
      "Tokens seen fewer than N times in the training part become <unk> (1 keeps all).", "1",
      TRAIN);
  public static final TaskOption MAX_VOCABULARY = TaskOption.value("max-vocabulary", "V",
      "Keep at most V tokens per vocabulary, the most frequent, with the 4 special ones counted"
          + " (no limit when absent).", null, TRAIN);
  public static final TaskOption LOWER_CASE = TaskOption.flag("lower-case",
      "With word tokens: lower-case every word.", TRAIN);

  public static final TaskOption MAX_LENGTH = TaskOption.value("max-length", "TOKENS",
      "Cut every training text to its first TOKENS tokens (seq2seq: leave out longer pairs), so"
          + " that one very long line cannot exhaust the memory; the log says how many (no limit"
          + " when absent).", null, TRAIN);

  /** The options of a recurrent layer that reads one way: cell, hidden, layers, dropout. */
  public static final List<TaskOption> RECURRENT_ONE_WAY = List.of(CELL, HIDDEN, LAYERS, DROPOUT);

  /** The recurrent options: cell, hidden, layers, dropout, bidirectional. */
  public static final List<TaskOption> RECURRENT =
      List.of(CELL, HIDDEN, LAYERS, DROPOUT, BIDIRECTIONAL);

  /** The text options: tokens, min-count, max-vocabulary, lower-case, max-length. */
  public static final List<TaskOption> TEXT = List.of(TOKENS, MIN_COUNT, MAX_VOCABULARY,
      LOWER_CASE, MAX_LENGTH);

  private CommonOptions() {}

  /**
   * The recurrent layer the options ask for.
   *
   * @param options the user's options
   * @return cell, hidden size, layers, directions and dropout
   * @throws IllegalArgumentException naming the option that is wrong
   */
  public static RecurrentSpec recurrent(TaskOptions options) {
    return new RecurrentSpec(options.choice(CELL, CellKind.class), options.integer(HIDDEN, 1),
        options.integer(LAYERS, 1), options.flag(BIDIRECTIONAL),
        options.probability(DROPOUT));
  }

  /**
   * The tokenizer the options ask for.
   *
   * @param options the user's options
   * @param defaultKind "char" or "word", when {@code --tokens} is absent
   * @return a character or word tokenizer
   * @throws IllegalArgumentException if {@code --tokens} is neither
   */
  public static Tokenizer tokenizer(TaskOptions options, String defaultKind) {
    return tokenizer(options, TOKENS, defaultKind);
  }

  /**
   * The tokenizer of one side of a family that reads two kinds of text (a seq2seq model's source
   * and target): the side's own option when given, else {@code --tokens}, else the default.
   *
   * @param options the user's options
   * @param side the side's option, e.g. {@code --source-tokens} (char or word)
   * @param defaultKind "char" or "word", when neither option is given
   * @return a character or word tokenizer
   * @throws IllegalArgumentException naming the option if its kind is neither
   */
  public static Tokenizer tokenizer(TaskOptions options, TaskOption side, String defaultKind) {
    TaskOption given = options.get(side).isPresent() ? side : TOKENS;
    String kind = options.get(given).orElse(defaultKind);
    return switch (kind.toLowerCase(Locale.ROOT)) {
      case "char" -> new CharTokenizer();
      case "word" -> new WordTokenizer(options.flag(LOWER_CASE), true);
      default -> throw new TaskOptionException(
          given.flagName() + " must be char or word, got " + kind);
    };
  }

  /**
   * A codec fitted to the training texts: the tokenizer of {@link #tokenizer} and a vocabulary
   * of its tokens with {@code --min-count} and {@code --max-vocabulary} applied.
   *
   * @param options the user's options
   * @param train the training texts
   * @param defaultKind "char" or "word", when {@code --tokens} is absent
   * @return the codec
   * @throws IllegalArgumentException naming the option that is wrong
   */
  public static TextCodec codec(TaskOptions options, List<String> train, String defaultKind) {
    return codec(options, train, tokenizer(options, defaultKind));
  }

  /**
   * A codec of the given tokenizer fitted to the training texts, with {@code --min-count} and
   * {@code --max-vocabulary} applied.
   *
   * @param options the user's options
   * @param train the training texts
   * @param tokenizer how the texts become tokens
   * @return the codec
   * @throws IllegalArgumentException naming the option that is wrong
   */
  public static TextCodec codec(TaskOptions options, List<String> train, Tokenizer tokenizer) {
    VocabularyLimits limits = vocabularyLimits(options);
    return TextCodec.fit(tokenizer, train, limits.minCount(), limits.maxSize());
  }

  /**
   * How a vocabulary fitted to training texts is limited.
   *
   * @param minCount the fewest occurrences that keep a token ({@code --min-count})
   * @param maxSize the most tokens, specials included ({@code --max-vocabulary}), or {@link
   *     VocabularyBuilder#UNLIMITED}
   */
  public record VocabularyLimits(int minCount, int maxSize) {}

  /**
   * The limits {@code --min-count} (default 1) and {@code --max-vocabulary} (default none) set.
   *
   * @param options the user's options
   * @return the limits
   * @throws TaskOptionException naming the option that is wrong, e.g. a maximum that leaves no
   *     room beside the special tokens
   */
  public static VocabularyLimits vocabularyLimits(TaskOptions options) {
    int minCount = options.integer(MIN_COUNT, 1);
    int specials = Vocabulary.SPECIALS.size();
    int maxSize = options.optionalInteger(MAX_VOCABULARY, Integer.MIN_VALUE)
        .orElse(VocabularyBuilder.UNLIMITED);
    if (maxSize <= specials) {
      throw new TaskOptionException(MAX_VOCABULARY.flagName() + " must be at least "
          + (specials + 1) + " (the " + specials + " special tokens and one more), got "
          + maxSize);
    }
    return new VocabularyLimits(minCount, maxSize);
  }

  /**
   * Cuts texts to {@code --max-length} tokens, when given, and says on the log how many it cut.
   *
   * @param options the user's options
   * @param texts the training texts
   * @param tokenizer how the family splits them
   * @param log where to say how many were cut
   * @return the texts, each at most max-length tokens (joined back by the tokenizer)
   */
  public static List<String> cut(TaskOptions options, List<String> texts, Tokenizer tokenizer,
      PrintWriter log) {
    Optional<Integer> max = options.optionalInteger(MAX_LENGTH, 1);
    if (max.isEmpty()) {
      return texts;
    }
    List<String> out = new ArrayList<>(texts.size());
    int cut = 0;
    for (String text : texts) {
      List<String> tokens = tokenizer.tokenize(text);
      if (tokens.size() > max.get()) {
        out.add(tokenizer.join(tokens.subList(0, max.get())));
        cut++;
      } else {
        out.add(text);
      }
    }
    report(log, "cut", cut, texts.size(), max.get());
    return out;
  }

  /**
   * Says on the log what {@code --max-length} did.
   *
   * @param log the training log
   * @param verb "cut" or "left out"
   * @param changed how many examples it changed
   * @param total how many there were
   * @param max the limit
   */
  public static void report(PrintWriter log, String verb, int changed, int total, int max) {
    log.printf(Locale.ROOT, "%s %,d of %,d examples to keep them within %s %d tokens%n",
        verb, changed, total, MAX_LENGTH.flagName(), max);
    log.flush();
  }
}
