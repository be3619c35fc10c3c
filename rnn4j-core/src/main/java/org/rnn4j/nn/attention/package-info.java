/**
 * Attention of a decoder state over encoder states, masked by the encoder lengths: additive
 * (Bahdanau) and multiplicative (Luong "general" and "dot") scores behind one sealed interface,
 * {@link org.rnn4j.nn.attention.Attention}.
 *
 * <pre>
 * e_j = score(s, h_j)                       j = 0 … Tx−1
 * α_j = exp(e_j) / Σ_{k &lt; len} exp(e_k)    for j &lt; len;  α_j = 0 for j ≥ len (padding)
 * c   = Σ_j α_j h_j
 * </pre>
 *
 * <p>Dimension names: B batch, Tx source (encoder) steps, Hs query (decoder state) size, He key
 * (encoder state) size, A attention size of the additive score.
 *
 * <p>Belongs here: attention scores, the masked softmax over source positions and the context
 * vector, with the small fused ops they need (each with a hand-written backward). Does not belong
 * here: the encoder–decoder model, its decoding loop or its loss.
 */
package org.rnn4j.nn.attention;
