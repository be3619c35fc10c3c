package org.rnn4j.spark.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.classify.ClassifierConfig;
import org.rnn4j.train.Optimization;

/**
 * What an executor needs to build a replica of the driver's classifier: its config as JSON and
 * the optimizer's kind, momentum and weight decay (for local steps under parameter averaging).
 * The replica's weights are overwritten from the driver's before every use.
 *
 * @param configJson the {@link ClassifierConfig} as JSON
 * @param optimizer the update rule
 * @param momentum μ
 * @param weightDecay λ, NaN for the rule's default
 * @param learningRate η
 */
record ReplicaSpec(String configJson, Optimization.Kind optimizer, double momentum,
    double weightDecay, double learningRate) implements Serializable {

  static ReplicaSpec of(ClassifierConfig config, Optimization optimization, double learningRate) {
    OptionalDouble lambda = optimization.weightDecay();
    return new ReplicaSpec(config.toJson().toString(), optimization.optimizer(),
        optimization.momentum(), lambda.isPresent() ? lambda.getAsDouble() : Double.NaN,
        learningRate);
  }

  /** The classifier's config. */
  ClassifierConfig config() {
    try {
      return ClassifierConfig.fromJson(new ObjectMapper().readTree(configJson),
          Path.of("distributed-training"));
    } catch (JsonProcessingException | ModelFormatException e) {
      throw new IllegalStateException("the driver sent a classifier config that does not read"
          + " back: " + e.getMessage(), e);
    }
  }

  /** The optimization as the driver has it. */
  Optimization optimization() {
    return Optimization.DEFAULT.withOptimizer(optimizer, momentum,
        Double.isNaN(weightDecay) ? OptionalDouble.empty() : OptionalDouble.of(weightDecay));
  }

  /** A new classifier of this config, its weights to be overwritten. */
  Classifier newModel() {
    return new Classifier(config(), new SplittableRandom(0));
  }
}
