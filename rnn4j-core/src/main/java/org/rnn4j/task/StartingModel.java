package org.rnn4j.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.rnn4j.io.ModelFile;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.text.CharTokenizer;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.Tokenizer;
import org.rnn4j.text.WordTokenizer;

/**
 * A trained model a run starts from ({@link TrainingJob#initFrom}): its config and vocabulary
 * stand in for the ones the options and the data would give, and its weights for the random
 * initial ones. An architecture option given on the command line must agree with the model's;
 * the vocabulary options cannot apply, since the vocabulary is the model's.
 */
public final class StartingModel {
  private final Path file;
  private final ModelFile.Contents contents;

  private StartingModel(Path file, ModelFile.Contents contents) {
    this.file = file;
    this.contents = contents;
  }

  /**
   * Reads the job's starting model, when it has one.
   *
   * @param job the training job
   * @param family the name of the family training, which the model must be of
   * @return the model, or empty for a run from random weights
   * @throws IOException if the file cannot be read
   * @throws TaskOptionException if the model is of another family
   */
  public static Optional<StartingModel> of(TrainingJob job, String family) throws IOException {
    if (job.initFrom().isEmpty()) {
      return Optional.empty();
    }
    Path file = job.initFrom().get();
    ModelFile.Contents contents = ModelFile.read(file);
    String task = contents.config().path("task").asText("");
    if (!task.equals(family)) {
      throw new TaskOptionException("--init-from " + file + ": expected a " + family + " model"
          + " for --task " + family + ", got a " + (task.isEmpty() ? "model of no task" : task
          + " model"));
    }
    return Optional.of(new StartingModel(file, contents));
  }

  /** The model file. */
  public Path file() {
    return file;
  }

  /** The stored config, for the family's {@code fromJson}. */
  public JsonNode config() {
    return contents.config();
  }

  /**
   * The stored vocabulary's JSON.
   *
   * @throws ModelFormatException if the file holds none
   */
  public String vocabulary() throws ModelFormatException {
    return contents.vocabulary().orElseThrow(() -> new ModelFormatException(file
        + ": the model file holds no vocabulary"));
  }

  /**
   * The stored text codec, after checking that the text options given agree with it: {@code
   * --tokens} and {@code --lower-case} must name the model's, {@code --min-count} and {@code
   * --max-vocabulary} cannot apply.
   *
   * @param options the user's options
   * @return the model's codec
   * @throws TaskOptionException naming the option that disagrees
   * @throws ModelFormatException if the file holds no codec
   */
  public TextCodec codec(TaskOptions options) throws ModelFormatException {
    TextCodec codec;
    try {
      codec = TextCodec.fromJson(vocabulary());
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file + ": " + e.getMessage(), e);
    }
    requireTokenizer(options, CommonOptions.TOKENS, codec.tokenizer());
    refuseVocabularyOptions(options);
    return codec;
  }

  /**
   * Checks that {@code --tokens} (or a side's own option) and {@code --lower-case}, when given,
   * describe this tokenizer of the model.
   *
   * @param options the user's options
   * @param option {@code --tokens}, or a side's option such as {@code --source-tokens}
   * @param tokenizer the model's
   * @throws TaskOptionException naming the option that disagrees
   */
  public void requireTokenizer(TaskOptions options, TaskOption option, Tokenizer tokenizer) {
    String kind = tokenizer instanceof CharTokenizer ? "char" : "word";
    require(options, option, kind);
    if (options.isGiven(CommonOptions.LOWER_CASE)
        && !(tokenizer instanceof WordTokenizer w && w.lowerCase())) {
      throw conflict(CommonOptions.LOWER_CASE.flagName(), "its tokens are not lower-cased");
    }
  }

  /** {@code --min-count} and {@code --max-vocabulary} build a vocabulary; this run has one. */
  public void refuseVocabularyOptions(TaskOptions options) {
    for (TaskOption o : new TaskOption[] {CommonOptions.MIN_COUNT,
        CommonOptions.MAX_VOCABULARY}) {
      if (options.isGiven(o)) {
        throw new TaskOptionException(o.flagName() + " does not apply with --init-from " + file
            + ": the run keeps the model's vocabulary; leave " + o.flagName() + " out");
      }
    }
  }

  /**
   * Checks the recurrent options given against the model's recurrent layer.
   *
   * @param options the user's options
   * @param spec the model's
   * @throws TaskOptionException naming the first option that disagrees
   */
  public void requireRecurrent(TaskOptions options, RecurrentSpec spec) {
    require(options, CommonOptions.CELL, spec.cell().name());
    require(options, CommonOptions.HIDDEN, Integer.toString(spec.hiddenSize()));
    require(options, CommonOptions.LAYERS, Integer.toString(spec.layers()));
    require(options, CommonOptions.DROPOUT, Float.toString(spec.dropout()));
    if (options.isGiven(CommonOptions.BIDIRECTIONAL) && !spec.bidirectional()) {
      throw conflict(CommonOptions.BIDIRECTIONAL.flagName(), "it reads one way");
    }
  }

  /**
   * Checks one option, when given, against the model's value: numbers compare as numbers,
   * names without regard to case.
   *
   * @param options the user's options
   * @param option the option
   * @param model the model's value, as the option would spell it
   * @throws TaskOptionException naming the option, the value given and the model's
   */
  public void require(TaskOptions options, TaskOption option, String model) {
    if (!options.isGiven(option)) {
      return;
    }
    String given = options.get(option).orElseThrow();
    if (!same(given, model)) {
      throw conflict(option.isFlag() ? option.flagName() : option.flagName() + " " + given,
          "its " + option.name() + " is " + model.toLowerCase(Locale.ROOT));
    }
  }

  private static boolean same(String given, String model) {
    try {
      return Double.parseDouble(given.trim()) == Double.parseDouble(model.trim());
    } catch (NumberFormatException e) {
      return given.trim().equalsIgnoreCase(model.trim());
    }
  }

  private TaskOptionException conflict(String given, String model) {
    return new TaskOptionException(given + " conflicts with --init-from " + file + ": " + model
        + "; a run that starts from a model keeps its architecture, so leave the option out or"
        + " give the model's value");
  }

  /**
   * Puts the stored weights into a model built from {@link #config}.
   *
   * @param model the new model (modified)
   * @throws ModelFormatException naming tensors that are missing or of another shape
   */
  public void copyInto(Module model) throws ModelFormatException {
    ModelFile.copyInto(model.parameters(), contents.tensors(), file);
  }
}
