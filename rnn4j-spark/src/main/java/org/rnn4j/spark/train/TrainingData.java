package org.rnn4j.spark.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.rnn4j.task.CommonOptions;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.Tokenizer;
import org.rnn4j.text.VocabularyBuilder;

/**
 * The labelled texts of a {@code Dataset<Row>} prepared for training where they lie: checked, the
 * labels and the vocabulary counted across the partitions, then encoded and cached partition by
 * partition.
 */
final class TrainingData {
  private TrainingData() {}

  /**
   * Checks that both columns exist and hold no null.
   *
   * @throws IllegalArgumentException naming the column, with the columns there are or the count of
   *     nulls
   */
  static void check(Dataset<Row> data, String text, String label) {
    List<String> names = Arrays.asList(data.columns());
    for (String c : List.of(text, label)) {
      if (!names.contains(c)) {
        throw new IllegalArgumentException("column '" + c + "' is not in the training data: its"
            + " columns are " + names);
      }
      long nulls = data.filter(functions.col(c).isNull()).count();
      if (nulls > 0) {
        throw new IllegalArgumentException("column '" + c + "' is null in " + nulls + " training"
            + " rows: drop them (data.na().drop()) or fill them before training");
      }
    }
  }

  /** The distinct labels, sorted, as the single-machine classify family orders them. */
  static List<String> labels(Dataset<Row> data, String label) {
    List<String> labels = new ArrayList<>();
    for (Row r : data.select(functions.col(label).cast("string")).distinct().collectAsList()) {
      labels.add(r.getString(0));
    }
    labels.sort(null);
    if (labels.size() < 2) {
      throw new IllegalArgumentException("column '" + label + "' must hold at least 2 distinct"
          + " labels to train a classifier, got " + labels);
    }
    return labels;
  }

  /**
   * The codec of the options' tokenizer, its vocabulary counted across the partitions, as
   * {@link CommonOptions#codec} fits it on one machine ({@code min-count}, {@code
   * max-vocabulary}).
   */
  static TextCodec codec(Dataset<Row> data, String text, Map<String, String> options) {
    HashMap<String, String> given = new HashMap<>(options);
    JavaRDD<String> texts = data.select(functions.col(text).cast("string")).javaRDD()
        .map(r -> r.getString(0));
    Map<String, Long> counts = texts.mapPartitions((Iterator<String> it) -> {
      Tokenizer tokenizer = CommonOptions.tokenizer(TaskOptions.of(given), "word");
      HashMap<String, Long> c = new HashMap<>();
      it.forEachRemaining(t -> tokenizer.tokenize(t).forEach(tok -> c.merge(tok, 1L, Long::sum)));
      return List.of(c).iterator();
    }).reduce((a, b) -> {
      b.forEach((tok, n) -> a.merge(tok, n, Long::sum));
      return a;
    });
    TaskOptions o = TaskOptions.of(options);
    VocabularyBuilder builder = new VocabularyBuilder();
    counts.forEach((token, n) -> {
      for (long i = 0; i < n; i++) {
        builder.add(token);
      }
    });
    int maxSize = o.optionalInteger(CommonOptions.MAX_VOCABULARY, Integer.MIN_VALUE)
        .orElse(VocabularyBuilder.UNLIMITED);
    return new TextCodec(CommonOptions.tokenizer(o, "word"),
        builder.build(o.integer(CommonOptions.MIN_COUNT, 1), maxSize));
  }

  /**
   * The rows encoded where they lie: token ids (an empty text becomes one {@code <unk>}, as on
   * one machine) and class ids; cached in memory, in the data's partitions and order.
   */
  static JavaRDD<Encoded> encode(Dataset<Row> data, String text, String label, TextCodec codec,
      List<String> labels) {
    String codecJson = codec.toJson();
    List<String> classes = List.copyOf(labels);
    return data.select(functions.col(text).cast("string"), functions.col(label).cast("string"))
        .javaRDD().mapPartitions((Iterator<Row> rows) -> {
          TextCodec c = TextCodec.fromJson(codecJson);
          List<Encoded> out = new ArrayList<>();
          rows.forEachRemaining(r -> {
            int[] ids = c.encode(r.getString(0), false);
            if (ids.length == 0) {
              ids = new int[] {c.vocabulary().unkId()};
            }
            out.add(new Encoded(ids, classes.indexOf(r.getString(1))));
          });
          return out.iterator();
        }).cache();
  }

  /** n_p, the rows of each partition, in partition order. */
  static long[] partitionSizes(JavaRDD<Encoded> rows) {
    List<long[]> sizes = rows.mapPartitionsWithIndex((p, it) -> {
      long n = 0;
      while (it.hasNext()) {
        it.next();
        n++;
      }
      return List.of(new long[] {p, n}).iterator();
    }, true).collect();
    long[] out = new long[rows.getNumPartitions()];
    sizes.forEach(s -> out[(int) s[0]] = s[1]);
    return out;
  }
}
