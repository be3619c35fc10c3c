package org.rnn4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.optim.Adam;
import org.rnn4j.optim.AdamW;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.optim.RmsProp;
import org.rnn4j.optim.Sgd;
import org.rnn4j.task.lm.LanguageModel;
import org.rnn4j.task.lm.LanguageModelConfig;
import org.rnn4j.task.lm.LanguageModelObjective;
import org.rnn4j.tensor.Tensor;

/** The optimizer and schedule of a {@link TrainingRecipe}, and the metric it watches. */
class OptimizationTest {
  private static final int[] TOKENS = "abcabcabdabcabcabdabcabcabd".repeat(3).chars()
      .map(c -> c - 'a').toArray();

  private static LanguageModel model() {
    return new LanguageModel(new LanguageModelConfig(4, 4,
        new RecurrentSpec(CellKind.GRU, 8, 1, false, 0f)), new SplittableRandom(3));
  }

  /** The learning rate of every step and the weights after training with this recipe. */
  private record Run(List<Double> rates, Map<String, Tensor> weights, TrainingResult result,
      List<Map<String, Double>> validation) {}

  private static Run train(TrainingRecipe recipe) {
    LanguageModel m = model();
    List<Double> rates = new ArrayList<>();
    List<Map<String, Double>> validation = new ArrayList<>();
    TrainingListener rate = new TrainingListener() {
      @Override
      public void onStep(StepReport report) {
        rates.add(report.learningRate());
      }

      @Override
      public void onEpoch(EpochReport report) {
        validation.add(report.validation());
      }
    };
    TruncatedBptt source = new TruncatedBptt(TOKENS, 2, 5);
    TrainingResult result = recipe.withListeners(List.of(rate))
        .fit(new LanguageModelObjective(m), source, Optional.of(source));
    return new Run(rates, m.parameters(), result, validation);
  }

  @Test
  void theDefaultIsAdamAtAConstantRateExactlyAsBefore() {
    TrainingRecipe recipe = TrainingRecipe.of(2, 5);
    assertEquals(Optimization.DEFAULT, recipe.optimization());
    Run run = train(recipe);
    run.rates().forEach(r -> assertEquals(TrainingRecipe.DEFAULT_LEARNING_RATE, r, 0));
    LanguageModel m = model();
    TruncatedBptt source = new TruncatedBptt(TOKENS, 2, 5);
    LanguageModelObjective objective = new LanguageModelObjective(m);
    new Trainer<>(TrainerConfig.builder(2, 5).build(), objective,
        Adam.of(m.parameters(), TrainingRecipe.DEFAULT_LEARNING_RATE), List.of())
        .fit(source, Optional.of(source));
    m.parameters().forEach((name, p) ->
        assertEquals(java.util.Arrays.toString(p.data()),
            java.util.Arrays.toString(run.weights().get(name).data()), name));
  }

  @Test
  void eachKindBuildsItsOptimizerWithItsDecay() {
    Map<String, Tensor> params = model().parameters();
    Optimization o = Optimization.DEFAULT;
    assertInstanceOf(Adam.class, o.build(params, 0.1));
    Optimizer adamw = o.withOptimizer(Optimization.Kind.ADAMW, 0, OptionalDouble.empty())
        .build(params, 0.1);
    assertEquals(AdamW.DEFAULT_WEIGHT_DECAY, ((AdamW) adamw).config().weightDecay());
    Sgd sgd = (Sgd) o.withOptimizer(Optimization.Kind.SGD, 0.9, OptionalDouble.of(1e-4))
        .build(params, 0.1);
    assertEquals(0.9, sgd.config().momentum());
    assertEquals(1e-4, sgd.config().weightDecay());
    RmsProp rms = (RmsProp) o.withOptimizer(Optimization.Kind.RMSPROP, 0.5,
        OptionalDouble.empty()).build(params, 0.1);
    assertEquals(0.5, rms.config().momentum());
    assertEquals(0.1, rms.learningRate());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> o.withOptimizer(Optimization.Kind.ADAM, 0.9, OptionalDouble.empty()));
    assertTrue(e.getMessage().startsWith("momentum applies to sgd and rmsprop, not to adam"),
        e.getMessage());
    assertEquals(Map.of("optimizer", "sgd", "weight_decay", 1e-4, "momentum", 0.9,
        "schedule", "constant"), o.withOptimizer(Optimization.Kind.SGD, 0.9,
        OptionalDouble.of(1e-4)).describe());
  }

  @Test
  void otherOptimizersTrainToOtherWeights() {
    Run adam = train(TrainingRecipe.of(1, 5));
    for (Optimization.Kind kind : List.of(Optimization.Kind.ADAMW, Optimization.Kind.SGD,
        Optimization.Kind.RMSPROP)) {
      Run other = train(TrainingRecipe.of(1, 5).withOptimization(Optimization.DEFAULT
          .withOptimizer(kind, 0, OptionalDouble.empty())));
      assertNotEquals(adam.weights().get("fc.weight").data()[0],
          other.weights().get("fc.weight").data()[0], kind.label());
    }
  }

  @Test
  void cosineFallsStepByStepAndStepDecaysAtEpochs() {
    int steps = new TruncatedBptt(TOKENS, 2, 5).size(); // N per epoch
    Run cosine = train(TrainingRecipe.of(3, 5).withLearningRate(0.1).withOptimization(
        Optimization.DEFAULT.withSchedule(Optimization.Schedule.COSINE, 1, 0.5, 1)));
    assertEquals(3 * steps, cosine.rates().size());
    assertEquals(0.1, cosine.rates().get(0), 1e-12);
    for (int t = 1; t < cosine.rates().size(); t++) {
      double expected = 0.1 * (1 + Math.cos(Math.PI * t / (3.0 * steps))) / 2;
      assertEquals(expected, cosine.rates().get(t), 1e-12, "step " + t);
    }
    Run step = train(TrainingRecipe.of(3, 5).withLearningRate(0.1).withOptimization(
        Optimization.DEFAULT.withSchedule(Optimization.Schedule.STEP, 2, 0.5, 1)));
    assertEquals(0.1, step.rates().get(0), 1e-12);
    assertEquals(0.1, step.rates().get(2 * steps - 1), 1e-12, "the rate of epochs 1 and 2");
    assertEquals(0.05, step.rates().get(2 * steps), 1e-12, "halved for epoch 3");
  }

  @Test
  void thePlateauScheduleWatchesTheChosenMetricInItsDirection() {
    Optimization plateau = Optimization.DEFAULT.withSchedule(Optimization.Schedule.PLATEAU, 1,
        0.5, 0);
    Run falling = train(TrainingRecipe.of(4, 5).withLearningRate(0.02)
        .withOptimization(plateau.watching(ValidationMetric.LOSS)));
    for (int e = 1; e < 4; e++) {
      assertTrue(falling.validation().get(e).get("loss")
          < falling.validation().get(e - 1).get("loss"), "the loss falls every epoch");
    }
    falling.rates().forEach(r -> assertEquals(0.02, r, 0, "a falling loss improves"));
    // the same run read the wrong way round: the loss as a score never improves
    Run rising = train(TrainingRecipe.of(4, 5).withLearningRate(0.02).withOptimization(
        plateau.watching(ValidationMetric.higher("loss", "the loss, read as a score"))));
    int steps = new TruncatedBptt(TOKENS, 2, 5).size();
    assertEquals(0.02, rising.rates().get(2 * steps - 1), 0, "epoch 1 sets the best");
    assertEquals(0.01, rising.rates().get(2 * steps), 1e-15, "halved after epoch 2");
    assertEquals(0.005, rising.rates().get(3 * steps), 1e-15, "and after epoch 3");
  }

  @Test
  void earlyStoppingKeepsTheBestEpochOfTheWatchedMetric() {
    ValidationMetric perplexity = ValidationMetric.lower("perplexity", "e^loss");
    Run run = train(TrainingRecipe.of(3, 5).withEarlyStopping(perplexity.earlyStopping(1)));
    double min = run.validation().stream().mapToDouble(v -> v.get("perplexity")).min()
        .orElseThrow();
    assertEquals(Map.of("perplexity", min), run.result().best().orElseThrow());
    ValidationMetric loss = ValidationMetric.higher("loss", "the loss, read as a score");
    Run wrongWay = train(TrainingRecipe.of(3, 5).withEarlyStopping(loss.earlyStopping(1)));
    assertTrue(wrongWay.result().stoppedEarly(), "a falling loss read as a score stalls");
    assertEquals(Map.of("loss", wrongWay.validation().get(0).get("loss")),
        wrongWay.result().best().orElseThrow(), "epoch 1 is the best");
    assertEquals("perplexity (lower is better)", perplexity.toString());
    assertEquals(new EarlyStopping("accuracy", true, 2),
        ValidationMetric.higher("accuracy", "").earlyStopping(2));
  }
}
