/**
 * Text to token ids and back: tokenizers ({@link org.rnn4j.text.CharTokenizer}, {@link
 * org.rnn4j.text.WordTokenizer}), the {@link org.rnn4j.text.Vocabulary} with its special tokens
 * and stable ids (saved into model files as JSON), one-hot encoding ({@link
 * org.rnn4j.text.OneHot}, the textbook's word representation) and index encoding for embeddings
 * ({@link org.rnn4j.text.TextCodec}), and the source and target codecs of a sequence-to-sequence
 * model stored as one ({@link org.rnn4j.text.TextCodecPair}).
 *
 * <p>Dimension names: B batch, T time steps, V vocabulary size.
 *
 * <p>Belongs here: turning strings into ids and ids into strings or one-hot tensors. Does not
 * belong here: examples, batches and file readers (package {@code org.rnn4j.data}).
 */
package org.rnn4j.text;
