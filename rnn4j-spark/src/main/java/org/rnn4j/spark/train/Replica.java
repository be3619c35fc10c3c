package org.rnn4j.spark.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.rnn4j.data.ClassifyBatch;
import org.rnn4j.data.ClassifyExample;
import org.rnn4j.data.Collate;
import org.rnn4j.data.TokenIds;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.classify.ClassifierObjective;
import org.rnn4j.tensor.Tensor;

/**
 * One executor task's copy of the classifier, its objective and (for local steps) its optimizer.
 * A replica trains on one thread at a time; an executor JVM keeps a pool of them per spec, so
 * that its task threads build each only once.
 */
final class Replica {
  private static final Map<ReplicaSpec, Queue<Replica>> POOL = new ConcurrentHashMap<>();

  final Classifier model;
  final ClassifierObjective objective;
  final Map<String, Tensor> parameters;
  private final ReplicaSpec spec;
  private Optimizer optimizer;

  private Replica(ReplicaSpec spec) {
    this.spec = spec;
    this.model = spec.newModel();
    this.objective = new ClassifierObjective(model);
    this.parameters = model.parameters();
  }

  /** A replica of the spec from this JVM's pool, built when the pool has none free. */
  static Replica take(ReplicaSpec spec) {
    Replica r = POOL.computeIfAbsent(spec, s -> new ConcurrentLinkedQueue<>()).poll();
    return r != null ? r : new Replica(spec);
  }

  /** Gives a replica back to the pool. */
  static void give(Replica replica) {
    POOL.get(replica.spec).add(replica);
  }

  /** The optimizer over this replica's parameters, built on first use. */
  Optimizer optimizer() {
    if (optimizer == null) {
      optimizer = spec.optimization().build(parameters, spec.learningRate());
    }
    return optimizer;
  }

  /**
   * One training pass over rows [from, to) of a partition: clears every parameter's gradient,
   * puts the model in training mode with {@code rng} as its source of dropout masks, and leaves
   * ∂L/∂θ of the batch's mean loss L in the parameters' gradients.
   *
   * @param rows the partition's rows
   * @param from the first
   * @param to after the last
   * @param padId the vocabulary's padding id
   * @param rng this step's randomness
   * @return L
   */
  float backward(List<Encoded> rows, int from, int to, int padId, SplittableRandom rng) {
    parameters.values().forEach(Tensor::zeroGrad);
    model.train(rng);
    Tensor loss = objective.trainLoss(batch(rows, from, to, padId), rng);
    loss.backward();
    return loss.item();
  }

  /**
   * The batch of rows [from, to) of a partition's rows.
   *
   * @param rows the partition's rows
   * @param from the first
   * @param to after the last
   * @param padId the vocabulary's padding id
   * @return the padded batch
   */
  static ClassifyBatch batch(List<Encoded> rows, int from, int to, int padId) {
    List<ClassifyExample> examples = new ArrayList<>(to - from);
    int[] indices = new int[to - from];
    for (int i = from; i < to; i++) {
      examples.add(new ClassifyExample(new TokenIds(rows.get(i).ids()), rows.get(i).label()));
      indices[i - from] = i - from;
    }
    return Collate.classify(examples, indices, padId);
  }
}
