package org.rnn4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.optim.Adam;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.task.lm.LanguageModel;
import org.rnn4j.task.lm.LanguageModelConfig;
import org.rnn4j.task.lm.LanguageModelObjective;
import org.rnn4j.tensor.Tensor;

/** The training loop on a small character language model. */
class TrainerTest {
  private static final String TEXT = "the quick brown fox jumps over the lazy dog. "
      + "a stitch in time saves nine. all that glitters is not gold. ";
  @TempDir Path dir;

  private static int[] encode(String text) {
    String alphabet = text.chars().distinct().sorted()
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
    return text.chars().map(alphabet::indexOf).toArray();
  }

  private static final int[] TOKENS = encode(TEXT.repeat(4));
  private static final int V = (int) TEXT.chars().distinct().count();

  private static LanguageModel model(long seed, int layers) {
    return new LanguageModel(new LanguageModelConfig(V, 8,
        new RecurrentSpec(CellKind.LSTM, 24, layers, false, 0.2f)),
        new SplittableRandom(seed));
  }

  private static Optimizer adam(Module m) {
    return Adam.of(m.parameters(), 0.01);
  }

  private static float[] flatWeights(Module m) {
    return m.parameters().values().stream().map(Tensor::data)
        .reduce(new float[0], (a, b) -> {
          float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
          System.arraycopy(b, 0, c, a.length, b.length);
          return c;
        });
  }

  @Test
  void lossFallsWellBelowTheUniformGuess() {
    LanguageModel m = model(1, 1);
    LanguageModelObjective objective = new LanguageModelObjective(m);
    TruncatedBptt source = new TruncatedBptt(TOKENS, 4, 16);
    TrainingResult r = new Trainer<>(TrainerConfig.builder(12, 7).build(), objective, adam(m),
        List.of()).fit(source, Optional.of(source));
    double loss = r.lastValidation().get("loss");
    assertTrue(loss < 0.5 * Math.log(V), "loss " + loss + " vs ln V = " + Math.log(V));
    assertEquals(Math.exp(loss), r.lastValidation().get("perplexity"), 1e-9);
    assertEquals(12 * source.size(), r.globalStep());
  }

  /** A run interrupted mid-epoch and resumed from its checkpoint ends with identical weights. */
  @Test
  void resumingFromACheckpointContinuesExactly() throws Exception {
    TruncatedBptt source = new TruncatedBptt(TOKENS, 3, 10);
    LanguageModel straight = model(2, 2);
    new Trainer<>(TrainerConfig.builder(3, 11).build(), new LanguageModelObjective(straight),
        adam(straight), List.of()).fit(source, Optional.empty());

    Path checkpoint = dir.resolve("run.ckpt");
    long stopAt = source.size() + 3; // in the middle of the second epoch
    LanguageModel first = model(2, 2);
    TrainingResult interrupted = new Trainer<>(
        TrainerConfig.builder(3, 11).checkpoint(checkpoint).maxSteps(stopAt).build(),
        new LanguageModelObjective(first), adam(first), List.of()).fit(source, Optional.empty());
    assertTrue(interrupted.interrupted());
    assertEquals(stopAt, interrupted.globalStep());

    LanguageModel resumed = model(99, 2); // different initial weights: all must come from the file
    TrainingResult done = new Trainer<>(TrainerConfig.builder(3, 11).checkpoint(checkpoint).build(),
        new LanguageModelObjective(resumed), adam(resumed), List.of()).fit(source, Optional.empty());
    assertFalse(done.interrupted());
    assertEquals(3L * source.size(), done.globalStep());
    assertArrayEquals(flatWeights(straight), flatWeights(resumed));
  }

  @Test
  void shuffledBatchesResumeExactlyToo() throws Exception {
    BatchSource<TokenBatch> names = new BatchSource<>() {
      @Override
      public int size() {
        return 6;
      }

      @Override
      public TokenBatch batch(int i) {
        int[] ids = java.util.Arrays.copyOfRange(TOKENS, i * 10, i * 10 + 10);
        int[] next = java.util.Arrays.copyOfRange(TOKENS, i * 10 + 1, i * 10 + 11);
        return new TokenBatch(ids, next, new int[] {5, 3}, false);
      }
    };
    LanguageModel straight = model(3, 2);
    new Trainer<>(TrainerConfig.builder(2, 5).build(), new LanguageModelObjective(straight),
        adam(straight), List.of()).fit(names, Optional.empty());
    Path checkpoint = dir.resolve("names.ckpt");
    LanguageModel first = model(3, 2);
    new Trainer<>(TrainerConfig.builder(2, 5).checkpoint(checkpoint).maxSteps(4).build(),
        new LanguageModelObjective(first), adam(first), List.of()).fit(names, Optional.empty());
    LanguageModel resumed = model(3, 2);
    new Trainer<>(TrainerConfig.builder(2, 5).checkpoint(checkpoint).build(),
        new LanguageModelObjective(resumed), adam(resumed), List.of()).fit(names, Optional.empty());
    assertArrayEquals(flatWeights(straight), flatWeights(resumed));
  }

  @Test
  void aNanLossStopsTrainingNamingTheStepAndKeepsTheLastGoodCheckpoint() throws Exception {
    LanguageModel m = model(4, 1);
    LanguageModelObjective good = new LanguageModelObjective(m);
    Objective<TokenBatch> poisoned = new Objective<>() {
      @Override
      public Module model() {
        return m;
      }

      @Override
      public Tensor trainLoss(TokenBatch batch, RandomGenerator rng) {
        Tensor loss = good.trainLoss(batch, rng);
        return batch.ids()[0] == TOKENS[0] && !batch.continuesStream() ? loss : loss.mul(Float.NaN);
      }

      @Override
      public long tokens(TokenBatch batch) {
        return batch.tokens();
      }

      @Override
      public Map<String, Double> evaluate(BatchSource<TokenBatch> source) {
        return good.evaluate(source);
      }
    };
    Path checkpoint = dir.resolve("good.ckpt");
    TruncatedBptt source = new TruncatedBptt(TOKENS, 2, 8);
    TrainerConfig config = TrainerConfig.builder(2, 1).checkpoint(checkpoint)
        .checkpointEverySteps(1).build();
    TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
        () -> new Trainer<>(config, poisoned, adam(m), List.of()).fit(source, Optional.empty()));
    assertTrue(e.getMessage().contains("loss is NaN at epoch 1, batch 2 (step 2)"), e.getMessage());
    assertTrue(e.getMessage().contains(checkpoint.toString()), e.getMessage());
    byte[] saved = Files.readAllBytes(checkpoint);
    LanguageModel check = model(5, 1);
    new Trainer<>(TrainerConfig.builder(2, 1).checkpoint(checkpoint).maxSteps(1).build(),
        new LanguageModelObjective(check), adam(check), List.of()).fit(source, Optional.empty());
    assertArrayEquals(saved, Files.readAllBytes(checkpoint), "resuming at step 1 rewrote it as is");
    for (Tensor p : check.parameters().values()) {
      for (float v : p.data()) {
        assertTrue(Float.isFinite(v));
      }
    }
  }

  @Test
  void earlyStoppingRestoresTheBestWeights() {
    LanguageModel m = model(6, 1);
    TruncatedBptt train = new TruncatedBptt(TOKENS, 4, 16);
    TruncatedBptt validation = new TruncatedBptt(encode("zzzz qqqq zzzz qqqq"), 1, 8);
    float[][] snapshot = new float[1][];
    double[] bestSeen = {Double.MAX_VALUE};
    TrainingListener recordBest = new TrainingListener() {
      @Override
      public void onEpoch(EpochReport r) {
        if (r.improved()) {
          bestSeen[0] = r.validation().get("loss");
          snapshot[0] = flatWeights(m);
        }
      }
    };
    TrainingResult r = new Trainer<>(
        TrainerConfig.builder(40, 3).earlyStopping(EarlyStopping.onLoss(2)).build(),
        new LanguageModelObjective(m), Adam.of(m.parameters(), 0.05), List.of(recordBest))
        .fit(train, Optional.of(validation));
    assertTrue(r.stoppedEarly(), "validation text unlike training text must stop improving");
    assertEquals(bestSeen[0], r.best().orElseThrow().get("loss"));
    assertArrayEquals(snapshot[0], flatWeights(m));
  }

  @Test
  void aScheduleSetsTheRateOfEveryStepAndPlateauReducesIt() {
    LanguageModel m = model(8, 1);
    TruncatedBptt source = new TruncatedBptt(TOKENS, 4, 16);
    List<Double> rates = new java.util.ArrayList<>();
    TrainingListener record = new TrainingListener() {
      @Override
      public void onStep(StepReport r) {
        rates.add(r.learningRate());
      }
    };
    new Trainer<>(TrainerConfig.builder(2, 1)
        .schedule(org.rnn4j.optim.LearningRateSchedule.stepDecay(0.01, 2, 0.5), false).build(),
        new LanguageModelObjective(m), adam(m), List.of(record)).fit(source, Optional.empty());
    for (int i = 0; i < rates.size(); i++) {
      assertEquals(0.01 * Math.pow(0.5, i / 2), rates.get(i), 1e-15, "step " + i);
    }
    LanguageModel p = model(8, 1);
    Optimizer optimizer = adam(p);
    TruncatedBptt unlike = new TruncatedBptt(encode("zzzz qqqq zzzz qqqq"), 1, 8);
    new Trainer<>(TrainerConfig.builder(8, 1).plateau("loss",
        org.rnn4j.optim.ReduceOnPlateauConfig.defaults().withPatience(0)).build(),
        new LanguageModelObjective(p), optimizer, List.of()).fit(source, Optional.of(unlike));
    assertTrue(optimizer.learningRate() < 0.01, "rate reduced: " + optimizer.learningRate());
  }

  @Test
  void listenersShowProgressAndLogJsonLinesWithStateGradientNorms() throws Exception {
    LanguageModel m = model(7, 1);
    m.recordStateGradientNorms(true);
    TruncatedBptt source = new TruncatedBptt(TOKENS, 2, 12);
    ByteArrayOutputStream shown = new ByteArrayOutputStream();
    Path log = dir.resolve("metrics.jsonl");
    try (MetricsLog metrics = new MetricsLog(log)) {
      new Trainer<>(TrainerConfig.builder(2, 1).build(), new LanguageModelObjective(m), adam(m),
          List.of(new ProgressBar(new PrintStream(shown, true, StandardCharsets.UTF_8), false, 0),
              metrics)).fit(source, Optional.of(source));
    }
    String text = shown.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("epoch 1/2 [") && text.contains("tok/s | ETA"), text);
    assertTrue(text.contains("epoch 2/2 done in") && text.contains("validation perplexity"), text);
    List<String> lines = Files.readAllLines(log);
    assertEquals(1 + 2 * source.size() + 2, lines.size());
    ObjectMapper json = new ObjectMapper();
    JsonNode run = json.readTree(lines.get(0));
    assertEquals("run", run.get("type").asText());
    assertEquals(1, run.get("first_epoch").asInt());
    JsonNode step = json.readTree(lines.get(1));
    assertEquals("step", step.get("type").asText());
    assertEquals(12, step.get("state_grad_norms").get(0).size(), "one norm per time step");
    assertTrue(step.get("grad_norm").asDouble() > 0);
    JsonNode epoch = json.readTree(lines.get(lines.size() - 1));
    assertEquals("epoch", epoch.get("type").asText());
    assertTrue(epoch.get("validation").get("perplexity").asDouble() > 1);
  }
}
