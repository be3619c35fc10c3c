/**
 * The sequence-tagging task family (many-to-many, Tx = Ty): one tag per token, e.g. named
 * entities in BIO tags. Word embeddings, optionally joined by character features (a character
 * GRU over each word's spelling), feed a stacked bidirectional recurrent layer and a linear layer
 * over the tag set. Belongs here: the model recipe ({@link org.rnn4j.task.tag.Tagger}), its
 * configuration and model file, and the training objective. Does not belong here: generic layers
 * ({@code nn}), metrics ({@code metrics}), readers of tagged corpora ({@code data.format}).
 */
package org.rnn4j.task.tag;
