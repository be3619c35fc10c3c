/**
 * Losses, each a single autograd node with a fused forward and backward: softmax cross-entropy
 * (masks, ignore index, label smoothing), binary cross-entropy on logits, mean squared and mean
 * absolute error. Every loss averages over the elements that count, so padding never changes it.
 * Does not belong here: metrics that are not differentiated (package {@code train}).
 */
package org.rnn4j.loss;
