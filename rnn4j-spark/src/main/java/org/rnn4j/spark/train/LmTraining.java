package org.rnn4j.spark.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.rnn4j.data.TagExample;
import org.rnn4j.data.TokenIds;
import org.rnn4j.task.CommonOptions;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.lm.LanguageModel;
import org.rnn4j.task.lm.LanguageModelConfig;
import org.rnn4j.task.lm.LanguageModelObjective;
import org.rnn4j.task.lm.LmFamily;
import org.rnn4j.task.lm.StreamedText;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.train.Objective;
import org.rnn4j.train.TokenBatch;

/**
 * The lm family in distributed training. A training row is one text (a line, a sentence, a
 * document) in a string column; blank texts are left out, as the single-machine family leaves out
 * blank lines. The vocabulary ({@code tokens}, char by default, {@code min-count}, {@code
 * max-vocabulary}, {@code lower-case}) is counted across the partitions.
 *
 * <p>What a training sequence is:
 *
 * <ul>
 *   <li>without {@code seq-length}, each text is one sequence, as in {@code rnn4j train --task
 *       lm}: inputs {@code <bos>} t₁ … t_T, targets t₁ … t_T {@code <eos>};
 *   <li>with {@code seq-length} N, each partition reads its texts, in order, as one stream of ids
 *       {@code <bos>} text₁ {@code <eos>} {@code <bos>} text₂ {@code <eos>} … (the stream of
 *       {@code --stream}) and cuts it into consecutive windows of N inputs and their N next ids
 *       (the last window may be shorter): a long document becomes many sequences of the model's
 *       length. Each window starts from a zero state; unlike {@code --stream}, no state is carried
 *       from one window to the next.
 * </ul>
 *
 * A batch's weight is its real target tokens, so the loss is the mean per token over the step.
 */
final class LmTraining implements FamilyTraining {
  private static final String DEFAULT_TOKENS = "char";
  static final Set<String> OPTIONS = Collections.unmodifiableSet(new TreeSet<>(List.of("cell",
      "hidden", "layers", "dropout", "embedding", "tokens", "min-count", "max-vocabulary",
      "lower-case", "seq-length")));

  @Override
  public String task() {
    return LanguageModelConfig.TASK;
  }

  @Override
  public String noun() {
    return "language model";
  }

  @Override
  public Set<String> options() {
    return OPTIONS;
  }

  @Override
  public List<String> columns() {
    return List.of("text");
  }

  @Override
  public Prepared<IdPair> prepare(Dataset<Row> data, List<String> columns,
      Map<String, String> options, long seed) {
    String text = columns.get(0);
    TrainingData.check(data, text);
    TrainingData.requireType(data, text, "string (one text per row)", DataTypes.StringType);
    TaskOptions o = TaskOptions.of(options);
    // seq-length has a default (for --stream): here only a given one cuts windows
    int window = o.isGiven(LmFamily.SEQ_LENGTH) ? o.integer(LmFamily.SEQ_LENGTH, 1) : 0;
    JavaRDD<String> texts = TrainingData.texts(data, text).filter(t -> !t.isBlank());
    TextCodec codec = TrainingData.codec(texts, CommonOptions.tokenizer(o, DEFAULT_TOKENS), o);
    LanguageModelConfig config = new LanguageModelConfig(codec.vocabulary().size(),
        o.integer(CommonOptions.EMBEDDING, 1), CommonOptions.recurrent(o));
    return new Prepared<>(new LanguageModel(config, new SplittableRandom(seed)), config,
        Optional.of(codec.toJson()), encode(texts, codec.toJson(), window),
        new Replicas(config.toJson().toString(), codec.vocabulary().padId()));
  }

  /** The texts as sequences where they lie, cached: one per text, or windows of N ids. */
  private static JavaRDD<IdPair> encode(JavaRDD<String> texts, String codecJson, int window) {
    return texts.mapPartitions((Iterator<String> it) -> {
      TextCodec codec = TextCodec.fromJson(codecJson);
      Vocabulary v = codec.vocabulary();
      List<IdPair> out = new ArrayList<>();
      if (window == 0) {
        it.forEachRemaining(t -> {
          TagExample e = TagExample.nextToken(codec.encode(t, false), v.bosId(), v.eosId());
          out.add(new IdPair(((TokenIds) e.input()).ids(), e.tags()));
        });
        return out.iterator();
      }
      List<String> partition = new ArrayList<>();
      it.forEachRemaining(partition::add);
      int[] stream = StreamedText.ids(partition, codec); // (M)
      for (int start = 0; start + 1 < stream.length; start += window) {
        int n = Math.min(window, stream.length - 1 - start);
        out.add(new IdPair(Arrays.copyOfRange(stream, start, start + n),
            Arrays.copyOfRange(stream, start + 1, start + 1 + n)));
      }
      return out.iterator();
    }).cache();
  }

  /**
   * The executors' language model.
   *
   * @param configJson the {@link LanguageModelConfig} as JSON
   * @param padId the vocabulary's padding id
   */
  record Replicas(String configJson, int padId) implements ReplicaFamily<IdPair, TokenBatch> {
    @Override
    public Objective<TokenBatch> objective() {
      LanguageModelConfig config = ReplicaFamily.config(configJson, "language-model", LanguageModelConfig::fromJson);
      return new LanguageModelObjective(new LanguageModel(config, new SplittableRandom(0)));
    }

    /** Rows [from, to) padded to the longest: ids (b, T), targets (b, T), no carried state. */
    @Override
    public TokenBatch batch(List<IdPair> rows, int from, int to) {
      return TokenBatch.of(IdPair.collateTokens(rows, from, to, padId), false);
    }

    /** The batch's real tokens: the language model's loss is a mean over them. */
    @Override
    public float weight(Objective<TokenBatch> objective, TokenBatch batch, int rows) {
      return objective.tokens(batch);
    }
  }
}
