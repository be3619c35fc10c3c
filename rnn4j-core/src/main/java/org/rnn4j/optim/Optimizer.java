package org.rnn4j.optim;

import java.util.Map;
import org.rnn4j.tensor.Tensor;

/**
 * Updates named parameters from their gradients: {@link Sgd}, {@link RmsProp}, {@link Adam} and
 * {@link AdamW}, each with PyTorch's semantics and state names.
 *
 * <p>A training step is {@code zeroGrad()}, forward, {@code loss.backward()}, optionally
 * {@link GradientClipping}, then {@code step()}. A parameter without a gradient buffer (no
 * backward pass has reached it) is skipped by {@code step()} and its step count does not advance,
 * as PyTorch skips a parameter whose {@code grad} is {@code None}.
 *
 * <p>The learning rate is not part of {@link #state()}: it comes from the config and from the
 * {@link LearningRateSchedule} or {@link ReduceOnPlateau} that sets it, which are restored on
 * their own.
 */
public sealed interface Optimizer permits Sgd, RmsProp, Adam, AdamW {

  /** Applies one update to every parameter that has a gradient. */
  void step();

  /** Clears the accumulated gradients of every parameter (keeps the buffers). */
  void zeroGrad();

  /**
   * The learning rate used by the next {@link #step()}.
   *
   * @return the rate, ≥ 0
   */
  double learningRate();

  /**
   * Sets the learning rate used from the next {@link #step()} on (schedules call this).
   *
   * @param rate the new rate; 0 is allowed (a schedule may reach it)
   * @throws IllegalArgumentException if {@code rate} is negative or not finite
   */
  void setLearningRate(double rate);

  /**
   * A copy of the optimizer's state for a checkpoint: for every parameter {@code p}, the scalar
   * {@code step.p} (updates applied to p) and one tensor of p's shape per buffer, keyed {@code
   * <buffer>.p} with PyTorch's buffer names ({@code momentum_buffer}, {@code square_avg}, {@code
   * grad_avg}, {@code exp_avg}, {@code exp_avg_sq}, {@code max_exp_avg_sq}).
   *
   * @return an ordered map of new tensors (later steps do not change them)
   * @throws IllegalStateException if a step count exceeds 2²⁴, which a float32 scalar cannot hold
   *     exactly
   */
  Map<String, Tensor> state();

  /**
   * Restores a state exported by {@link #state()} of an optimizer of the same kind and
   * configuration over parameters of the same names and shapes. Nothing changes unless all of it
   * is valid.
   *
   * @param state the state; its tensors are copied
   * @throws IllegalArgumentException naming every missing or unexpected key and every shape
   *     mismatch, or a step count that is not a non-negative integer
   */
  void loadState(Map<String, Tensor> state);
}
