package org.rnn4j.spark.train;

import java.io.Serializable;
import java.util.OptionalDouble;
import org.rnn4j.train.Optimization;

/**
 * What an executor needs to build a replica of the driver's model: the family's part (the
 * model's config, the batching) and the optimizer's kind, momentum and weight decay (for local
 * steps under parameter averaging). The replica's weights are overwritten from the driver's
 * before every use.
 *
 * @param family builds the model, its objective and its batches
 * @param optimizer the update rule
 * @param momentum μ
 * @param weightDecay λ, NaN for the rule's default
 * @param learningRate η
 */
record ReplicaSpec(ReplicaFamily<?, ?> family, Optimization.Kind optimizer, double momentum,
    double weightDecay, double learningRate) implements Serializable {

  static ReplicaSpec of(ReplicaFamily<?, ?> family, Optimization optimization,
      double learningRate) {
    OptionalDouble lambda = optimization.weightDecay();
    return new ReplicaSpec(family, optimization.optimizer(), optimization.momentum(),
        lambda.isPresent() ? lambda.getAsDouble() : Double.NaN, learningRate);
  }

  /** The optimization as the driver has it. */
  Optimization optimization() {
    return Optimization.DEFAULT.withOptimizer(optimizer, momentum,
        Double.isNaN(weightDecay) ? OptionalDouble.empty() : OptionalDouble.of(weightDecay));
  }
}
