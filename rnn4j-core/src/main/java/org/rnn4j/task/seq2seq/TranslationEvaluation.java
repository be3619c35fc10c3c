package org.rnn4j.task.seq2seq;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.rnn4j.metrics.BleuScore;
import org.rnn4j.task.Evaluation;

/**
 * How a {@link Translator} did on sentence pairs: corpus BLEU with its parts, character error
 * rate, exact match and token accuracy (see {@link TranslationScores} for how each is counted).
 *
 * @param source what was evaluated, for the report (a file name)
 * @param decoding greedy or beam search, as the translations were made
 * @param scores the scores
 */
public record TranslationEvaluation(String source, Translator.Options decoding,
    TranslationScores scores) implements Evaluation {

  /**
   * Two lines: the pairs, the decoding and the scores, then BLEU as sacrebleu prints it ({@code
   * BLEU = 23.45 55.1/30.2/18.0/11.2 (BP = 0.950 …)}).
   */
  @Override
  public String report() {
    return String.format(Locale.ROOT, "%s: %,d pairs, %s: BLEU %.2f, CER %.4f, exact match %.4f,"
            + " token accuracy %.4f%n", source, scores.sentences(), decoding.describe(),
        scores.bleu().score(), scores.characterErrorRate(), scores.exactMatch(),
        scores.tokenAccuracy()) + scores.bleu() + System.lineSeparator();
  }

  @Override
  public ObjectNode toJson() {
    BleuScore bleu = scores.bleu();
    ObjectNode json = new ObjectMapper().createObjectNode().put("pairs", scores.sentences())
        .put("beam_width", decoding.beamWidth()).put("length_penalty", decoding.lengthPenalty())
        .put("bleu", bleu.score()).put("character_error_rate", scores.characterErrorRate())
        .put("exact_match", scores.exactMatch()).put("token_accuracy", scores.tokenAccuracy());
    var precisions = json.putArray("bleu_precisions");
    for (double p : bleu.precisions()) {
      precisions.add(p);
    }
    return json.put("bleu_brevity_penalty", bleu.brevityPenalty())
        .put("hypothesis_length", bleu.hypothesisLength())
        .put("reference_length", bleu.referenceLength());
  }
}
