/**
 * Losses, each a single autograd node with a fused forward and backward: softmax cross-entropy
 * (masks, ignore index, label smoothing), also fused with the linear output layer before it
 * ({@link org.rnn4j.loss.LinearCrossEntropy}, which holds the logits of one chunk of rows at a
 * time), binary cross-entropy on logits, mean squared and mean absolute error, and the CTC
 * loss of unsegmented label sequences ({@link org.rnn4j.loss.CtcLoss}, forward–backward in log
 * space, labels in {@link org.rnn4j.loss.CtcTargets}). Every loss averages over the elements
 * that count, so padding never changes it.
 * Does not belong here: metrics that are not differentiated (package {@code train}).
 */
package org.rnn4j.loss;
