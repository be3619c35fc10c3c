/**
 * The sequence-tagging task family (many-to-many, Tx = Ty): one tag per token, e.g. named
 * entities in BIO tags. Word embeddings, optionally joined by character features (a character
 * GRU over each word's spelling), feed a stacked bidirectional recurrent layer and a linear layer
 * over the tag set.
 *
 * <p>Belongs here: the model recipe ({@link org.rnn4j.task.tag.Tagger}), its configuration and
 * model file ({@link org.rnn4j.task.tag.TaggerConfig}, with the spellings of {@link
 * org.rnn4j.task.tag.CharFeatures}), the vocabularies and batches of tagged sentences ({@link
 * org.rnn4j.task.tag.TaggerData}), the training objective, the family's entry in the task
 * registry ({@link org.rnn4j.task.tag.TagFamily}) and the thread-safe inference class ({@link
 * org.rnn4j.task.tag.SentenceTagger}, giving {@link org.rnn4j.task.tag.TagPrediction}s and {@link
 * org.rnn4j.task.tag.TagEvaluation}s). Does not belong here: generic layers ({@code nn}), metrics
 * ({@code metrics}), readers of tagged corpora ({@code data.format}).
 */
package org.rnn4j.task.tag;
