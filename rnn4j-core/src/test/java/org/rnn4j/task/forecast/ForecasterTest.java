package org.rnn4j.task.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnn4j.data.Collate;
import org.rnn4j.data.Features;
import org.rnn4j.data.ForecastBatch;
import org.rnn4j.data.ForecastExample;
import org.rnn4j.data.PaddedFeatures;
import org.rnn4j.io.ModelFile;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.metrics.ForecastErrors;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.optim.Adam;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testing.GradientCheck;
import org.rnn4j.train.EarlyStopping;
import org.rnn4j.train.Trainer;
import org.rnn4j.train.TrainerConfig;

class ForecasterTest {
  private static final List<String> TWO = List.of("a", "b");
  @TempDir Path dir;

  /** A two-feature model with log, lag-2 differencing and a made-up normaliser. */
  private static ForecasterConfig.Builder twoFeatures(CellKind cell) {
    return twoFeatures(RecurrentSpec.of(cell, 5).withLayers(2));
  }

  /** The same with another recurrent layer. */
  private static ForecasterConfig.Builder twoFeatures(RecurrentSpec recurrent) {
    return ForecasterConfig.builder(TWO, recurrent, 6)
        .transform(new SeriesTransform(true, 2))
        .normaliser(new Normaliser(new double[] {0.1, -0.2}, new double[] {0.5, 2}));
  }

  /** (T, 2) positive values: a slow rise and a wobble. */
  private static Features positiveSeries(int steps, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[][] rows = new float[steps][];
    for (int t = 0; t < steps; t++) {
      rows[t] = new float[] {(float) (10 + 0.3 * t + rng.nextDouble()),
          (float) (5 + Math.sin(t) + 0.5 * rng.nextDouble())};
    }
    return Features.of(rows);
  }

  /** Random normalised windows of the given lengths with S-step futures. */
  private static List<ForecastExample> windows(int[] lengths, int outputSteps, int features) {
    SplittableRandom rng = new SplittableRandom(17);
    List<ForecastExample> out = new ArrayList<>();
    for (int n : lengths) {
      float[] h = new float[n * features];
      float[] y = new float[outputSteps * features];
      for (int i = 0; i < h.length; i++) {
        h[i] = (float) rng.nextGaussian();
      }
      for (int i = 0; i < y.length; i++) {
        y[i] = (float) rng.nextGaussian();
      }
      out.add(new ForecastExample(new Features(h, features), new Features(y, features)));
    }
    return out;
  }

  private static ForecastBatch batch(List<ForecastExample> examples) {
    return Collate.forecast(examples, java.util.stream.IntStream.range(0, examples.size())
        .toArray());
  }

  private static float[] predict(Forecaster model, PaddedFeatures history) {
    model.eval();
    try (NoGrad scope = NoGrad.enter()) {
      return model.forward(history).data();
    }
  }

  /** The MSE loss of windows of different lengths, w.r.t. every parameter, for every cell. */
  @ParameterizedTest
  @EnumSource(CellKind.class)
  void lossGradientMatchesFiniteDifferencesForEveryParameter(CellKind cell) {
    Forecaster model = new Forecaster(ForecasterConfig.builder(TWO,
        RecurrentSpec.of(cell, 3).withLayers(2), 5).outputSteps(2).build(), new SplittableRandom(5));
    ForecasterObjective objective = new ForecasterObjective(model);
    ForecastBatch batch = batch(windows(new int[] {5, 2, 4}, 2, 2));
    model.eval();
    Tensor[] parameters = model.parameters().values().toArray(Tensor[]::new);
    GradientCheck.check("forecaster " + cell + " loss", p -> objective.loss(batch), parameters);
  }

  @Test
  void paddingNeverChangesAPrediction() {
    Forecaster model = new Forecaster(twoFeatures(CellKind.LSTM).outputSteps(3).build(),
        new SplittableRandom(2));
    List<ForecastExample> examples = windows(new int[] {6, 2, 4, 1}, 3, 2);
    float[] together = predict(model, batch(examples).history());
    for (int i = 0; i < examples.size(); i++) {
      float[] alone = predict(model, batch(examples.subList(i, i + 1)).history());
      assertArrayEquals(alone, Arrays.copyOfRange(together, 6 * i, 6 * i + 6), 1e-5f,
          "window " + i);
    }
  }

  /** forecast(x, H) is H calls of forecast(·, 1), each appending its value to the history. */
  @ParameterizedTest
  @EnumSource(value = CellKind.class, names = {"GRU", "LSTM"})
  void recursiveForecastEqualsOneStepCallsFedBackByHand(CellKind cell) {
    Forecaster model = new Forecaster(twoFeatures(cell).build(), new SplittableRandom(3));
    Features history = positiveSeries(9, 4);
    int horizon = 7;
    float[] recursive = model.forecast(history, horizon).values();
    float[] grown = history.values();
    float[] byHand = new float[horizon * 2];
    for (int h = 0; h < horizon; h++) {
      float[] next = model.forecast(new Features(grown, 2), 1).values();
      System.arraycopy(next, 0, byHand, 2 * h, 2);
      grown = Arrays.copyOf(grown, grown.length + 2);
      System.arraycopy(next, 0, grown, grown.length - 2, 2);
    }
    for (int i = 0; i < byHand.length; i++) {
      assertEquals(byHand[i], recursive[i], 1e-5 * Math.abs(byHand[i]), "value " + i);
    }
  }

  /** With S = 3 a horizon of 3 is one call; a horizon of 7 continues from those 3. */
  @Test
  void directMultiOutputForecastsSStepsPerCall() {
    Forecaster model = new Forecaster(twoFeatures(CellKind.GRU).outputSteps(3).build(),
        new SplittableRandom(6));
    Features history = positiveSeries(12, 7);
    ForecasterConfig c = model.config();
    Features z = c.normaliser().apply(c.transform().apply(history));
    int n = c.window();
    Tensor window = Tensor.of(Arrays.copyOfRange(z.values(), (z.length() - n) * 2,
        z.length() * 2), 1, n, 2);
    Features oneCall = c.transform().invert(history, c.normaliser().invert(new Features(
        predict(model, new PaddedFeatures(window, new int[] {n})), 2)));
    float[] three = model.forecast(history, 3).values();
    assertArrayEquals(oneCall.values(), three, 1e-4f);
    float[] seven = model.forecast(history, 7).values();
    assertArrayEquals(three, Arrays.copyOf(seven, 6), 1e-4f);
    float[] grown = Arrays.copyOf(history.values(), history.values().length + 6);
    System.arraycopy(three, 0, grown, history.values().length, 6);
    float[] next = model.forecast(new Features(grown, 2), 3).values();
    assertArrayEquals(next, Arrays.copyOfRange(seven, 6, 12), 1e-3f);
  }

  /**
   * y⟨t⟩ = 10 + 0.05 t + 2 sin(2πt/12): after lag-1 differencing a pure 12-step cycle. The last
   * 24 steps are held out; the seasonal-naive forecast misses by the trend's 0.6 per season (RMSE
   * √0.9 over two seasons) and a model that had learned nothing (forecasting the mean difference)
   * by about the amplitude 2.
   */
  @Test
  void learnsACleanSeasonalSeriesWithTrend() {
    int steps = 240;
    int test = 24;
    float[] y = new float[steps];
    for (int t = 0; t < steps; t++) {
      y[t] = (float) (10 + 0.05 * t + 2 * Math.sin(2 * Math.PI * t / 12));
    }
    Features seen = new Features(Arrays.copyOf(y, steps - test), 1);
    float[] actual = Arrays.copyOfRange(y, steps - test, steps);
    SeriesTransform transform = new SeriesTransform(false, 1);
    ForecastData data = ForecastData.prepare(seen, transform, 24);
    Forecaster model = new Forecaster(ForecasterConfig.builder(List.of("y"),
        RecurrentSpec.of(CellKind.GRU, 16), 12)
        .transform(transform).normaliser(data.normaliser()).season(12).build(),
        new SplittableRandom(1));
    new Trainer<>(TrainerConfig.builder(30, 1).earlyStopping(EarlyStopping.onLoss(5)).build(),
        new ForecasterObjective(model), Adam.of(model.parameters(), 0.01), List.of())
        .fit(ForecastData.batches(data.trainExamples(12, 1), 16),
            Optional.of(ForecastData.batches(data.validationExamples(12, 1), 64)));
    float[] forecast = model.forecast(seen, test).values();
    double rmse = ForecastErrors.rmse(actual, forecast);
    double seasonalNaive = ForecastErrors.rmse(actual,
        Baselines.seasonalNaive(seen, test, 12).values());
    assertEquals(Math.sqrt(0.9), seasonalNaive, 1e-4);
    assertTrue(rmse < 0.15, "RMSE " + rmse + " over 24 recursive steps, seasonal naive "
        + seasonalNaive);
  }

  @Test
  void savedModelLoadsWithIdenticalForecasts() throws Exception {
    Forecaster model = new Forecaster(twoFeatures(RecurrentSpec.of(CellKind.LSTM, 5)
        .withLayers(2).withDropout(0.1f)).outputSteps(2).horizon(5).season(4).build(),
        new SplittableRandom(9));
    Path file = dir.resolve("forecaster.safetensors");
    ModelFile.write(file, model.parameters(), model.config().toJson(), Optional.empty(),
        ModelFile.Provenance.now(9, ""));
    ModelFile.Loaded<Forecaster> loaded = Forecaster.load(file);
    assertEquals(model.config(), loaded.model().config());
    assertEquals(9, loaded.provenance().orElseThrow().seed());
    Features history = positiveSeries(10, 11);
    assertArrayEquals(model.forecast(history, 6).values(),
        loaded.model().forecast(history, 6).values());
  }

  @Test
  void configSurvivesAJsonRoundTrip() throws Exception {
    ForecasterConfig c = twoFeatures(RecurrentSpec.of(CellKind.RNN_RELU, 5).withLayers(2)
        .withDropout(0.25f)).outputSteps(4).horizon(8).season(12).build();
    assertEquals(c, ForecasterConfig.fromJson(c.toJson(), Path.of("m.safetensors")));
    ForecasterConfig withTime = c.toBuilder().transform(new SeriesTransform(false, true, 1))
        .time(Optional.of("month")).build();
    assertEquals("month", withTime.toJson().get("time").asText());
    assertTrue(withTime.toJson().get("log1p").asBoolean());
    assertEquals(withTime, ForecasterConfig.fromJson(withTime.toJson(), Path.of("m.safetensors")));
    ObjectNode older = (ObjectNode) c.toJson(); // a model file written before log1p and time
    older.remove("log1p");
    assertEquals(c, ForecasterConfig.fromJson(older, Path.of("m.safetensors")));
  }

  @Test
  void badConfigsAreModelFormatErrorsNamingTheProblem() {
    Path file = Path.of("bad.safetensors");
    ObjectNode good = (ObjectNode) twoFeatures(CellKind.GRU).build().toJson();
    ObjectNode wrongTask = good.deepCopy().put("task", "classify");
    ObjectNode noMean = good.deepCopy();
    noMean.remove("mean");
    ObjectNode shortStd = good.deepCopy();
    shortStd.putArray("std").add(1.0);
    ObjectNode zeroStd = good.deepCopy();
    zeroStd.putArray("std").add(1.0).add(0.0);
    ObjectNode badWindow = good.deepCopy().put("window", 0);
    ObjectNode badLag = good.deepCopy().put("difference_lag", "one");
    ObjectNode badTime = good.deepCopy().put("time", 12);
    ObjectNode bothLogs = good.deepCopy().put("log", true).put("log1p", true);
    for (ObjectNode bad : List.of(wrongTask, noMean, shortStd, zeroStd, badWindow, badLag,
        badTime, bothLogs)) {
      ModelFormatException e = assertThrows(ModelFormatException.class,
          () -> ForecasterConfig.fromJson(bad, file));
      assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }
  }

  @Test
  void badHistoriesAreRejectedWithTheReason() {
    Forecaster model = new Forecaster(twoFeatures(CellKind.GRU).build(), new SplittableRandom(1));
    IllegalArgumentException features = assertThrows(IllegalArgumentException.class,
        () -> model.forecast(new Features(new float[] {1, 2, 3, 4, 5, 6}, 3), 2));
    assertTrue(features.getMessage().contains("F = 2"), features.getMessage());
    IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
        () -> model.forecast(positiveSeries(2, 1), 2));
    assertTrue(tooShort.getMessage().contains("lag"), tooShort.getMessage());
    assertThrows(IllegalArgumentException.class, () -> model.forecast(positiveSeries(5, 1), 0));
  }

  @Test
  void aBidirectionalLayerIsRejectedAndTheJsonHasNoSuchKey() throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> twoFeatures(RecurrentSpec.of(CellKind.GRU, 5).withBidirectional(true)).build());
    assertTrue(e.getMessage().contains("unidirectional"), e.getMessage());
    ObjectNode json = (ObjectNode) twoFeatures(CellKind.GRU).build().toJson();
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("task", "names", "cell", "hidden_size", "layers", "dropout", "window",
        "output_steps", "horizon", "season", "log", "log1p", "difference_lag", "mean", "std"),
        keys);
    json.put("bidirectional", true);
    Path file = Path.of("both-ways.safetensors");
    ModelFormatException bad = assertThrows(ModelFormatException.class,
        () -> ForecasterConfig.fromJson(json, file));
    assertTrue(bad.getMessage().startsWith(file.toString())
        && bad.getMessage().contains("unidirectional"), bad.getMessage());
  }
}
