package org.rnn4j.task.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.Features;
import org.rnn4j.io.ModelFile;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.CommonOptions;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.task.TrainingJob;
import org.rnn4j.testing.ConcurrentCalls;
import org.rnn4j.train.TrainingRecipe;

class SeriesForecasterTest {
  private static final int WINDOW = 6;
  private static final int LAG = 2;

  @TempDir Path dir;

  /** One request: histories of mixed lengths and the steps to forecast after each. */
  private record Request(List<Features> histories, int steps) {
    @Override
    public String toString() {
      return histories.stream().map(Features::length).toList() + " → " + steps;
    }
  }

  /**
   * A two-value forecaster with random weights, log and lag-2 differencing, a made-up normaliser
   * and dropout (which evaluation mode must switch off), written the way training writes one.
   */
  private Path model(int outputSteps) throws Exception {
    ForecasterConfig config = ForecasterConfig.builder(List.of("sales", "stores"),
            RecurrentSpec.of(CellKind.LSTM, 6).withLayers(2).withDropout(0.3f), WINDOW)
        .outputSteps(outputSteps).horizon(4).season(3).transform(new SeriesTransform(true, LAG))
        .normaliser(new Normaliser(new double[] {0.02, -0.01}, new double[] {0.3, 0.2})).build();
    Forecaster forecaster = new Forecaster(config, new SplittableRandom(5));
    Path file = dir.resolve("forecast-" + outputSteps + ".safetensors");
    ModelFile.write(file, forecaster.parameters(), config.toJson(), Optional.empty(),
        ModelFile.Provenance.now(5, ""));
    return file;
  }

  /** (T, 2) positive values: a rise with a wobble, and a slowly growing count. */
  private static Features history(SplittableRandom rng, int steps) {
    float[][] rows = new float[steps][];
    for (int t = 0; t < steps; t++) {
      rows[t] = new float[] {(float) (20 + 0.5 * t + 3 * Math.sin(t) + rng.nextDouble()),
          (float) (5 + 0.1 * t + rng.nextDouble())};
    }
    return Features.of(rows);
  }

  /** Lengths from d + 1 (one differenced step, shorter than the window) to 4·W. */
  private static List<Features> histories(SplittableRandom rng, int count) {
    List<Features> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(history(rng, rng.nextInt(LAG + 1, 4 * WINDOW)));
    }
    return out;
  }

  private static String render(List<Features> forecasts) {
    StringBuilder s = new StringBuilder();
    forecasts.forEach(f -> s.append(Arrays.toString(f.values())).append(';'));
    return s.toString();
  }

  @Test
  void eightThreadsGetTheSerialAnswersBitForBit() throws Exception {
    SeriesForecaster forecaster = SeriesForecaster.load(model(2)); // 2 steps per model call
    SplittableRandom rng = new SplittableRandom(7);
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      requests.add(new Request(histories(rng, rng.nextInt(1, 5)), rng.nextInt(1, 8)));
    }
    ConcurrentCalls.assertSameAsSerial(requests, r -> r.histories().size() == 1
        ? render(List.of(forecaster.forecast(r.histories().get(0), r.steps())))
        : render(forecaster.forecast(r.histories(), r.steps())));
  }

  @Test
  void aHistorysForecastDoesNotDependOnTheOthersInItsCall() throws Exception {
    for (int outputSteps : new int[] {1, 3}) {
      SeriesForecaster forecaster = SeriesForecaster.load(model(outputSteps));
      List<Features> histories = histories(new SplittableRandom(2), 150); // three batches
      List<Features> together = forecaster.forecast(histories, 7);
      for (int i = 0; i < histories.size(); i += 11) {
        assertEquals(render(List.of(together.get(i))),
            render(List.of(forecaster.forecast(histories.get(i), 7))), "history " + i);
      }
    }
  }

  @Test
  void itForecastsAsTheModelItLoadedInEvaluationMode() throws Exception {
    Path file = model(1);
    SeriesForecaster forecaster = SeriesForecaster.load(file);
    Forecaster model = Forecaster.load(file).model();
    model.eval();
    Features history = history(new SplittableRandom(4), 15);
    assertArrayEquals(model.forecast(history, 9).values(),
        forecaster.forecast(history, 9).values());
    assertEquals(List.of("sales", "stores"), forecaster.names());
    assertEquals(4, forecaster.horizon());
    assertEquals(3, forecaster.season());
  }

  @Test
  void badHistoriesAreNamed() throws Exception {
    SeriesForecaster forecaster = SeriesForecaster.load(model(1));
    SplittableRandom rng = new SplittableRandom(3);
    List<Features> histories = new ArrayList<>(histories(rng, 3));
    histories.set(1, history(rng, LAG)); // no step left after differencing
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> forecaster.forecast(histories, 2));
    assertTrue(e.getMessage().startsWith("history 1 of 3: ") && e.getMessage().contains("lag"),
        e.getMessage());
    IllegalArgumentException steps = assertThrows(IllegalArgumentException.class,
        () -> forecaster.forecast(histories.get(0), 0));
    assertTrue(steps.getMessage().contains("at least 1"), steps.getMessage());
  }

  @Test
  void evaluationHoldsOutTheModelsHorizonOfAFile() throws Exception {
    SeriesForecaster forecaster = SeriesForecaster.load(model(1));
    Features series = history(new SplittableRandom(9), 30);
    List<String> lines = new ArrayList<>(List.of("sales,stores"));
    for (int t = 0; t < series.length(); t++) {
      lines.add(series.get(t, 0) + "," + series.get(t, 1));
    }
    Path data = Files.write(dir.resolve("series.csv"), lines);
    ForecastEvaluation e = forecaster.evaluate(data, TaskOptions.none());
    Holdout holdout = Holdout.of(series, 4);
    assertEquals(ForecastEvaluation.of(e.what(), holdout,
        forecaster.forecast(holdout.history(), 4), 3), e);
    assertTrue(e.report().startsWith(data + ": the last 4 steps (the model's horizon; rnn4j"
        + " forecast --holdout N scores another), forecast from the 26 steps before them:"),
        e.report());
    ObjectNode json = e.toJson();
    assertEquals(4, json.get("steps").asInt());
    assertEquals(e.model().mae(), json.get("model").get("mae").asDouble());
    assertEquals(e.naive().rmse(), json.get("naive").get("rmse").asDouble());
    assertTrue(json.get("seasonal_naive").has("mape"), json.toString());
  }

  @Test
  void itPointsToTheForecastCommandForLinesOfText() throws Exception {
    SeriesForecaster forecaster = SeriesForecaster.load(model(1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> forecaster.predict(List.of("12.5"), TaskOptions.none()));
    assertTrue(e.getMessage().contains("rnn4j forecast"), e.getMessage());
  }

  @Test
  void theRegistryLoadsItFromTheFileAlone() throws Exception {
    Path file = model(1);
    assertEquals("forecast", TaskFamilies.of(file).name());
    assertTrue(TaskFamilies.load(file) instanceof SeriesForecaster);
  }

  @Test
  void theFamilyTrainsOnAFileAndReportsTheValidationTail() throws Exception {
    List<String> lines = new ArrayList<>(List.of("month,sales"));
    for (int t = 0; t < 60; t++) {
      lines.add(String.format(Locale.ROOT, "m%02d,%.3f", t, 50 + 0.5 * t
          + 10 * Math.sin(2 * Math.PI * t / 12)));
    }
    Path data = Files.write(dir.resolve("sales.csv"), lines);
    StringWriter log = new StringWriter();
    TaskOptions options = TaskOptions.of(Map.of("value", "sales", "time", "month", "window", "6",
        "horizon", "3", "season", "12", "hidden", "4", "difference", "1"));
    TrainedModel trained = TaskFamilies.named("forecast").train(new TrainingJob(data, options,
        TrainingRecipe.of(1, 3), 8, 0.1, new PrintWriter(log)));
    assertTrue(log.toString().startsWith("training a LSTM forecaster of [sales] on " + data
        + ": 60 steps, the last 6 for validation"), log.toString());
    assertTrue(log.toString().contains(data + ": the validation tail of 6 steps, forecast from"
        + " the 54 steps before them:"), log.toString());
    ForecasterConfig config = (ForecasterConfig) trained.config();
    assertEquals(3, config.horizon());
    assertEquals(1, config.outputSteps());
    Path file = dir.resolve("sales.safetensors");
    trained.save(file, ModelFile.Provenance.of(3, data));
    assertEquals(config, SeriesForecaster.load(file).config());

    IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
        () -> TaskFamilies.named("forecast").train(new TrainingJob(data,
            options.with(CommonOptions.BIDIRECTIONAL, "true"),
            TrainingRecipe.of(1, 3), 8, 0.1, new PrintWriter(new StringWriter()))));
    assertTrue(both.getMessage().startsWith("--bidirectional"), both.getMessage());
  }
}
