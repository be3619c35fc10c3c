package org.rnn4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.Module;
import org.rnn4j.tensor.Tensor;

class LargestBatchCheckTest {

  /** Batches are sizes; the model "runs out of memory" on any batch above 100 tokens. */
  private static final class Sized implements Objective<Integer> {
    final Linear fc = new Linear(2, 1, new java.util.SplittableRandom(1));
    int epochsStarted;
    Integer tried;

    @Override
    public Module model() {
      return fc;
    }

    @Override
    public Tensor trainLoss(Integer batch, RandomGenerator rng) {
      tried = batch;
      if (batch > 100) {
        throw new OutOfMemoryError("Java heap space");
      }
      return fc.forward(Tensor.ones(batch, 2)).sum();
    }

    @Override
    public long tokens(Integer batch) {
      return batch;
    }

    @Override
    public Map<String, Double> evaluate(BatchSource<Integer> source) {
      return Map.of("loss", 0.0);
    }

    @Override
    public void startEpoch() {
      epochsStarted++;
    }
  }

  @Test
  void theLargestBatchIsTriedFirstAndLeavesNoGradientOrState() {
    Sized objective = new Sized();
    LargestBatchCheck.run(objective, BatchSource.of(List.of(3, 90, 7)));
    assertEquals(90, objective.tried);
    assertEquals(1, objective.epochsStarted, "carried state reset");
    objective.fc.parameters().values().forEach(p -> {
      for (float g : p.grad().data()) {
        assertEquals(0f, g);
      }
    });
  }

  @Test
  void aLargestBatchThatDoesNotFitFailsBeforeTraining() {
    Sized objective = new Sized();
    LargestBatchCheck.DoesNotFit e = assertThrows(LargestBatchCheck.DoesNotFit.class,
        () -> TrainingRecipe.of(3, 1).fit(objective, BatchSource.of(List.of(3, 500, 7)),
            java.util.Optional.empty()));
    assertTrue(e.getMessage().startsWith("training does not fit in the heap of")
        && e.getMessage().contains("its largest batch (500 tokens)"), e.getMessage());
  }
}
