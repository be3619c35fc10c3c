/**
 * Examples, batches and the plans that make them: an example for each task shape ({@link
 * org.rnn4j.data.ClassifyExample} sequence → label, {@link org.rnn4j.data.TagExample} sequence →
 * sequence of equal length, {@link org.rnn4j.data.Seq2SeqExample} sequence → sequence of another
 * length, {@link org.rnn4j.data.ForecastExample} sequence → next values); padding into batches
 * with lengths and masks ({@link org.rnn4j.data.Collate}); bucketing by length and seeded
 * shuffling ({@link org.rnn4j.data.BatchPlan}); seeded splits ({@link org.rnn4j.data.Split}); and
 * streaming of text larger than memory for language models ({@link
 * org.rnn4j.data.LanguageModelStream}).
 *
 * <p>Dimension names: B batch, T time steps (the longest length in a batch), F features per step,
 * H forecast horizon, V vocabulary size. Padded arrays are row-major: element (b, t) of an id
 * array (B, T) sits at {@code b * T + t}. Padded steps hold the padding id (inputs) or {@link
 * org.rnn4j.data.Collate#IGNORE_INDEX} (targets), and their mask is 0.
 *
 * <p>Belongs here: the shapes of data between files and models. Does not belong here: file
 * formats (sub-package {@code format}), tokenization (package {@code org.rnn4j.text}), or any
 * particular dataset (module {@code rnn4j-datasets}).
 */
package org.rnn4j.data;
