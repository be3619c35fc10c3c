/**
 * The sequence-classification task family (many-to-one): token ids through an embedding, or
 * feature vectors directly, into a stacked (optionally bidirectional) recurrent layer, pooled over
 * each sequence's real steps (last state, mean or max) and mapped to class scores. Belongs here:
 * the model recipe ({@link org.rnn4j.task.classify.Classifier}), its configuration and model file,
 * the pooling ops and the training objective. Does not belong here: generic layers ({@code nn}),
 * metrics ({@code metrics}), training loops ({@code train}).
 */
package org.rnn4j.task.classify;
