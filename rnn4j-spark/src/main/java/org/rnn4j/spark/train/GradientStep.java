package org.rnn4j.spark.train;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * One partition's part of a gradient-averaged step: the gradient of the mean loss over its local
 * batch, weighted by the batch's weight n_p (its rows for a classifier, its real target tokens
 * for the token-level families), so that the driver's Σ_p n_p·∇L_p / Σ_p n_p is the gradient of
 * the mean loss over the step's B rows. Scalars: [n_p, n_p·L_p].
 *
 * @param <E> the family's cached row
 */
final class GradientStep<E> implements Function2<Integer, Iterator<E>, Iterator<BlockSum>> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<float[]> weights; // (N)
  private final FlatLayout layout;
  private final ReplicaSpec spec;
  private final StepPlan plan;

  GradientStep(Broadcast<float[]> weights, FlatLayout layout, ReplicaSpec spec, StepPlan plan) {
    this.weights = weights;
    this.layout = layout;
    this.spec = spec;
    this.plan = plan;
  }

  @Override
  public Iterator<BlockSum> call(Integer partition, Iterator<E> rows) {
    List<E> all = new ArrayList<>();
    rows.forEachRemaining(all::add);
    int b = plan.localBatch();
    int[] order = LocalBatches.order(plan.seed(), plan.epoch(), partition, all.size(), b);
    if (plan.stepInEpoch() >= order.length) {
      return List.of(BlockSum.of(partition, new float[layout.size()], 0, 0)).iterator();
    }
    int from = order[plan.stepInEpoch()] * b;
    int to = Math.min(from + b, all.size());
    Replica replica = Replica.take(spec);
    try {
      layout.copyInto(weights.value(), 0, replica.parameters);
      Replica.Pass pass = replica.backward(all, from, to,
          LocalBatches.stepRandom(plan.seed(), plan.globalStep(), partition));
      float n = pass.weight();
      return List.of(BlockSum.of(partition, layout.gradients(replica.parameters, n), n,
          n * pass.loss())).iterator();
    } finally {
      Replica.give(replica);
    }
  }
}
