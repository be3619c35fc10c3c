package org.rnn4j.spark.train;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.rnn4j.nn.Module;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.train.Objective;

/**
 * One executor task's copy of the model, its family's objective and (for local steps) its
 * optimizer. A replica trains on one thread at a time; an executor JVM keeps a pool of them per
 * spec, so that its task threads build each only once.
 */
final class Replica {
  private static final Map<ReplicaSpec, Queue<Replica>> POOL = new ConcurrentHashMap<>();

  /** What one training pass gave: the batch's mean loss L and its weight w. */
  record Pass(float loss, float weight) {}

  final Module model;
  final Map<String, Tensor> parameters;
  private final ReplicaSpec spec;
  private final ReplicaFamily<Object, Object> family;
  private final Objective<Object> objective;
  private Optimizer optimizer;

  @SuppressWarnings("unchecked")
  private Replica(ReplicaSpec spec) {
    this.spec = spec;
    this.family = (ReplicaFamily<Object, Object>) spec.family();
    this.objective = family.objective();
    this.model = objective.model();
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
   * @param rng this step's randomness
   * @return L and the batch's weight w
   */
  Pass backward(List<?> rows, int from, int to, SplittableRandom rng) {
    parameters.values().forEach(Tensor::zeroGrad);
    model.train(rng);
    @SuppressWarnings("unchecked")
    Object batch = family.batch((List<Object>) rows, from, to);
    Tensor loss = objective.trainLoss(batch, rng);
    loss.backward();
    return new Pass(loss.item(), family.weight(objective, batch, to - from));
  }
}
