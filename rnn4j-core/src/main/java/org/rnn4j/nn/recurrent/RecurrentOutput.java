package org.rnn4j.nn.recurrent;

import org.rnn4j.tensor.Tensor;

/**
 * What a {@link Recurrent} call returns.
 *
 * @param output the last layer's outputs at every step (B, T, D·H), directions concatenated
 *     (forward first); zero at padded steps. From {@link Recurrent#step} it is (B, D·H).
 * @param state the final state of every layer and direction: for each sequence, the state at its
 *     own last step
 */
public record RecurrentOutput(Tensor output, RecurrentState state) {}
