package org.rnn4j.speech.ctc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.rnn4j.io.ConfigJson;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.TaskConfig;

/**
 * The shape of a {@link Recognizer}: its front end, its recurrent layer and its output symbols.
 *
 * @param frontEnd how audio becomes steps of F features
 * @param recurrent cell, H, L, D and dropout
 * @param units characters or words
 * @param symbols the output symbols; class 0 is the blank ∅, class k ≥ 1 is {@code
 *     symbols.get(k − 1)}, so C = symbols.size() + 1
 */
public record RecognizerConfig(FrontEnd frontEnd, RecurrentSpec recurrent, Units units,
    List<String> symbols) implements TaskConfig {
  /** The task name in model files. */
  public static final String TASK = "ctc";
  /** The class id of the blank. */
  public static final int BLANK = 0;

  /** Checks the settings; copies the symbols. */
  public RecognizerConfig {
    if (frontEnd == null || recurrent == null || units == null) {
      throw new IllegalArgumentException("front end, recurrent layer and units must be given");
    }
    if (symbols == null || symbols.isEmpty()) {
      throw new IllegalArgumentException("a recognizer needs at least one output symbol, got "
          + symbols);
    }
    if (new HashSet<>(symbols).size() != symbols.size()) {
      throw new IllegalArgumentException("symbols must be distinct, got " + symbols);
    }
    symbols = List.copyOf(symbols);
  }

  @Override
  public String task() {
    return TASK;
  }

  /** C, the classes of each frame: the blank and the symbols. */
  public int classes() {
    return symbols.size() + 1;
  }

  @Override
  public JsonNode toJson() {
    ObjectNode json = new ObjectMapper().createObjectNode().put("task", TASK);
    frontEnd.toJson(json);
    recurrent.toJson(json).put("units", units.label());
    symbols.forEach(json.putArray("symbols")::add);
    return json;
  }

  /**
   * Reads a configuration written by {@link #toJson()}.
   *
   * @throws ModelFormatException naming the field that is missing or wrong
   */
  public static RecognizerConfig fromJson(JsonNode json, Path file) throws ModelFormatException {
    ConfigJson.requireTask(json, TASK, "a CTC speech recognizer", file);
    FrontEnd frontEnd = FrontEnd.fromJson(json, file);
    RecurrentSpec recurrent = RecurrentSpec.fromJson(json, file);
    try {
      return new RecognizerConfig(frontEnd, recurrent,
          Units.valueOf(json.path("units").asText().toUpperCase(Locale.ROOT)),
          ConfigJson.strings(json, "symbols", "output symbols", file));
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file + ": bad recognizer config " + json + ": "
          + e.getMessage(), e);
    }
  }
}
