package org.rnn4j.speech.ctc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.rnn4j.task.Evaluation;

/**
 * How a recognizer did on transcribed recordings.
 *
 * @param source what was evaluated (a file or folder)
 * @param units what one symbol is
 * @param score symbol edits and exact utterances
 * @param wordScore word edits when the symbols are characters (words split at spaces)
 */
public record RecognitionEvaluation(String source, Units units, RecognitionScore score,
    RecognitionScore wordScore) implements Evaluation {

  @Override
  public String report() {
    String symbol = units == Units.WORDS ? "word" : "symbol";
    String words = units == Units.CHARACTERS && wordScore.referenceSymbols() > 0
        ? String.format(Locale.ROOT, ", word error rate %.1f%%", 100 * wordScore.errorRate())
        : "";
    return String.format(Locale.ROOT, "%s: %,d utterances, %s error rate %.1f%% (%,d edits in"
            + " %,d %ss)%s, utterances exactly right %.1f%%%n", source, score.utterances(), symbol,
        100 * score.errorRate(), score.edits(), score.referenceSymbols(), symbol, words,
        100 * score.utteranceAccuracy());
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = new ObjectMapper().createObjectNode().put("utterances", score.utterances())
        .put("units", units.label()).put("error_rate", score.errorRate())
        .put("edits", score.edits()).put("reference_symbols", score.referenceSymbols())
        .put("utterance_accuracy", score.utteranceAccuracy());
    if (units == Units.CHARACTERS) {
      json.put("word_error_rate", wordScore.errorRate());
    }
    return json;
  }
}
