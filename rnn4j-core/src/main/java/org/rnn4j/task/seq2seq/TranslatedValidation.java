package org.rnn4j.task.seq2seq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.rnn4j.data.Seq2SeqBatch;
import org.rnn4j.data.format.SentencePair;
import org.rnn4j.nn.Module;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.text.TextCodecPair;
import org.rnn4j.train.BatchSource;
import org.rnn4j.train.Objective;

/**
 * A {@link Seq2SeqObjective} whose validation also translates: every source of the validation
 * batches is decoded greedily (at most 2·|x| + 10 tokens, as {@code translate} does) and scored
 * against its reference text, as {@code eval} scores ({@link TranslationScores}):
 *
 * <pre>
 * bleu   corpus BLEU over words, 0 to 100
 * chrf   chrF2 over characters, 0 to 100
 * </pre>
 * Training is the wrapped objective's. Decoding every validation pair each epoch costs a pass of
 * the decoder per output token, so a run asks for it only when it watches one of these metrics.
 *
 * @param objective the teacher-forced objective
 * @param codecs the source and target codecs
 * @param pairs the validation pairs, the list the validation batches' indices point into
 */
public record TranslatedValidation(Seq2SeqObjective objective, TextCodecPair codecs,
    List<SentencePair> pairs) implements Objective<Seq2SeqBatch> {

  /** Copies the pairs. */
  public TranslatedValidation {
    pairs = List.copyOf(pairs);
  }

  @Override
  public Module model() {
    return objective.model();
  }

  @Override
  public Tensor trainLoss(Seq2SeqBatch batch, RandomGenerator rng) {
    return objective.trainLoss(batch, rng);
  }

  @Override
  public long tokens(Seq2SeqBatch batch) {
    return objective.tokens(batch);
  }

  /** The wrapped objective's metrics, and BLEU and chrF of greedy translations. */
  @Override
  public Map<String, Double> evaluate(BatchSource<Seq2SeqBatch> source) {
    Map<String, Double> metrics = new HashMap<>(objective.evaluate(source));
    List<List<String>> hypotheses = new ArrayList<>();
    List<String> references = new ArrayList<>();
    Seq2Seq model = objective.model();
    Objective.forEachInEvaluation(model, source, batch -> {
      int longest = 0;
      for (int length : batch.source().lengths()) {
        longest = Math.max(longest, length);
      }
      int[][] ids = model.greedy(batch.source(), 2 * longest + 10, objective.bosId(),
          objective.eosId());
      for (int b = 0; b < ids.length; b++) {
        int limit = Math.min(ids[b].length, 2 * batch.source().lengths()[b] + 10);
        hypotheses.add(codecs.target().vocabulary().decode(Arrays.copyOf(ids[b], limit), true));
        references.add(pairs.get(batch.indices()[b]).target());
      }
    });
    TranslationScores scores = TranslationScores.of(codecs.target().tokenizer(), hypotheses,
        references);
    metrics.put("bleu", scores.bleu().score());
    metrics.put("chrf", scores.chrF().score());
    return metrics;
  }

  @Override
  public Optional<double[][]> stateGradientNorms() {
    return objective.stateGradientNorms();
  }
}
