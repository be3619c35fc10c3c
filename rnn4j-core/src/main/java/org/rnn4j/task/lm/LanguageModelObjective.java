package org.rnn4j.task.lm;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.train.BatchSource;
import org.rnn4j.train.Objective;
import org.rnn4j.train.TokenBatch;

/**
 * Trains a {@link LanguageModel} on next-token batches. A batch that continues a stream starts
 * from the previous batch's final state, detached (truncated backpropagation through time);
 * others start from zero. Evaluation reports the mean loss per token (nats) and the perplexity
 * e^loss.
 */
public final class LanguageModelObjective implements Objective<TokenBatch> {
  private final LanguageModel model;
  private Optional<RecurrentState> carried = Optional.empty();

  /** @param model the language model to train */
  public LanguageModelObjective(LanguageModel model) {
    this.model = model;
  }

  @Override
  public Module model() {
    return model;
  }

  @Override
  public Tensor trainLoss(TokenBatch batch, RandomGenerator rng) {
    LanguageModel.Loss loss = model.loss(batch.ids(), batch.targets(), batch.lengths(),
        startState(batch, carried));
    carried = Optional.of(loss.state().detach());
    return loss.value();
  }

  private RecurrentState startState(TokenBatch batch, Optional<RecurrentState> previous) {
    return batch.continuesStream() && previous.isPresent() ? previous.get()
        : model.zeroState(batch.batchSize());
  }

  @Override
  public long tokens(TokenBatch batch) {
    return batch.tokens();
  }

  @Override
  public Map<String, Double> evaluate(BatchSource<TokenBatch> source) {
    double[] nats = {0};
    long[] tokens = {0};
    AtomicReference<Optional<RecurrentState>> previous = new AtomicReference<>(Optional.empty());
    Objective.forEachInEvaluation(model, source, batch -> {
      LanguageModel.Loss loss = model.loss(batch.ids(), batch.targets(), batch.lengths(),
          startState(batch, previous.get()));
      previous.set(Optional.of(loss.state())); // the next batch may continue the stream
      nats[0] += loss.value().item() * batch.tokens();
      tokens[0] += batch.tokens();
    });
    double loss = tokens[0] == 0 ? Double.NaN : nats[0] / tokens[0];
    return Map.of("loss", loss, "perplexity", Math.exp(loss));
  }

  @Override
  public void startEpoch() {
    carried = Optional.empty();
  }

  @Override
  public Map<String, Tensor> carriedState() {
    Map<String, Tensor> m = new HashMap<>();
    carried.ifPresent(s -> {
      m.put("h", s.h());
      s.c().ifPresent(c -> m.put("c", c));
    });
    return m;
  }

  @Override
  public void restoreCarriedState(Map<String, Tensor> state) {
    carried = Optional.ofNullable(state.get("h"))
        .map(h -> new RecurrentState(h, Optional.ofNullable(state.get("c"))));
  }

  @Override
  public Optional<double[][]> stateGradientNorms() {
    return model.stateGradientNorms();
  }
}
