package org.rnn4j.task.seq2seq;

import java.util.List;
import org.rnn4j.metrics.Bleu;
import org.rnn4j.metrics.BleuScore;
import org.rnn4j.metrics.CharacterErrorRate;
import org.rnn4j.metrics.ChrF;
import org.rnn4j.metrics.SequenceAccuracy;
import org.rnn4j.text.CharTokenizer;
import org.rnn4j.text.Tokenizer;
import org.rnn4j.text.WordTokenizer;

/**
 * Corpus scores of output token sequences against reference texts, in the target tokenizer's
 * terms. Each reference is put through the target tokenizer first (so a lower-casing word model
 * is compared with lower-cased references, and its text with the tokens joined by spaces):
 *
 * <pre>
 * ref tokens = tokenize(reference)        ref text = join(ref tokens)     hyp text = join(hyp)
 * BLEU        corpus BLEU ({@link Bleu}, 'exp' smoothing) over words: the tokens of a word
 *             tokenizer; for a character tokenizer, the words of the text (punctuation split
 *             off, case kept)
 * chrF        corpus chrF2 ({@link ChrF}: character 6-grams, β = 2) of hyp text against ref text;
 *             the headline metric of a model with character targets, whose outputs (a date, a
 *             word) are often one or two words, too few for BLEU's 4-grams
 * CER         {@link CharacterErrorRate} of hyp text against ref text
 * exact match, token accuracy   {@link SequenceAccuracy} of hyp tokens against ref tokens
 * </pre>
 *
 * @param bleu corpus BLEU with its parts
 * @param chrF corpus chrF2 with its precision and recall
 * @param characters whether the outputs are characters (a character tokenizer): then chrF, not
 *     BLEU, is the metric to read
 * @param characterErrorRate Σ edits / Σ reference characters
 * @param exactMatch the fraction of outputs equal to their reference, token for token
 * @param tokenAccuracy the fraction of reference positions predicted right
 * @param sentences the number of pairs scored
 */
public record TranslationScores(BleuScore bleu, ChrF.ChrFScore chrF, boolean characters,
    double characterErrorRate, double exactMatch, double tokenAccuracy, int sentences) {
  private static final WordTokenizer WORDS = new WordTokenizer(false, true);

  /**
   * Scores outputs against references.
   *
   * @param target the target tokenizer the outputs are made of
   * @param hypotheses (N) output tokens per sentence
   * @param references (N) reference texts
   * @return the scores
   * @throws IllegalArgumentException if the lists differ in length
   */
  public static TranslationScores of(Tokenizer target, List<List<String>> hypotheses,
      List<String> references) {
    if (hypotheses.size() != references.size()) {
      throw new IllegalArgumentException("hypotheses and references must pair up: got "
          + hypotheses.size() + " hypotheses and " + references.size() + " references");
    }
    Bleu bleu = new Bleu();
    ChrF chrF = new ChrF();
    CharacterErrorRate cer = new CharacterErrorRate();
    SequenceAccuracy accuracy = new SequenceAccuracy();
    for (int i = 0; i < hypotheses.size(); i++) {
      List<String> hyp = hypotheses.get(i);
      List<String> ref = target.tokenize(references.get(i));
      String hypText = target.join(hyp);
      String refText = target.join(ref);
      bleu.add(words(target, hyp, hypText), words(target, ref, refText));
      chrF.add(hypText, refText);
      cer.add(hypText, refText);
      accuracy.add(hyp, ref);
    }
    return new TranslationScores(bleu.score(), chrF.score(), target instanceof CharTokenizer,
        cer.rate(), accuracy.exactMatch(),
        accuracy.tokenAccuracy(), hypotheses.size());
  }

  private static List<String> words(Tokenizer target, List<String> tokens, String text) {
    return target instanceof CharTokenizer ? WORDS.tokenize(text) : tokens;
  }
}
