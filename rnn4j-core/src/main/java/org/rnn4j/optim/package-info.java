/**
 * Training updates: the optimizers ({@link org.rnn4j.optim.Sgd}, {@link org.rnn4j.optim.RmsProp},
 * {@link org.rnn4j.optim.Adam}, {@link org.rnn4j.optim.AdamW}, behind the sealed {@link
 * org.rnn4j.optim.Optimizer}), clipping of gradients ({@link org.rnn4j.optim.GradientClipping})
 * and learning-rate schedules ({@link org.rnn4j.optim.LearningRateSchedule}, {@link
 * org.rnn4j.optim.ReduceOnPlateau}).
 *
 * <p>Semantics, defaults and state names are PyTorch's ({@code torch.optim}), checked against it
 * on fixtures written by tools/fixtures/make_optimizer_fixtures.py. Parameters and optimizer
 * buffers are float32; each element's update is computed in double and rounded once.
 *
 * <p>Notation: θ a parameter, g its gradient, t its step count (from 1), lr the learning rate,
 * λ weight decay, μ momentum, m and v first and second moment estimates.
 *
 * <p>Belongs here: what changes parameters given their gradients, and the rates it uses. Does not
 * belong here: losses ({@code loss}), the training loop, checkpoint files and early stopping
 * ({@code train}).
 */
package org.rnn4j.optim;
