/**
 * The language-model task family (one-to-many generation): embedding → stacked recurrent layer →
 * linear layer over the vocabulary, trained to predict the next token. Belongs here: the model
 * recipe and its loss. Does not belong here: generic layers ({@code nn}), training loops
 * ({@code train}).
 */
package org.rnn4j.task.lm;
