package org.rnn4j.spark.train;

/** How the replicas on the executors are combined into the driver's model. */
public enum Averaging {
  /**
   * Every step, each partition's gradient of its local batch, weighted by the batch's weight n_p
   * (its rows, or its real target tokens for the token-level families); the driver clips and
   * steps: g = Σ_p n_p·∇L_p / Σ_p n_p, the single-machine step on one batch of B rows. N floats up per partition and N down per step.
   */
  GRADIENTS,
  /**
   * Every k steps, each partition runs k local steps of its own optimizer from the driver's
   * weights and optimizer state; the driver averages the weights and the optimizer's moment
   * buffers, weighted by the rows (or target tokens) each replica trained on: θ = Σ_p w_p·θ_p /
   * Σ_p w_p. About 3N floats (Adam: θ, m, v) each way per k steps.
   */
  PARAMETERS
}
