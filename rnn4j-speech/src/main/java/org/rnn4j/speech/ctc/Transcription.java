package org.rnn4j.speech.ctc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.rnn4j.task.Prediction;

/**
 * What a recognizer heard in one recording.
 *
 * @param source the file, for the line people read
 * @param text the symbols joined (characters side by side, words with spaces)
 * @param symbols the decoded symbols
 * @param logProbability log p(symbols | recording), summed over every alignment
 * @param steps the steps the recognizer read
 */
public record Transcription(String source, String text, List<String> symbols,
    double logProbability, int steps) implements Prediction {

  /** Copies the symbols. */
  public Transcription {
    symbols = List.copyOf(symbols);
  }

  @Override
  public String text() {
    return text;
  }

  /** "file: text" for people. */
  public String line() {
    return source + "\t" + text;
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = new ObjectMapper().createObjectNode().put("file", source).put("text", text);
    symbols.forEach(json.putArray("symbols")::add);
    return json.put("log_probability", logProbability).put("steps", steps);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s: %s (log p %.3f)", source, text, logProbability);
  }
}
