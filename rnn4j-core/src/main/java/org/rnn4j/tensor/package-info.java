/**
 * Tensors and reverse-mode automatic differentiation.
 *
 * <p>A {@link org.rnn4j.tensor.Tensor} is a shape plus a contiguous row-major {@code float[]}.
 * Ops (elementwise with suffix broadcasting, matrix products, softmax, reductions, reshape, slice,
 * concatenation, embedding lookup, dropout) build a dynamic graph when an input requires
 * gradients; {@code backward()} on a scalar walks it in reverse. Each op class holds the forward
 * and backward of its ops side by side. {@link org.rnn4j.tensor.NoGrad} switches recording off.
 *
 * <p>Belongs here: ops that any model may compose. Does not belong here: hot loops on raw arrays
 * (package {@code kernel}), layers with parameters ({@code nn}), fused recurrent layers with
 * their own backpropagation through time ({@code nn.recurrent}).
 *
 * <p>Dimension names used in shape comments: B batch, T time, I input features, O output
 * features, V vocabulary, E embedding size, C classes (the last axis of softmax); a matrix
 * product's own sizes are BLAS's M, N, K: A (M, K) · B (K, N).
 */
package org.rnn4j.tensor;
