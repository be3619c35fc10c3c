/**
 * The language-model task family (one-to-many generation): embedding → stacked unidirectional
 * recurrent layer → linear layer over the vocabulary, trained to predict the next token.
 *
 * <ul>
 *   <li>{@link org.rnn4j.task.lm.LanguageModel} and {@link org.rnn4j.task.lm.LanguageModelConfig}:
 *       the model (a module tree {@code embedding}, {@code rnn}, {@code fc}) and its shape.
 *   <li>{@link org.rnn4j.task.lm.LanguageModelData} and {@link
 *       org.rnn4j.task.lm.LanguageModelObjective}: texts as next-token batches, and the loss
 *       (carrying the state across the batches of a stream).
 *   <li>{@link org.rnn4j.task.lm.LmFamily}: the family as the task registry offers it (training
 *       from a text file, one text per line).
 *   <li>{@link org.rnn4j.task.lm.TextGenerator}: a trained model loaded for use, immutable and
 *       thread-safe: generation ({@link org.rnn4j.decode.GenerationConfig}), scores per text
 *       ({@link org.rnn4j.task.lm.TextScore}) and corpus perplexity ({@link
 *       org.rnn4j.task.lm.PerplexityEvaluation}).
 * </ul>
 *
 * <p>Belongs here: the model recipe, its config and model file, its loss, batching of texts, and
 * its use on text. Does not belong here: generic layers ({@code nn}), sampling, beam search and
 * scoring over any next-token model ({@code decode}), training loops ({@code train}), music
 * tokens ({@code music}).
 */
package org.rnn4j.task.lm;
