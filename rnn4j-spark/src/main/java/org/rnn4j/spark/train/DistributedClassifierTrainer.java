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
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rnn4j.optim.GradientClipping;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.task.CommonOptions;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.classify.ClassifierConfig;
import org.rnn4j.task.classify.ClassifierInput;
import org.rnn4j.task.classify.Pooling;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.text.TextCodec;
import org.rnn4j.train.TrainingResult;

/**
 * Trains a text classifier (the classify family) on a {@code Dataset<Row>} of labelled texts,
 * data-parallel and synchronous: the driver holds the model and the optimizer, each partition
 * trains a replica on its own rows, and the replicas are combined every step ({@link
 * Averaging#GRADIENTS}) or every k steps ({@link Averaging#PARAMETERS}).
 *
 * <pre>{@code
 * DistributedTrainingResult run = DistributedClassifierTrainer.of(spark,
 *         DistributedConfig.of(5, 42).withBatchSize(64),
 *         Map.of("hidden", "64", "embedding", "32"))
 *     .fit(reviews, "review", "sentiment");
 * run.model().save(Path.of("sentiment.safetensors"), ModelFile.Provenance.now(42, ""));
 * }</pre>
 *
 * <p>The model, its vocabulary and its labels are those the command line's {@code rnn4j train
 * --task classify} builds from the same options and rows (labels sorted, vocabulary by count),
 * and the weights start from the same seed. A step trains on ⌈B / P⌉ rows of every partition;
 * an epoch has as many steps as the largest partition has local batches. The run is bit-for-bit
 * the same for the same seed, partitioning and settings, whatever the executors' speed.
 */
public final class DistributedClassifierTrainer {
  /** The options {@link #of} reads. */
  public static final java.util.Set<String> OPTIONS = java.util.Collections.unmodifiableSet(
      new java.util.TreeSet<>(List.of("cell", "hidden", "layers", "dropout", "bidirectional",
          "embedding", "pooling", "tokens", "min-count", "max-vocabulary", "lower-case")));

  private final SparkSession spark;
  private final DistributedConfig config;
  private final Map<String, String> options;
  private final EpochListener listener;

  private DistributedClassifierTrainer(SparkSession spark, DistributedConfig config,
      Map<String, String> options, EpochListener listener) {
    this.spark = spark;
    this.config = config;
    this.options = Map.copyOf(options);
    this.listener = listener;
  }

  /**
   * @param spark the session
   * @param config how to train
   * @param options the classify family's model and text options as the command line names them
   *     without dashes: {@code cell}, {@code hidden}, {@code layers}, {@code dropout}, {@code
   *     bidirectional}, {@code embedding}, {@code pooling}, {@code tokens}, {@code min-count},
   *     {@code max-vocabulary}, {@code lower-case}
   * @return the trainer
   * @throws IllegalArgumentException naming an option that is none of these
   */
  public static DistributedClassifierTrainer of(SparkSession spark, DistributedConfig config,
      Map<String, String> options) {
    for (String name : options.keySet()) {
      if (!OPTIONS.contains(name)) {
        throw new IllegalArgumentException("option '" + name + "' is not a model or text option"
            + " of distributed classifier training: the options are " + OPTIONS);
      }
    }
    return new DistributedClassifierTrainer(spark, config, options, (e, n, loss, steps) -> { });
  }

  /** This trainer telling {@code value} about every epoch's end. */
  public DistributedClassifierTrainer withListener(EpochListener value) {
    return new DistributedClassifierTrainer(spark, config, options, value);
  }

  /**
   * Trains on every row.
   *
   * @param data the training rows
   * @param textColumn the texts
   * @param labelColumn the labels (any type; compared as strings)
   * @return the trained model and how the run went
   * @throws IllegalArgumentException naming a missing column, a column with nulls, an option, or
   *     a checkpoint written with other settings
   * @throws UncheckedIOException if the checkpoint cannot be read or written
   */
  public DistributedTrainingResult fit(Dataset<Row> data, String textColumn, String labelColumn) {
    TrainingData.check(data, textColumn, labelColumn);
    List<String> labels = TrainingData.labels(data, labelColumn);
    TextCodec codec = TrainingData.codec(data, textColumn, options);
    ClassifierConfig modelConfig = modelConfig(codec, labels);
    Classifier model = new Classifier(modelConfig, new SplittableRandom(config.seed()));
    JavaRDD<Encoded> rows = TrainingData.encode(data, textColumn, labelColumn, codec, labels);
    try {
      long[] sizes = TrainingData.partitionSizes(rows);
      Run run = new Run(model, rows, sizes, ReplicaSpec.of(modelConfig, config.optimization(),
          config.learningRate()), codec.vocabulary().padId());
      run.restore();
      run.loop();
      TrainingResult result = new TrainingResult(config.epochs(), run.step, false, false,
          Optional.empty(), Map.of());
      return new DistributedTrainingResult(new TrainedModel(model, modelConfig,
          Optional.of(codec.toJson()), result), List.copyOf(run.losses), run.step,
          sizes.length, run.stepsPerEpoch);
    } finally {
      rows.unpersist(false);
    }
  }

  private ClassifierConfig modelConfig(TextCodec codec, List<String> labels) {
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

  /** The driver's side of one run. */
  private final class Run {
    final Classifier model;
    final Map<String, Tensor> parameters;
    final Optimizer optimizer;
    final FlatLayout layout;
    final JavaRDD<Encoded> rows;
    final ReplicaSpec spec;
    final int padId;
    final int localBatch;
    final int stepsPerEpoch;
    final JavaSparkContext sc;
    final Map<String, String> settings;
    int epoch;
    long step;
    List<Double> losses = new ArrayList<>();

    Run(Classifier model, JavaRDD<Encoded> rows, long[] sizes, ReplicaSpec spec, int padId) {
      this.model = model;
      this.parameters = model.parameters();
      this.optimizer = config.optimization().build(parameters, config.learningRate());
      this.layout = FlatLayout.of(parameters);
      this.rows = rows;
      this.spec = spec;
      this.padId = padId;
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
      this.settings = DriverCheckpoint.settings(config, sizes.length);
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
        double rowsSeen = 0;
        double lossSum = 0;
        int stride = config.averaging() == Averaging.GRADIENTS ? 1 : config.localSteps();
        for (int s = 0; s < stepsPerEpoch; s += stride) {
          int steps = Math.min(stride, stepsPerEpoch - s);
          StepPlan plan = new StepPlan(config.seed(), epoch, s, steps, step + 1, localBatch,
              padId, config.clipNorm());
          BlockSum sum = config.averaging() == Averaging.GRADIENTS ? gradientStep(plan)
              : localSteps(plan);
          rowsSeen += sum.scalar(0);
          lossSum += sum.scalar(1);
          step += config.averaging() == Averaging.GRADIENTS ? 1 : steps;
        }
        losses.add(lossSum / rowsSeen);
        save(epoch + 1);
        listener.onEpoch(epoch + 1, config.epochs(), lossSum / rowsSeen, step);
      }
    }

    BlockSum gradientStep(StepPlan plan) {
      Broadcast<float[]> weights = sc.broadcast(layout.flatten(parameters));
      try {
        BlockSum sum = BlockSum.treeSum(rows.mapPartitionsWithIndex(
            new GradientStep(weights, layout, spec, plan), true), fanIn());
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
            new LocalSteps(broadcast, layout, stateLayout, spec, plan), true), fanIn());
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
