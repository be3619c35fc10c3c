package org.rnn4j.task.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.Features;
import org.rnn4j.data.ForecastBatch;
import org.rnn4j.data.ForecastExample;
import org.rnn4j.train.BatchSource;

class ForecastDataTest {

  /** 0, 1, …, 14 then a tail of five values of 1000. */
  private static Features stepSeries() {
    float[] x = new float[20];
    for (int t = 0; t < 20; t++) {
      x[t] = t < 15 ? t : 1000;
    }
    return new Features(x, 1);
  }

  /** Fitted on all 20 steps the mean would be 302.5 (and 50.7 for the differences). */
  @Test
  void normaliserIsFittedOnTheTrainingPartOnly() {
    ForecastData plain = ForecastData.prepare(stepSeries(), SeriesTransform.NONE, 5);
    assertEquals(15, plain.trainEnd());
    assertArrayEquals(new double[] {7}, plain.normaliser().mean(), 1e-12);
    assertArrayEquals(new double[] {Math.sqrt(224.0 / 12)}, plain.normaliser().std(), 1e-6);
    ForecastData differenced = ForecastData.prepare(stepSeries(), new SeriesTransform(false, 1),
        5);
    assertEquals(14, differenced.trainEnd());
    assertArrayEquals(new double[] {1}, differenced.normaliser().mean(), 1e-12);
    assertArrayEquals(new double[] {1}, differenced.normaliser().std(), 1e-12);
  }

  @Test
  void trainingWindowsStayInsideTheTrainingPartAndValidationTargetsInTheTail() {
    ForecastData data = ForecastData.prepare(stepSeries(), SeriesTransform.NONE, 5);
    List<ForecastExample> train = data.trainExamples(4, 2);
    assertEquals(15 - 4 - 2 + 1, train.size());
    float last = data.normaliser().apply(new Features(new float[] {14}, 1)).values()[0];
    ForecastExample end = train.get(train.size() - 1);
    assertEquals(last, end.future().get(1, 0)); // the last training target is step 14
    List<ForecastExample> validation = data.validationExamples(4, 2);
    assertEquals(5 - 2 + 1, validation.size());
    float tail = data.normaliser().apply(new Features(new float[] {1000}, 1)).values()[0];
    for (ForecastExample e : validation) {
      assertEquals(4, e.history().length());
      assertArrayEquals(new float[] {tail, tail}, e.future().values());
    }
    // the first validation window's history is the last four training steps
    assertEquals(last, validation.get(0).history().get(3, 0));
  }

  @Test
  void batchesHoldEveryExampleOnce() {
    ForecastData data = ForecastData.prepare(stepSeries(), SeriesTransform.NONE, 5);
    BatchSource<ForecastBatch> batches = ForecastData.batches(data.trainExamples(3, 1), 4);
    assertEquals(3, batches.size());
    assertEquals(4, batches.batch(0).indices().length);
    assertArrayEquals(new int[] {8, 9, 10, 11}, batches.batch(2).indices());
    assertArrayEquals(new int[] {4, 3, 1}, batches.batch(2).history().values().shape());
  }

  @Test
  void aSeriesWithNoTrainingStepLeftIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ForecastData.prepare(stepSeries(), new SeriesTransform(false, 12), 8));
    assertTrue(e.getMessage().contains("no training step"), e.getMessage());
  }
}
