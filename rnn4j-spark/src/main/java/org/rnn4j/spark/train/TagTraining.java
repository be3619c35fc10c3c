package org.rnn4j.spark.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.rnn4j.data.TagBatch;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.CommonOptions;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.tag.CharFeatures;
import org.rnn4j.task.tag.TagFamily;
import org.rnn4j.task.tag.Tagger;
import org.rnn4j.task.tag.TaggerConfig;
import org.rnn4j.task.tag.TaggerData;
import org.rnn4j.task.tag.TaggerObjective;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.text.VocabularyBuilder;
import org.rnn4j.text.WordTokenizer;
import org.rnn4j.train.Objective;

/**
 * The tag family in distributed training. A training row is one tagged sentence: a tokens column
 * and a tags column, each an {@code array<string>} or a string of whitespace-separated tokens,
 * with one tag per token. As in {@code rnn4j train --task tag}, the tag set is every tag of the
 * data, sorted; the word vocabulary is every word (lower-cased with {@code lower-case}), counted
 * across the partitions; the character vocabulary and the spellings come from the words; the
 * tagger is bidirectional with character features. A batch's weight is its real tokens.
 */
final class TagTraining implements FamilyTraining {
  static final Set<String> OPTIONS = Collections.unmodifiableSet(new TreeSet<>(List.of("cell",
      "hidden", "layers", "dropout", "embedding", "lower-case")));

  @Override
  public String task() {
    return TaggerConfig.TASK;
  }

  @Override
  public String noun() {
    return "tagger";
  }

  @Override
  public Set<String> options() {
    return OPTIONS;
  }

  @Override
  public List<String> columns() {
    return List.of("tokens", "tags");
  }

  @Override
  public Prepared<IdPair> prepare(Dataset<Row> data, List<String> columns,
      Map<String, String> options, long seed) {
    String tokens = columns.get(0);
    String tags = columns.get(1);
    TrainingData.check(data, tokens, tags);
    for (String c : columns) {
      DataType type = data.schema().apply(c).dataType();
      if (!(type.equals(DataTypes.StringType) || (type instanceof ArrayType a
          && a.elementType().equals(DataTypes.StringType)))) {
        throw new IllegalArgumentException("column '" + c + "' is of type " + type.simpleString()
            + ": expected array<string> or a string of whitespace-separated tokens");
      }
      TrainingData.requireNonBlank(data, c, "at least one token");
      if (type instanceof ArrayType) {
        long nulls = data.filter(functions.expr("exists(`" + c.replace("`", "``")
            + "`, x -> x is null)")).count();
        if (nulls > 0) {
          throw new IllegalArgumentException("column '" + c + "' holds a null token in " + nulls
              + " training rows");
        }
      }
    }
    Dataset<Row> sentences = data.select(words(data, tokens).as("tokens"),
        words(data, tags).as("tags"));
    long unequal = sentences.filter(functions.size(functions.col("tokens"))
        .notEqual(functions.size(functions.col("tags")))).count();
    if (unequal > 0) {
      throw new IllegalArgumentException("columns '" + tokens + "' and '" + tags + "' differ in"
          + " length in " + unequal + " training rows: expected one tag per token");
    }
    TaskOptions o = TaskOptions.of(options);
    boolean lowerCase = o.flag(CommonOptions.LOWER_CASE);
    List<String> tagSet = new ArrayList<>();
    for (Row r : sentences.select(functions.explode(functions.col("tags"))).distinct()
        .collectAsList()) {
      tagSet.add(r.getString(0));
    }
    tagSet.sort(null);
    VocabularyBuilder counted = new VocabularyBuilder();
    wordCounts(sentences, lowerCase).forEach(counted::add);
    Vocabulary words = counted.build();
    Vocabulary chars = TaggerData.characters(words);
    RecurrentSpec recurrent = CommonOptions.recurrent(o)
        .withBidirectional(TaggerConfig.DEFAULT_BIDIRECTIONAL);
    TaggerConfig config = TaggerConfig.of(words.size(), o.integer(CommonOptions.EMBEDDING, 1),
            recurrent, tagSet)
        .withChars(new CharFeatures(chars.size(), TagFamily.CHAR_EMBEDDING, TagFamily.CHAR_HIDDEN,
            TaggerData.spellings(words, chars)));
    TextCodec codec = new TextCodec(new WordTokenizer(lowerCase, false), words);
    return new Prepared<>(new Tagger(config, new SplittableRandom(seed)), config,
        Optional.of(codec.toJson()), encode(sentences, codec.toJson(), tagSet, lowerCase),
        new Replicas(config.toJson().toString(), words.padId()));
  }

  /** A column's tokens as {@code array<string>}: split at whitespace if it is a string. */
  private static Column words(Dataset<Row> data, String column) {
    Column c = functions.col(column);
    return data.schema().apply(column).dataType() instanceof ArrayType ? c
        : functions.split(functions.trim(c), "\\s+");
  }

  /** How often each word (lower-cased if asked) occurs, counted on the executors. */
  private static Map<String, Long> wordCounts(Dataset<Row> sentences, boolean lowerCase) {
    Map<String, Long> counts = new java.util.HashMap<>();
    for (Row r : sentences.select(functions.explode(functions.col("tokens")).as("w"))
        .groupBy("w").count().collectAsList()) {
      counts.merge(TaggerData.word(r.getString(0), lowerCase), r.getLong(1), Long::sum);
    }
    return counts;
  }

  /** The sentences as word ids and tag ids where they lie, cached. */
  private static JavaRDD<IdPair> encode(Dataset<Row> sentences, String codecJson,
      List<String> tags, boolean lowerCase) {
    List<String> tagSet = List.copyOf(tags);
    return sentences.javaRDD().mapPartitions((Iterator<Row> rows) -> {
      Vocabulary words = TextCodec.fromJson(codecJson).vocabulary();
      List<IdPair> out = new ArrayList<>();
      rows.forEachRemaining(r -> {
        List<String> t = r.getList(1);
        int[] tagIds = new int[t.size()];
        for (int i = 0; i < tagIds.length; i++) {
          tagIds[i] = tagSet.indexOf(t.get(i));
        }
        out.add(new IdPair(TaggerData.ids(r.getList(0), words, lowerCase), tagIds));
      });
      return out.iterator();
    }).cache();
  }

  /**
   * The executors' tagger.
   *
   * @param configJson the {@link TaggerConfig} as JSON, spellings included
   * @param padId the word vocabulary's padding id
   */
  record Replicas(String configJson, int padId) implements ReplicaFamily<IdPair, TagBatch> {
    @Override
    public Objective<TagBatch> objective() {
      TaggerConfig config = ReplicaFamily.config(configJson, "tagger", TaggerConfig::fromJson);
      return new TaggerObjective(new Tagger(config, new SplittableRandom(0)));
    }

    /** Rows [from, to) padded to the longest: word ids (b, T), tag ids (b, T). */
    @Override
    public TagBatch batch(List<IdPair> rows, int from, int to) {
      return IdPair.collateTokens(rows, from, to, padId);
    }

    /** The batch's real tokens: the tagger's loss is a mean over them. */
    @Override
    public float weight(Objective<TagBatch> objective, TagBatch batch, int rows) {
      return objective.tokens(batch);
    }
  }
}
