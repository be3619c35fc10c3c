package org.rnn4j.spark.train;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.rnn4j.optim.GradientClipping;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.tensor.Tensor;

/**
 * One partition's part of a parameter-averaged round: from the driver's weights θ and optimizer
 * state, up to k local steps of the partition's own batches, each clipped and stepped by the
 * replica's optimizer; it returns w·[θ_p | state_p], w = Σ n the weight of the batches it
 * trained on (0 if it had no batch left), n a local batch's weight (its rows for a classifier,
 * its real target tokens for the token-level families), for the driver's weighted mean.
 * Scalars: [w, Σ n·L, steps taken].
 *
 * @param <E> the family's cached row
 */
final class LocalSteps<E> implements Function2<Integer, Iterator<E>, Iterator<BlockSum>> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<float[]> start; // (N + M): θ, then the optimizer's state
  private final FlatLayout parameters;
  private final FlatLayout state;
  private final ReplicaSpec spec;
  private final StepPlan plan;

  LocalSteps(Broadcast<float[]> start, FlatLayout parameters, FlatLayout state, ReplicaSpec spec,
      StepPlan plan) {
    this.start = start;
    this.parameters = parameters;
    this.state = state;
    this.spec = spec;
    this.plan = plan;
  }

  @Override
  public Iterator<BlockSum> call(Integer partition, Iterator<E> rows) {
    List<E> all = new ArrayList<>();
    rows.forEachRemaining(all::add);
    int b = plan.localBatch();
    int[] order = LocalBatches.order(plan.seed(), plan.epoch(), partition, all.size(), b);
    int n = parameters.size() + state.size();
    if (plan.stepInEpoch() >= order.length) {
      return List.of(BlockSum.of(partition, new float[n], 0, 0, 0)).iterator();
    }
    Replica replica = Replica.take(spec);
    try {
      float[] values = start.value();
      parameters.copyInto(values, 0, replica.parameters);
      Optimizer optimizer = replica.optimizer();
      Map<String, Tensor> optimizerState = optimizer.state();
      state.copyInto(values, parameters.size(), optimizerState);
      optimizer.loadState(optimizerState);
      double trained = 0;
      double lossSum = 0;
      int taken = 0;
      for (int s = plan.stepInEpoch(); s < plan.stepInEpoch() + plan.steps() && s < order.length;
          s++) {
        int from = order[s] * b;
        int to = Math.min(from + b, all.size());
        Replica.Pass pass = replica.backward(all, from, to,
            LocalBatches.stepRandom(plan.seed(), plan.globalStep() + taken, partition));
        if (plan.clipNorm() > 0) {
          GradientClipping.clipByGlobalNorm(replica.parameters.values(), plan.clipNorm());
        }
        optimizer.step();
        trained += pass.weight();
        lossSum += pass.weight() * (double) pass.loss();
        taken++;
      }
      float w = (float) trained;
      float[] out = new float[n];
      float[] theta = parameters.flatten(replica.parameters);
      float[] moments = state.flatten(optimizer.state());
      for (int i = 0; i < theta.length; i++) {
        out[i] = w * theta[i];
      }
      for (int i = 0; i < moments.length; i++) {
        out[theta.length + i] = w * moments[i];
      }
      return List.of(BlockSum.of(partition, out, trained, lossSum, taken)).iterator();
    } finally {
      Replica.give(replica);
    }
  }
}
