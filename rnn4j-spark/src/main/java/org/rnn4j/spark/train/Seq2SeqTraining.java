package org.rnn4j.spark.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.rnn4j.data.Collate;
import org.rnn4j.data.Seq2SeqBatch;
import org.rnn4j.data.Seq2SeqExample;
import org.rnn4j.data.Seq2SeqIds;
import org.rnn4j.data.TokenIds;
import org.rnn4j.task.CommonOptions;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.seq2seq.AttentionKind;
import org.rnn4j.task.seq2seq.Seq2Seq;
import org.rnn4j.task.seq2seq.Seq2SeqConfig;
import org.rnn4j.task.seq2seq.Seq2SeqFamily;
import org.rnn4j.task.seq2seq.Seq2SeqObjective;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.TextCodecPair;
import org.rnn4j.train.Objective;

/**
 * The seq2seq family in distributed training. A training row is one sentence pair: a source
 * column and a target column, both strings. As in {@code rnn4j train --task seq2seq}, each side
 * has its own codec ({@code source-tokens}, {@code target-tokens}, else {@code tokens}, else
 * char), its vocabulary counted across the partitions; {@code embedding} sizes both embeddings,
 * {@code layers} the encoder, {@code attention} is additive or multiplicative. A local batch is
 * b consecutive rows of the partition (the single-machine family buckets pairs by source length
 * instead); a batch's weight is its real target tokens, {@code <eos>} included.
 */
final class Seq2SeqTraining implements FamilyTraining {
  private static final String DEFAULT_TOKENS = "char";
  static final Set<String> OPTIONS = Collections.unmodifiableSet(new TreeSet<>(List.of("cell",
      "hidden", "layers", "dropout", "bidirectional", "embedding", "attention", "tokens",
      "source-tokens", "target-tokens", "min-count", "max-vocabulary", "lower-case")));

  @Override
  public String task() {
    return Seq2SeqConfig.TASK;
  }

  @Override
  public String noun() {
    return "seq2seq";
  }

  @Override
  public Set<String> options() {
    return OPTIONS;
  }

  @Override
  public List<String> columns() {
    return List.of("source", "target");
  }

  @Override
  public Prepared<IdPair> prepare(Dataset<Row> data, List<String> columns,
      Map<String, String> options, long seed) {
    String source = columns.get(0);
    String target = columns.get(1);
    TrainingData.check(data, source, target);
    for (String c : columns) {
      TrainingData.requireType(data, c, "string", DataTypes.StringType);
      TrainingData.requireNonBlank(data, c, "a text");
    }
    TaskOptions o = TaskOptions.of(options);
    String kind = options.getOrDefault("attention", "additive");
    AttentionKind attention;
    try {
      attention = AttentionKind.valueOf(kind.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("option 'attention' must be additive or"
          + " multiplicative, got '" + kind + "'", e);
    }
    TextCodecPair codecs = new TextCodecPair(
        TrainingData.codec(TrainingData.texts(data, source),
            CommonOptions.tokenizer(o, Seq2SeqFamily.SOURCE_TOKENS, DEFAULT_TOKENS), o),
        TrainingData.codec(TrainingData.texts(data, target),
            CommonOptions.tokenizer(o, Seq2SeqFamily.TARGET_TOKENS, DEFAULT_TOKENS), o));
    int embedding = o.integer(CommonOptions.EMBEDDING, 1);
    Seq2SeqConfig config = new Seq2SeqConfig(CommonOptions.recurrent(o),
        codecs.source().vocabulary().size(), codecs.target().vocabulary().size(), embedding,
        embedding, attention);
    Seq2SeqIds ids = Seq2SeqIds.of(codecs.source().vocabulary(), codecs.target().vocabulary());
    return new Prepared<>(new Seq2Seq(config, new SplittableRandom(seed)), config,
        Optional.of(codecs.toJson()), encode(data, source, target, codecs.toJson()),
        new Replicas(config.toJson().toString(), ids.sourcePadId(), ids.targetPadId(),
            ids.bosId(), ids.eosId()));
  }

  /**
   * The pairs as source and target ids where they lie, cached; a source of no token (a word
   * tokenizer on punctuation alone) becomes one {@code <unk>}.
   */
  private static JavaRDD<IdPair> encode(Dataset<Row> data, String source, String target,
      String codecsJson) {
    return data.select(functions.col(source), functions.col(target)).javaRDD()
        .mapPartitions((Iterator<Row> rows) -> {
          TextCodecPair codecs = TextCodecPair.fromJson(codecsJson);
          List<IdPair> out = new ArrayList<>();
          rows.forEachRemaining(r -> {
            int[] s = codecs.source().encode(r.getString(0), false);
            if (s.length == 0) {
              s = new int[] {codecs.source().vocabulary().unkId()};
            }
            out.add(new IdPair(s, codecs.target().encode(r.getString(1), false)));
          });
          return out.iterator();
        }).cache();
  }

  /**
   * The executors' encoder-decoder.
   *
   * @param configJson the {@link Seq2SeqConfig} as JSON
   * @param sourcePadId the source vocabulary's padding id
   * @param targetPadId the target vocabulary's padding id
   * @param bosId the target vocabulary's {@code <bos>}
   * @param eosId the target vocabulary's {@code <eos>}
   */
  record Replicas(String configJson, int sourcePadId, int targetPadId, int bosId, int eosId)
      implements ReplicaFamily<IdPair, Seq2SeqBatch> {
    @Override
    public Objective<Seq2SeqBatch> objective() {
      Seq2SeqConfig config = ReplicaFamily.config(configJson, "seq2seq", Seq2SeqConfig::fromJson);
      return new Seq2SeqObjective(new Seq2Seq(config, new SplittableRandom(0)), bosId, eosId);
    }

    /**
     * Rows [from, to): sources padded (b, Tx), decoder inputs {@code <bos>} y (b, Ty + 1) and
     * targets y {@code <eos>}.
     */
    @Override
    public Seq2SeqBatch batch(List<IdPair> rows, int from, int to) {
      List<Seq2SeqExample> examples = new ArrayList<>(to - from);
      int[] indices = new int[to - from];
      for (int i = from; i < to; i++) {
        examples.add(new Seq2SeqExample(new TokenIds(rows.get(i).first()),
            rows.get(i).second()));
        indices[i - from] = i - from;
      }
      return Collate.seq2seq(examples, indices,
          new Seq2SeqIds(sourcePadId, targetPadId, bosId, eosId));
    }

    /** The batch's real target tokens: the decoder's loss is a mean over them. */
    @Override
    public float weight(Objective<Seq2SeqBatch> objective, Seq2SeqBatch batch, int rows) {
      return objective.tokens(batch);
    }
  }
}
