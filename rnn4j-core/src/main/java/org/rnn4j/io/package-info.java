/**
 * Files: the safetensors container that rnn4j model files are made of.
 *
 * <p>{@link org.rnn4j.io.Safetensors} writes tensors and string metadata atomically and reads
 * them back after validating every byte of the header against the file, so a damaged or hostile
 * file fails with a {@link org.rnn4j.io.ModelFormatException} that says what is wrong, never with
 * another exception, a hang or a huge allocation. The layout and rules are in
 * {@code docs/model-format.md}. {@link org.rnn4j.io.AtomicFiles} is how every file rnn4j writes
 * (model files, charts, forecasts, ONNX exports) reaches disk: whole, or not at all.
 *
 * <p>Belongs here: container formats and their validation, and writing files atomically. Does not belong here: what the
 * tensors and metadata mean (model configuration, vocabulary, provenance); that is the model-file
 * layer built on top of this package.
 */
package org.rnn4j.io;
