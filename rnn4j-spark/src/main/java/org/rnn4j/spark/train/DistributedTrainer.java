package org.rnn4j.spark.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rnn4j.optim.GradientClipping;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.train.TrainingResult;

/**
 * Trains a model of any family (classify, lm, tag, seq2seq, forecast, ctc) on a {@code
 * Dataset<Row>}, data-parallel and synchronous: the driver holds the model and the
 * optimizer, each partition trains a replica on its own rows, and the replicas are combined
 * every step ({@link Averaging#GRADIENTS}) or every k steps ({@link Averaging#PARAMETERS}).
 *
 * <pre>{@code
 * DistributedTrainingResult run = DistributedTrainer.of(spark,
 *         DistributedConfig.of(5, 42).withBatchSize(64), "lm",
 *         Map.of("hidden", "128", "tokens", "word", "seq-length", "64"))
 *     .fit(corpus, "line");
 * run.model().save(Path.of("corpus-lm.safetensors"), ModelFile.Provenance.now(42, ""));
 * }</pre>
 *
 * <p>The columns, by family, in the order {@link #fit} takes them:
 *
 * <pre>
 * classify  text (any type, read as a string), label (any type, compared as strings)
 * lm        text (string): one text per row (a line, a sentence, a document); blank rows are
 *           left out
 * tag       tokens, tags: array&lt;string&gt; or a string of whitespace-separated tokens, one tag
 *           per token
 * seq2seq   source (string), target (string)
 * forecast  series: array&lt;double&gt; (one value per step) or array&lt;array&lt;double&gt;&gt; (F
 *           values per step): one whole series per row, cut into every window
 * ctc       audio: binary (the bytes of a WAV, AIFF or AU file) or string (the path of a
 *           recording every executor can read), transcript (string)
 * </pre>
 *
 * <p>The model, its vocabularies and its labels or tags are those the command line's {@code rnn4j
 * train --task …} builds from the same options and rows (the vocabularies counted across the
 * partitions, ordered as on one machine), and the weights start from the same seed; the model
 * file it gives is an ordinary model file of the family. A step trains on ⌈B / P⌉ rows of every
 * partition (B rows per step, P partitions); an epoch has as many steps as the largest partition
 * has local batches. The partitions' losses and gradients are weighted by what each family's loss
 * is a mean over: rows for classify, forecast and ctc, real target tokens for lm, tag and seq2seq, so
 * that a gradient-averaged step is the single-machine step on the union of the local batches.
 * The run is bit-for-bit the same for the same seed, partitioning and settings, whatever the
 * executors' speed.
 */
public final class DistributedTrainer {
  private static final Map<String, FamilyTraining> FAMILIES = families();

  private final SparkSession spark;
  private final DistributedConfig config;
  private final FamilyTraining family;
  private final Map<String, String> options;
  private final EpochListener listener;

  private DistributedTrainer(SparkSession spark, DistributedConfig config, FamilyTraining family,
      Map<String, String> options, EpochListener listener) {
    this.spark = spark;
    this.config = config;
    this.family = family;
    this.options = Map.copyOf(options);
    this.listener = listener;
  }

  private static Map<String, FamilyTraining> families() {
    Map<String, FamilyTraining> m = new LinkedHashMap<>();
    for (FamilyTraining f : List.of(new ClassifyTraining(), new LmTraining(), new TagTraining(),
        new Seq2SeqTraining(), new ForecastTraining(), new CtcTraining())) {
      m.put(f.task(), f);
    }
    return m;
  }

  /** The families that train distributed, by name: classify, lm, tag, seq2seq, forecast, ctc. */
  public static List<String> tasks() {
    return List.copyOf(FAMILIES.keySet());
  }

  /**
   * The model and text options a family's distributed training reads.
   *
   * @param task a name of {@link #tasks()}
   * @return the options, named as on the command line without dashes
   * @throws IllegalArgumentException naming the task if it does not train distributed
   */
  public static Set<String> options(String task) {
    return family(task).options();
  }

  /**
   * The roles of the columns {@link #fit} takes for a family, in order.
   *
   * @param task a name of {@link #tasks()}
   * @return e.g. [text, label] for classify, [tokens, tags] for tag
   * @throws IllegalArgumentException naming the task if it does not train distributed
   */
  public static List<String> columns(String task) {
    return family(task).columns();
  }

  private static FamilyTraining family(String task) {
    FamilyTraining f = FAMILIES.get(task);
    if (f == null) {
      throw new IllegalArgumentException("task '" + task + "' does not train distributed: the"
          + " tasks that do are " + FAMILIES.keySet());
    }
    return f;
  }

  /**
   * @param spark the session
   * @param config how to train
   * @param task the family: classify, lm, tag, seq2seq, forecast or ctc
   * @param options the family's model and text options as the command line names them without
   *     dashes ({@link #options(String)})
   * @return the trainer
   * @throws IllegalArgumentException naming a task that does not train distributed or an option
   *     that is not the family's
   */
  public static DistributedTrainer of(SparkSession spark, DistributedConfig config, String task,
      Map<String, String> options) {
    FamilyTraining f = family(task);
    for (String name : options.keySet()) {
      if (!f.options().contains(name)) {
        throw new IllegalArgumentException("option '" + name + "' is not a model or text option"
            + " of distributed " + f.noun() + " training: the options are " + f.options());
      }
    }
    return new DistributedTrainer(spark, config, f, options, (e, n, loss, steps) -> { });
  }

  /** This trainer telling {@code value} about every epoch's end. */
  public DistributedTrainer withListener(EpochListener value) {
    return new DistributedTrainer(spark, config, family, options, value);
  }

  /**
   * Trains on every row.
   *
   * @param data the training rows
   * @param columns the family's columns, in the order of {@link #columns(String)}
   * @return the trained model and how the run went
   * @throws IllegalArgumentException naming a missing column, a column with nulls, of a wrong
   *     type or with blank values, an option, or a checkpoint written with other settings
   * @throws IllegalStateException if the loss or the gradient stops being finite
   * @throws UncheckedIOException if the checkpoint cannot be read or written
   */
  public DistributedTrainingResult fit(Dataset<Row> data, String... columns) {
    if (columns.length != family.columns().size()) {
      throw new IllegalArgumentException("distributed " + family.noun() + " training reads "
          + family.columns().size() + " column(s), " + family.columns() + ", got "
          + columns.length + ": " + List.of(columns));
    }
    return train(family.prepare(data, List.of(columns), options, config.seed()));
  }

  private <E> DistributedTrainingResult train(FamilyTraining.Prepared<E> prepared) {
    JavaRDD<E> rows = prepared.rows();
    try {
      long[] sizes = encoded(rows);
      Run<E> run = new Run<>(prepared, sizes,
          ReplicaSpec.of(prepared.replicas(), config.optimization(), config.learningRate()));
      run.restore();
      run.loop();
      TrainingResult result = new TrainingResult(config.epochs(), run.step, false, false,
          Optional.empty(), Map.of());
      return new DistributedTrainingResult(new TrainedModel(prepared.model(), prepared.config(),
          prepared.vocabulary(), result), List.copyOf(run.losses), run.step, sizes.length,
          run.stepsPerEpoch);
    } finally {
      rows.unpersist(false);
    }
  }

  /**
   * n_p, the rows of each partition, counted as the rows are encoded and cached: the first time
   * the executors read the rows, so a row they cannot encode (a recording that cannot be read)
   * stops the run here, with the executor's message rather than Spark's wrapping of it.
   */
  private static <E> long[] encoded(JavaRDD<E> rows) {
    try {
      return TrainingData.partitionSizes(rows);
    } catch (Exception e) { // a SparkException, thrown though Java does not see it declared
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof IllegalArgumentException || c instanceof UncheckedIOException
            || c instanceof IOException) {
          throw new IllegalArgumentException("a training row cannot be encoded: "
              + c.getMessage(), e);
        }
      }
      throw e;
    }
  }

  /** The driver's side of one run. */
  private final class Run<E> {
    final Map<String, Tensor> parameters;
    final Optimizer optimizer;
    final FlatLayout layout;
    final JavaRDD<E> rows;
    final ReplicaSpec spec;
    final int localBatch;
    final int stepsPerEpoch;
    final JavaSparkContext sc;
    final Map<String, String> settings;
    int epoch;
    long step;
    List<Double> losses = new ArrayList<>();

    Run(FamilyTraining.Prepared<E> prepared, long[] sizes, ReplicaSpec spec) {
      this.parameters = prepared.model().parameters();
      this.optimizer = config.optimization().build(parameters, config.learningRate());
      this.layout = FlatLayout.of(parameters);
      this.rows = prepared.rows();
      this.spec = spec;
      this.localBatch = (config.batchSize() + sizes.length - 1) / sizes.length;
      int most = 0;
      for (long n : sizes) {
        most = Math.max(most, LocalBatches.count(n, localBatch));
      }
      if (most == 0) {
        throw new IllegalArgumentException("there is nothing to train on: the training data holds"
            + " no row");
      }
      this.stepsPerEpoch = most;
      this.sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      this.settings = DriverCheckpoint.settings(family.task(), config, sizes.length);
      // gradient buffers for the averaged gradient: backpropagating 0·Σθ allocates them
      parameters.values().forEach(t -> t.mul(0f).sum().backward());
    }

    void restore() {
      if (config.checkpoint().isEmpty() || !Files.exists(config.checkpoint().get())) {
        return;
      }
      try {
        Map<String, Tensor> state = new LinkedHashMap<>();
        DriverCheckpoint.Position at = DriverCheckpoint.read(config.checkpoint().get(), settings,
            parameters, state);
        optimizer.loadState(state);
        epoch = at.nextEpoch();
        step = at.globalStep();
        losses = new ArrayList<>(at.epochLosses());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot resume from " + config.checkpoint().get(), e);
      }
    }

    void loop() {
      for (; epoch < config.epochs(); epoch++) {
        double weightSeen = 0;
        double lossSum = 0;
        int stride = config.averaging() == Averaging.GRADIENTS ? 1 : config.localSteps();
        for (int s = 0; s < stepsPerEpoch; s += stride) {
          int steps = Math.min(stride, stepsPerEpoch - s);
          StepPlan plan = new StepPlan(config.seed(), epoch, s, steps, step + 1, localBatch,
              config.clipNorm());
          BlockSum sum = config.averaging() == Averaging.GRADIENTS ? gradientStep(plan)
              : localSteps(plan);
          weightSeen += sum.scalar(0);
          lossSum += sum.scalar(1);
          step += config.averaging() == Averaging.GRADIENTS ? 1 : steps;
        }
        losses.add(lossSum / weightSeen);
        save(epoch + 1);
        listener.onEpoch(epoch + 1, config.epochs(), lossSum / weightSeen, step);
      }
    }

    BlockSum gradientStep(StepPlan plan) {
      Broadcast<float[]> weights = sc.broadcast(layout.flatten(parameters));
      try {
        BlockSum sum = BlockSum.treeSum(rows.mapPartitionsWithIndex(
            new GradientStep<E>(weights, layout, spec, plan), true), fanIn());
        double n = sum.scalar(0);
        float[] g = sum.vector();
        int at = 0;
        for (Tensor p : parameters.values()) {
          float[] grad = p.grad().data();
          for (int i = 0; i < grad.length; i++) {
            grad[i] = (float) (g[at + i] / n);
          }
          at += grad.length;
        }
        double norm = config.clipNorm() > 0
            ? GradientClipping.clipByGlobalNorm(parameters.values(), config.clipNorm())
            : GradientClipping.globalNorm(parameters.values());
        if (!Double.isFinite(norm) || !Double.isFinite(sum.scalar(1))) {
          throw diverged(plan, norm, sum.scalar(1) / n);
        }
        optimizer.step();
        return sum;
      } finally {
        weights.destroy();
      }
    }

    BlockSum localSteps(StepPlan plan) {
      Map<String, Tensor> state = optimizer.state();
      FlatLayout stateLayout = FlatLayout.of(state);
      float[] theta = layout.flatten(parameters);
      float[] moments = stateLayout.flatten(state);
      float[] start = new float[theta.length + moments.length];
      System.arraycopy(theta, 0, start, 0, theta.length);
      System.arraycopy(moments, 0, start, theta.length, moments.length);
      Broadcast<float[]> broadcast = sc.broadcast(start);
      try {
        BlockSum sum = BlockSum.treeSum(rows.mapPartitionsWithIndex(
            new LocalSteps<E>(broadcast, layout, stateLayout, spec, plan), true), fanIn());
        double w = sum.scalar(0);
        float[] total = sum.vector();
        float[] mean = new float[total.length];
        for (int i = 0; i < total.length; i++) {
          mean[i] = (float) (total[i] / w);
        }
        if (!Double.isFinite(sum.scalar(1))) {
          throw diverged(plan, Double.NaN, sum.scalar(1) / w);
        }
        layout.copyInto(mean, 0, parameters);
        stateLayout.copyInto(mean, theta.length, state);
        // every replica that trained the whole round took plan.steps() steps
        Map<String, Tensor> before = optimizer.state();
        state.replaceAll((name, t) -> name.startsWith("step.")
            ? Tensor.scalar(before.get(name).item() + plan.steps()) : t);
        optimizer.loadState(state);
        return sum;
      } finally {
        broadcast.destroy();
      }
    }

    int fanIn() {
      return BlockSum.powerOfTwoAtMost(config.treeFanIn());
    }

    IllegalStateException diverged(StepPlan plan, double norm, double loss) {
      return new IllegalStateException(String.format(Locale.ROOT, "training diverged at epoch %d,"
          + " step %d (global step %d): loss %s, gradient norm %s; the parameters were not"
          + " updated%s", plan.epoch() + 1, plan.stepInEpoch() + 1, plan.globalStep(), loss, norm,
          config.checkpoint().map(p -> "; the last good checkpoint is " + p).orElse("")));
    }

    void save(int nextEpoch) {
      if (config.checkpoint().isEmpty()) {
        return;
      }
      try {
        DriverCheckpoint.write(config.checkpoint().get(), parameters, optimizer.state(),
            settings, new DriverCheckpoint.Position(nextEpoch, step, List.copyOf(losses)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write checkpoint " + config.checkpoint().get(), e);
      }
    }
  }
}
