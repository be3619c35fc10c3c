package org.rnn4j.spark.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.rnn4j.task.CommonOptions;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.Tokenizer;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.text.VocabularyBuilder;

/**
 * The training rows of a {@code Dataset<Row>} prepared where they lie: checked (columns, nulls,
 * types, blanks), the vocabularies counted across the partitions, and, for the classify family,
 * the labelled texts encoded and cached partition by partition.
 */
final class TrainingData {
  private TrainingData() {}

  /**
   * Checks that the columns exist and hold no null.
   *
   * @throws IllegalArgumentException naming the column, with the columns there are or the count of
   *     nulls
   */
  static void check(Dataset<Row> data, String... columns) {
    List<String> names = Arrays.asList(data.columns());
    for (String c : columns) {
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
   * The codec of the options' tokenizer ({@code tokens}, word by default, {@code lower-case}),
   * its vocabulary counted across the partitions, as {@link CommonOptions#codec} fits it on one
   * machine ({@code min-count}, {@code max-vocabulary}).
   */
  static TextCodec codec(Dataset<Row> data, String text, Map<String, String> options) {
    TaskOptions o = TaskOptions.of(options);
    return codec(texts(data, text), CommonOptions.tokenizer(o, "word"), o);
  }

  /** A column's values as strings, in the data's partitions. */
  static JavaRDD<String> texts(Dataset<Row> data, String column) {
    return data.select(functions.col(column).cast("string")).javaRDD().map(r -> r.getString(0));
  }

  /**
   * A codec of the tokenizer whose vocabulary holds the texts' tokens, counted across the
   * partitions, with {@code min-count} and {@code max-vocabulary} applied as {@link
   * CommonOptions#codec} applies them on one machine: the same vocabulary, in the same order.
   *
   * @param texts the training texts
   * @param tokenizer how they become tokens
   * @param options the family's options
   * @return the codec
   * @throws IllegalArgumentException naming {@code --max-vocabulary} if it leaves no room for a
   *     token ({@link CommonOptions#vocabularyLimits})
   */
  static TextCodec codec(JavaRDD<String> texts, Tokenizer tokenizer, TaskOptions options) {
    CommonOptions.VocabularyLimits limits = CommonOptions.vocabularyLimits(options);
    VocabularyBuilder builder = new VocabularyBuilder();
    counts(texts, tokenizer).forEach(builder::add);
    return new TextCodec(tokenizer, builder.build(limits.minCount(), limits.maxSize()));
  }

  /**
   * How often each token of the texts occurs, counted partition by partition on the executors
   * and merged.
   *
   * @param texts the texts
   * @param tokenizer how they become tokens
   * @return token → count (empty for no token)
   */
  static Map<String, Long> counts(JavaRDD<String> texts, Tokenizer tokenizer) {
    // the tokenizer travels as a codec's JSON, the one serial form of a tokenizer
    String tokenizerJson = new TextCodec(tokenizer, Vocabulary.of(List.of())).toJson();
    return texts.mapPartitions((Iterator<String> it) -> {
      Tokenizer t = TextCodec.fromJson(tokenizerJson).tokenizer();
      HashMap<String, Long> c = new HashMap<>();
      it.forEachRemaining(text -> t.tokenize(text).forEach(tok -> c.merge(tok, 1L, Long::sum)));
      return List.of(c).iterator();
    }).fold(new HashMap<>(), (a, b) -> {
      b.forEach((tok, n) -> a.merge(tok, n, Long::sum));
      return a;
    });
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

  /**
   * Checks a column's type.
   *
   * @param data the training rows
   * @param column the column
   * @param what what it must hold, for the message ("a string (the text)")
   * @param types the types it may have
   * @throws IllegalArgumentException naming the column, the type expected and the type it has
   */
  static void requireType(Dataset<Row> data, String column, String what, DataType... types) {
    DataType actual = data.schema().apply(column).dataType();
    for (DataType t : types) {
      if (t.equals(actual)) {
        return;
      }
    }
    throw new IllegalArgumentException("column '" + column + "' is of type "
        + actual.simpleString() + ": expected " + what);
  }

  /**
   * Checks that a column holds no blank text (or, for an array column, no empty array).
   *
   * @param data the training rows
   * @param column a string or array column
   * @param what what each value must hold, for the message ("at least one token")
   * @throws IllegalArgumentException naming the column and the count of blank rows
   */
  static void requireNonBlank(Dataset<Row> data, String column, String what) {
    Column c = functions.col(column);
    Column blank = data.schema().apply(column).dataType() instanceof ArrayType
        ? functions.size(c).equalTo(0) : functions.trim(c).equalTo("");
    long n = data.filter(blank).count();
    if (n > 0) {
      throw new IllegalArgumentException("column '" + column + "' is empty in " + n
          + " training rows: expected " + what + " in every row");
    }
  }

  /** n_p, the rows of each partition, in partition order. */
  static <E> long[] partitionSizes(JavaRDD<E> rows) {
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
