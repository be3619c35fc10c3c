package org.rnn4j.task.seq2seq;

import java.util.Arrays;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnn4j.data.Collate;
import org.rnn4j.data.PaddedIds;
import org.rnn4j.data.Seq2SeqBatch;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.train.BatchSource;
import org.rnn4j.train.Objective;

/**
 * Trains a {@link Seq2Seq} with teacher forcing: the mean cross-entropy per real target token,
 * {@code <eos>} included, padded steps ignored, with dropout (training mode). Evaluation, without
 * dropout, reports
 *
 * <pre>
 * loss            mean cross-entropy per target token (nats), teacher-forced
 * token_accuracy  fraction of target tokens (with &lt;eos&gt;) whose teacher-forced argmax is right
 * exact_match     fraction of examples whose greedy decoding (at most T steps, T the batch's
 *                 decoder length) equals the target exactly
 * </pre>
 *
 * @param model the model to train
 * @param bosId the target vocabulary's {@code <bos>}, for greedy decoding
 * @param eosId the target vocabulary's {@code <eos>}, for greedy decoding
 */
public record Seq2SeqObjective(Seq2Seq model, int bosId, int eosId) implements Objective<Seq2SeqBatch> {

  @Override
  public Tensor trainLoss(Seq2SeqBatch batch, RandomGenerator rng) {
    return model.loss(batch);
  }

  /** Real target tokens in the batch, {@code <eos>} included. */
  @Override
  public long tokens(Seq2SeqBatch batch) {
    return Arrays.stream(batch.decoderTargets()).filter(y -> y != Collate.IGNORE_INDEX).count();
  }

  @Override
  public Map<String, Double> evaluate(BatchSource<Seq2SeqBatch> source) {
    double[] nats = {0};
    long[] counts = new long[4]; // tokens, correct tokens, examples, exact matches
    Objective.forEachInEvaluation(model, source, batch -> {
      Tensor logits = model.forward(batch.source(), batch.decoderInputs());
      long n = tokens(batch);
      nats[0] += Seq2Seq.loss(logits, batch).item() * n;
      counts[0] += n;
      counts[1] += correct(logits.argmax(), batch.decoderTargets());
      counts[2] += batch.decoderInputs().batch();
      counts[3] += exactMatches(batch);
    });
    long tokens = counts[0];
    long examples = counts[2];
    return Map.of("loss", tokens == 0 ? Double.NaN : nats[0] / tokens,
        "token_accuracy", tokens == 0 ? Double.NaN : (double) counts[1] / tokens,
        "exact_match", examples == 0 ? Double.NaN : (double) counts[3] / examples);
  }

  private static long correct(int[] predicted, int[] targets) {
    long n = 0;
    for (int r = 0; r < targets.length; r++) {
      if (targets[r] != Collate.IGNORE_INDEX && predicted[r] == targets[r]) {
        n++;
      }
    }
    return n;
  }

  private long exactMatches(Seq2SeqBatch batch) {
    PaddedIds in = batch.decoderInputs();
    int[][] decoded = model.greedy(batch.source(), in.time(), bosId, eosId);
    long n = 0;
    for (int b = 0; b < decoded.length; b++) {
      int[] withBos = in.sequence(b);
      if (Arrays.equals(decoded[b], Arrays.copyOfRange(withBos, 1, withBos.length))) {
        n++;
      }
    }
    return n;
  }
}
