package org.rnn4j.task.seq2seq;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.rnn4j.metrics.BleuScore;
import org.rnn4j.task.Evaluation;

/**
 * How a {@link Translator} did on sentence pairs: corpus BLEU with its parts, chrF2 (the metric
 * that leads for a model with character targets), character error rate, exact match and token
 * accuracy (see {@link TranslationScores} for how each is counted).
 *
 * @param source what was evaluated, for the report (a file name)
 * @param decoding greedy or beam search, as the translations were made
 * @param scores the scores
 */
public record TranslationEvaluation(String source, Translator.Options decoding,
    TranslationScores scores) implements Evaluation {

  /**
   * The pairs, the decoding and the scores, then the detail of the headline metric. For word
   * targets BLEU leads, and its detail is as sacrebleu prints it ({@code BLEU = 23.45
   * 55.1/30.2/18.0/11.2 (BP = 0.950 …)}); for character targets chrF2 leads, named as such, then
   * its detail and BLEU over the words of the outputs.
   */
  @Override
  public String report() {
    String n = System.lineSeparator();
    String rest = String.format(Locale.ROOT, "CER %.4f, exact match %.4f, token accuracy %.4f",
        scores.characterErrorRate(), scores.exactMatch(), scores.tokenAccuracy());
    String head = String.format(Locale.ROOT, "%s: %,d pairs, %s: ", source, scores.sentences(),
        decoding.describe());
    if (scores.characters()) {
      return head + String.format(Locale.ROOT, "chrF2 %.2f (character-level model: character"
              + " n-gram F-score), BLEU over words %.2f, ", scores.chrF().score(),
          scores.bleu().score()) + rest + n + scores.chrF() + n
          + "BLEU over the words of the outputs: " + scores.bleu() + n;
    }
    return head + String.format(Locale.ROOT, "BLEU %.2f, chrF2 %.2f, ", scores.bleu().score(),
        scores.chrF().score()) + rest + n + scores.bleu() + n;
  }

  @Override
  public ObjectNode toJson() {
    BleuScore bleu = scores.bleu();
    ObjectNode json = new ObjectMapper().createObjectNode().put("pairs", scores.sentences())
        .put("beam_width", decoding.beamWidth()).put("length_penalty", decoding.lengthPenalty())
        .put("metric", scores.characters() ? "chrf" : "bleu")
        .put("bleu", bleu.score()).put("chrf", scores.chrF().score())
        .put("chrf_precision", scores.chrF().precision())
        .put("chrf_recall", scores.chrF().recall())
        .put("character_error_rate", scores.characterErrorRate())
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
