/**
 * Recurrent layers: the vanilla RNN, GRU and LSTM cells and {@link
 * org.rnn4j.nn.recurrent.Recurrent}, the layer that owns time (stacking, directions, lengths,
 * initial and final states) and whose backward pass is hand-written backpropagation through time.
 *
 * <p>Dimension names: B batch, T time steps, I input features, H hidden units, G gates (1 RNN,
 * 3 GRU, 4 LSTM), GH = G·H, L layers, D directions (1 or 2); for a first layer that reads token
 * ids through an embedding, V vocabulary and E embedding size (E = I).
 *
 * <p>Belongs here: the cells' step equations and the time loop. Does not belong here: heads,
 * losses or tasks built on top of recurrent layers.
 */
package org.rnn4j.nn.recurrent;
