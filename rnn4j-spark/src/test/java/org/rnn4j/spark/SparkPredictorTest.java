package org.rnn4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.Features;
import org.rnn4j.data.format.EntitySpan;
import org.rnn4j.decode.Score;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.task.TaskModel;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.classify.ClassPrediction;
import org.rnn4j.task.forecast.SeriesForecaster;
import org.rnn4j.task.lm.TextScore;
import org.rnn4j.task.seq2seq.Translator;
import org.rnn4j.task.tag.TagPrediction;

/**
 * Distributed inference gives, for every family, exactly what the family's inference class gives
 * on one machine for the same inputs, whatever the partitioning and batch size; bad rows get an
 * error instead of failing the job.
 */
class SparkPredictorTest {
  private final SparkSession spark = TestSpark.session();

  /** (id, input) rows in three partitions. */
  private Dataset<Row> rows(List<?> inputs, DataType type) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      rows.add(RowFactory.create((long) i, inputs.get(i)));
    }
    StructType schema = new StructType().add("id", DataTypes.LongType)
        .add("input", type, true);
    return spark.createDataFrame(rows, schema).repartition(3);
  }

  /** The prediction and error of each row, by id. */
  private static List<Row> predict(SparkPredictor predictor, Dataset<Row> rows) {
    return predictor.withInputColumn("input").withBatchSize(3).transform(rows).orderBy("id")
        .collectAsList();
  }

  private static List<String> reviews() {
    List<String> texts = new ArrayList<>();
    for (String line : TestSpark.lines("reviews.csv").subList(1, 61)) {
      texts.add(line.substring(1, line.lastIndexOf('"')));
    }
    return texts;
  }

  @Test
  void classifyEqualsTheSingleMachinePredictions() throws Exception {
    List<String> texts = reviews();
    TaskModel model = TaskFamilies.load(TestSpark.model("classify"));
    List<? extends org.rnn4j.task.Prediction> expected = model.predict(texts, TaskOptions.none());
    try (SparkPredictor p = SparkPredictor.load(spark, TestSpark.model("classify"))) {
      List<Row> out = predict(p, rows(texts, DataTypes.StringType));
      assertEquals(texts.size(), out.size());
      for (int i = 0; i < texts.size(); i++) {
        ClassPrediction e = (ClassPrediction) expected.get(i);
        Row got = out.get(i).getStruct(2);
        assertNull(out.get(i).get(3), "no error");
        assertEquals(e.label(), got.getString(0));
        assertEquals(e.probability(), got.getFloat(1));
        Map<String, Float> all = got.getJavaMap(2);
        for (int c = 0; c < e.labels().size(); c++) {
          assertEquals(e.probabilities()[c], all.get(e.labels().get(c)), "row " + i);
        }
      }
    }
  }

  @Test
  void tagEqualsTheSingleMachinePredictions() throws Exception {
    List<String> sentences = TestSpark.lines("sentences.txt");
    TaskModel model = TaskFamilies.load(TestSpark.model("tag"));
    List<? extends org.rnn4j.task.Prediction> expected =
        model.predict(sentences, TaskOptions.none());
    boolean entities = false;
    try (SparkPredictor p = SparkPredictor.load(spark, TestSpark.model("tag"))) {
      List<Row> out = predict(p, rows(sentences, DataTypes.StringType));
      for (int i = 0; i < sentences.size(); i++) {
        TagPrediction e = (TagPrediction) expected.get(i);
        Row got = out.get(i).getStruct(2);
        assertEquals(e.tokens(), got.getList(0));
        assertEquals(e.tags(), got.getList(1));
        List<Row> spans = got.getList(2);
        assertEquals(e.entities().size(), spans.size());
        for (int k = 0; k < spans.size(); k++) {
          EntitySpan s = e.entities().get(k);
          assertEquals(List.of(s.start(), s.end(), s.type(),
              String.join(" ", e.tokens().subList(s.start(), s.end()))),
              List.of(spans.get(k).getInt(0), spans.get(k).getInt(1), spans.get(k).getString(2),
                  spans.get(k).getString(3)));
          entities = true;
        }
      }
    }
    assertTrue(entities, "the sentences hold entities to compare");
  }

  @Test
  void lmEqualsTheSingleMachineScores() throws Exception {
    List<String> names = TestSpark.lines("names.txt").subList(0, 50);
    TaskModel model = TaskFamilies.load(TestSpark.model("lm"));
    List<? extends org.rnn4j.task.Prediction> expected = model.predict(names, TaskOptions.none());
    try (SparkPredictor p = SparkPredictor.load(spark, TestSpark.model("lm"))) {
      List<Row> out = predict(p, rows(names, DataTypes.StringType));
      for (int i = 0; i < names.size(); i++) {
        Score e = ((TextScore) expected.get(i)).score();
        Row got = out.get(i).getStruct(2);
        assertEquals(e.logLikelihood(), got.getDouble(0), "row " + i);
        assertEquals(e.tokens(), got.getLong(1));
        assertEquals(e.perplexity(), got.getDouble(2));
      }
    }
  }

  @Test
  void seq2seqEqualsTheSingleMachineTranslationsGreedyAndBeam() throws Exception {
    List<String> sources = TestSpark.lines("sources.txt");
    TaskModel model = TaskFamilies.load(TestSpark.model("seq2seq"));
    for (Map<String, String> options : List.of(Map.<String, String>of(),
        Map.of("beam", "3", "alpha", "0.5"))) {
      List<? extends org.rnn4j.task.Prediction> expected =
          model.predict(sources, TaskOptions.of(options));
      SparkPredictor p = SparkPredictor.load(spark, TestSpark.model("seq2seq"));
      for (Map.Entry<String, String> o : options.entrySet()) {
        p = p.withOption(o.getKey(), o.getValue());
      }
      List<Row> out = predict(p, rows(sources, DataTypes.StringType));
      for (int i = 0; i < sources.size(); i++) {
        Translator.Translation e = (Translator.Translation) expected.get(i);
        assertEquals(e.text(), out.get(i).getStruct(2).getString(0), options + " row " + i);
        assertEquals(e.tokens(), out.get(i).getStruct(2).getList(1));
      }
      p.close();
    }
  }

  @Test
  void forecastEqualsTheSingleMachineForecasts() throws Exception {
    List<String> lines = TestSpark.lines("sales.csv");
    float[] sales = new float[lines.size() - 1];
    for (int t = 0; t < sales.length; t++) {
      sales[t] = Float.parseFloat(lines.get(t + 1).split(",")[1]);
    }
    List<Object> histories = new ArrayList<>();
    List<Features> expectedInputs = new ArrayList<>();
    for (int length = 30; length <= sales.length; length += 5) {
      List<Double> history = new ArrayList<>();
      for (int t = 0; t < length; t++) {
        history.add((double) sales[t]);
      }
      histories.add(scala.jdk.javaapi.CollectionConverters.asScala(history).toSeq());
      expectedInputs.add(new Features(java.util.Arrays.copyOf(sales, length), 1));
    }
    SeriesForecaster model = SeriesForecaster.load(TestSpark.model("forecast"));
    List<Features> expected = model.forecast(expectedInputs, 4);
    try (SparkPredictor p = SparkPredictor.load(spark, TestSpark.model("forecast"))) {
      List<Row> out = predict(p.withOption("steps", "4"),
          rows(histories, DataTypes.createArrayType(DataTypes.DoubleType)));
      for (int i = 0; i < expected.size(); i++) {
        List<Double> got = out.get(i).getStruct(2).getList(0);
        assertEquals(4, got.size());
        for (int t = 0; t < 4; t++) {
          assertEquals((double) expected.get(i).get(t, 0), got.get(t), "history " + i);
        }
      }
    }
  }

  @Test
  void badRowsGetANullPredictionAndAnErrorWhileTheOthersArePredicted() throws Exception {
    List<String> texts = new ArrayList<>(List.of("superb cast very superb", "", "   ",
        "weak plot dull"));
    texts.add(null);
    try (SparkPredictor p = SparkPredictor.load(spark, TestSpark.model("classify"))) {
      List<Row> out = predict(p, rows(texts, DataTypes.StringType));
      assertNotNull(out.get(0).get(2));
      assertNull(out.get(0).get(3));
      assertNotNull(out.get(3).get(2));
      for (int i : new int[] {1, 2, 4}) {
        assertNull(out.get(i).get(2), "row " + i);
        assertTrue(out.get(i).getString(3).contains("column 'input'"), out.get(i).getString(3));
      }
      assertTrue(out.get(1).getString(3).contains("empty text"), out.get(1).getString(3));
      List<Row> numbers = predict(p, rows(List.of(5, 7), DataTypes.IntegerType));
      assertEquals("column 'input' holds the Integer 5: expected a text (string)",
          numbers.get(0).getString(3));
    }
    List<Object> series = new ArrayList<>();
    series.add(seq(100.0, 110.0, 120.0, 130.0, 125.0, 140.0, 150.0, 145.0, 160.0, 170.0, 165.0,
        180.0, 190.0, 185.0));
    series.add(seq(100.0, Double.NaN, 120.0, 130.0, 125.0, 140.0, 150.0, 145.0, 160.0, 170.0,
        165.0, 180.0, 190.0, 185.0));
    series.add(seq(100.0, -5.0, 120.0, 130.0, 125.0, 140.0, 150.0, 145.0, 160.0, 170.0,
        165.0, 180.0, 190.0, 185.0)); // the model's log transform cannot take −5
    series.add(seq());
    try (SparkPredictor p = SparkPredictor.load(spark, TestSpark.model("forecast"))) {
      List<Row> out = predict(p, rows(series, DataTypes.createArrayType(DataTypes.DoubleType)));
      assertNotNull(out.get(0).get(2), String.valueOf(out.get(0).get(3)));
      assertEquals("column 'input', step 1: expected a finite number, got NaN",
          out.get(1).getString(3));
      assertNull(out.get(2).get(2));
      assertTrue(out.get(2).getString(3).startsWith("column 'input': the model rejected the"
          + " input: "), out.get(2).getString(3));
      assertTrue(out.get(3).getString(3).contains("empty history"), out.get(3).getString(3));
      List<Row> strings = predict(p, rows(List.of("100, 110, 120, 130, 125, 140, 150, 145, 160,"
          + " 170, 165, 180, 190, 185", "100 110 abc"), DataTypes.StringType));
      assertEquals(out.get(0).get(2), strings.get(0).get(2), "a history as text");
      assertEquals("column 'input', step 2: expected a number, got the string \"abc\"",
          strings.get(1).getString(3));
    }
  }

  @Test
  void theModelIsLoadedOncePerJvmWhateverThePartitionsAndCalls() throws Exception {
    List<String> texts = reviews();
    try (SparkPredictor p = SparkPredictor.load(spark, TestSpark.model("lm"))) {
      predict(p, rows(texts, DataTypes.StringType));
      int loads = ExecutorModels.loads();
      predict(p, rows(texts, DataTypes.StringType));
      try (SparkPredictor again = SparkPredictor.load(spark, TestSpark.model("lm"))) {
        predict(again, rows(texts, DataTypes.StringType));
      }
      assertEquals(loads, ExecutorModels.loads(), "no load after the first");
    }
  }

  @Test
  void sqlFunctionGivesThePredictionWithAnErrorField() throws Exception {
    List<String> texts = reviews().subList(0, 10);
    TaskModel model = TaskFamilies.load(TestSpark.model("classify"));
    List<? extends org.rnn4j.task.Prediction> expected = model.predict(texts, TaskOptions.none());
    try (SparkPredictor p = SparkPredictor.load(spark, TestSpark.model("classify"))) {
      p.registerFunction("rnn4j_sentiment");
      rows(texts, DataTypes.StringType).createOrReplaceTempView("reviews");
      List<Row> out = spark.sql("SELECT id, rnn4j_sentiment(input).label AS label,"
          + " rnn4j_sentiment(input).error AS error FROM reviews ORDER BY id").collectAsList();
      for (int i = 0; i < texts.size(); i++) {
        assertEquals(((ClassPrediction) expected.get(i)).label(), out.get(i).getString(1));
        assertNull(out.get(i).get(2));
      }
      Row empty = spark.sql("SELECT rnn4j_sentiment('') AS p").first().getStruct(0);
      assertNull(empty.get(0));
      assertTrue(empty.getString(3).contains("empty text"), empty.getString(3));
    }
  }

  @Test
  void aMissingInputColumnIsNamedWithTheColumnsThereAre() throws Exception {
    try (SparkPredictor p = SparkPredictor.load(spark, TestSpark.model("classify"))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> p.withInputColumn("review").transform(rows(List.of("a"), DataTypes.StringType)));
      assertEquals("input column 'review' is not in the data: its columns are [id, input]"
          + " (choose one with withInputColumn)", e.getMessage());
    }
  }

  @Test
  void anOptionTheFamilyDoesNotReadIsRefusedNamingThoseItReads() throws Exception {
    try (SparkPredictor p = SparkPredictor.load(spark, TestSpark.model("forecast"))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> p.withOption("horizon", "3"));
      assertEquals("option 'horizon' is not one that forecast models read when predicting: they"
          + " read steps", e.getMessage());
    }
  }

  private static Object seq(Double... values) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(values)).toSeq();
  }
}
