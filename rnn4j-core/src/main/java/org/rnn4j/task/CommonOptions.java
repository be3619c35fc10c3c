package org.rnn4j.task;

import static org.rnn4j.task.TaskOption.Use.TRAIN;

import java.util.List;
import java.util.Locale;
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
      "rnn_tanh, rnn_relu, gru or lstm.", "lstm", TRAIN);
  public static final TaskOption EMBEDDING = TaskOption.value("embedding", "E",
      "Embedding size.", "32", TRAIN);
  public static final TaskOption HIDDEN = TaskOption.value("hidden", "H",
      "Hidden units per layer and direction.", "128", TRAIN);
  public static final TaskOption LAYERS = TaskOption.value("layers", "L",
      "Recurrent layers.", "1", TRAIN);
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

  /** The options of a recurrent layer that reads one way: cell, hidden, layers, dropout. */
  public static final List<TaskOption> RECURRENT_ONE_WAY = List.of(CELL, HIDDEN, LAYERS, DROPOUT);

  /** The recurrent options: cell, hidden, layers, dropout, bidirectional. */
  public static final List<TaskOption> RECURRENT =
      List.of(CELL, HIDDEN, LAYERS, DROPOUT, BIDIRECTIONAL);

  /** The text options: tokens, min-count, max-vocabulary, lower-case. */
  public static final List<TaskOption> TEXT = List.of(TOKENS, MIN_COUNT, MAX_VOCABULARY,
      LOWER_CASE);

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
    String kind = options.get(TOKENS).orElse(defaultKind);
    return switch (kind.toLowerCase(Locale.ROOT)) {
      case "char" -> new CharTokenizer();
      case "word" -> new WordTokenizer(options.flag(LOWER_CASE), true);
      default -> throw new TaskOptionException(
          TOKENS.flagName() + " must be char or word, got " + kind);
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
    int minCount = options.integer(MIN_COUNT, 1);
    int specials = Vocabulary.SPECIALS.size();
    int maxSize = options.optionalInteger(MAX_VOCABULARY, Integer.MIN_VALUE)
        .orElse(VocabularyBuilder.UNLIMITED);
    if (maxSize <= specials) {
      throw new TaskOptionException(MAX_VOCABULARY.flagName() + " must be at least "
          + (specials + 1) + " (the " + specials + " special tokens and one more), got "
          + maxSize);
    }
    return TextCodec.fit(tokenizer(options, defaultKind), train, minCount, maxSize);
  }
}
