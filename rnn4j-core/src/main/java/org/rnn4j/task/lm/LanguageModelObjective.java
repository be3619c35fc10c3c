package org.rnn4j.task.lm;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.tensor.NoGrad;
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

  public LanguageModelObjective(LanguageModel model) {
    this.model = model;
  }

  @Override
  public Module model() {
    return model;
  }

  @Override
  public Tensor trainLoss(TokenBatch batch, RandomGenerator rng) {
    model.train(rng);
    LanguageModel.Output out = model.loss(batch.ids(), batch.targets(), batch.lengths(),
        startState(batch, carried));
    carried = Optional.of(out.state().detach());
    return out.logits();
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
    model.eval();
    double nats = 0;
    long tokens = 0;
    Optional<RecurrentState> state = Optional.empty();
    try (NoGrad scope = NoGrad.enter()) {
      for (int i = 0; i < source.size(); i++) {
        TokenBatch batch = source.batch(i);
        LanguageModel.Output out = model.loss(batch.ids(), batch.targets(), batch.lengths(),
            startState(batch, state));
        state = Optional.of(out.state());
        nats += out.logits().item() * batch.tokens();
        tokens += batch.tokens();
      }
    }
    double loss = tokens == 0 ? Double.NaN : nats / tokens;
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
