/**
 * Decoding: turning a model's next-token logits into tokens, and scoring token sequences.
 *
 * <p>Dimensions: B batch, T time, V vocabulary. Belongs here: {@link org.rnn4j.decode.Sampler}s
 * (greedy; temperature, top-k and top-p sampling, composable), {@link
 * org.rnn4j.decode.Generator} (priming, then autoregressive generation with the recurrent state
 * carried, one or many sequences per batch), {@link org.rnn4j.decode.BeamSearch} (the k most
 * probable continuations, with length normalisation, all hypotheses in one batch per step),
 * {@link org.rnn4j.decode.Scorer} (log-likelihood and perplexity of sequences, batched and
 * padding-invariant), and {@link
 * org.rnn4j.decode.NextTokenModel}, the small view of a model they need. The decoding of CTC
 * frame outputs is in the subpackage {@code decode.ctc}. Does not belong here:
 * model recipes and their losses ({@code task}), training ({@code train}), tokenization ({@code
 * text}).
 */
package org.rnn4j.decode;
