/**
 * Neural-network building blocks with parameters. {@link org.rnn4j.nn.Module} names parameters as
 * PyTorch does. Belongs here: layers and their composition. Does not belong here: the ops they
 * are made of ({@code tensor}), losses ({@code loss}), optimizers ({@code optim}).
 */
package org.rnn4j.nn;
