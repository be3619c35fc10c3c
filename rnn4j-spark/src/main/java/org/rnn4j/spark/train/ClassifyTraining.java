package org.rnn4j.spark.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rnn4j.data.ClassifyBatch;
import org.rnn4j.data.ClassifyExample;
import org.rnn4j.data.Collate;
import org.rnn4j.data.TokenIds;
import org.rnn4j.task.CommonOptions;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.classify.ClassifierConfig;
import org.rnn4j.task.classify.ClassifierInput;
import org.rnn4j.task.classify.ClassifierObjective;
import org.rnn4j.task.classify.Pooling;
import org.rnn4j.text.TextCodec;
import org.rnn4j.train.Objective;

/**
 * The classify family in distributed training: a text column and a label column; the labels
 * sorted, the vocabulary counted across the partitions ({@code tokens}, word by default), each
 * row cached as its token ids and class id ({@link Encoded}); a batch's weight is its rows.
 */
final class ClassifyTraining implements FamilyTraining {
  static final Set<String> OPTIONS = Collections.unmodifiableSet(new TreeSet<>(List.of("cell",
      "hidden", "layers", "dropout", "bidirectional", "embedding", "pooling", "tokens",
      "min-count", "max-vocabulary", "lower-case")));

  @Override
  public String task() {
    return ClassifierConfig.TASK;
  }

  @Override
  public String noun() {
    return "classifier";
  }

  @Override
  public Set<String> options() {
    return OPTIONS;
  }

  @Override
  public List<String> columns() {
    return List.of("text", "label");
  }

  @Override
  public Prepared<Encoded> prepare(Dataset<Row> data, List<String> columns,
      Map<String, String> options, long seed) {
    String text = columns.get(0);
    String label = columns.get(1);
    TrainingData.check(data, text, label);
    List<String> labels = TrainingData.labels(data, label);
    TextCodec codec = TrainingData.codec(data, text, options);
    ClassifierConfig config = config(options, codec, labels);
    return new Prepared<>(new Classifier(config, new SplittableRandom(seed)), config,
        Optional.of(codec.toJson()), TrainingData.encode(data, text, label, codec, labels),
        new Replicas(config.toJson().toString(), codec.vocabulary().padId()));
  }

  private static ClassifierConfig config(Map<String, String> options, TextCodec codec,
      List<String> labels) {
    TaskOptions o = TaskOptions.of(options);
    String pooling = options.getOrDefault("pooling", "last");
    Pooling p;
    try {
      p = Pooling.valueOf(pooling.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("option 'pooling' must be last, mean or max, got '"
          + pooling + "'", e);
    }
    return new ClassifierConfig(ClassifierInput.tokens(codec.vocabulary().size(),
        o.integer(CommonOptions.EMBEDDING, 1)), CommonOptions.recurrent(o), p, labels);
  }

  /**
   * The executors' classifier.
   *
   * @param configJson the {@link ClassifierConfig} as JSON
   * @param padId the vocabulary's padding id
   */
  record Replicas(String configJson, int padId) implements ReplicaFamily<Encoded, ClassifyBatch> {
    @Override
    public Objective<ClassifyBatch> objective() {
      ClassifierConfig config = ReplicaFamily.config(configJson, "classifier", ClassifierConfig::fromJson);
      return new ClassifierObjective(new Classifier(config, new SplittableRandom(0)));
    }

    @Override
    public ClassifyBatch batch(List<Encoded> rows, int from, int to) {
      List<ClassifyExample> examples = new ArrayList<>(to - from);
      int[] indices = new int[to - from];
      for (int i = from; i < to; i++) {
        examples.add(new ClassifyExample(new TokenIds(rows.get(i).ids()), rows.get(i).label()));
        indices[i - from] = i - from;
      }
      return Collate.classify(examples, indices, padId);
    }

    /** The batch's rows: the classifier's loss is a mean over rows. */
    @Override
    public float weight(Objective<ClassifyBatch> objective, ClassifyBatch batch, int rows) {
      return rows;
    }
  }
}
