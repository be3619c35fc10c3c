/**
 * The sequence-to-sequence task family (many-to-many, Tx ≠ Ty): an encoder–decoder with attention
 * for translation, date normalisation, spelling to sound.
 *
 * <pre>
 * encoder:  h_j = RNN_enc(E_x[x_j], h_{j−1})                 j &lt; Tx_b, masked by source lengths
 * decoder:  s_t = RNN_dec([E_y[y_{t−1}]; c_{t−1}], s_{t−1})  input feeding, y_0 = &lt;bos&gt;, c_0 = 0
 *           c_t, α_t = attention(s_t, h_{0…Tx_b−1})
 *           z_t = W_o [s_t; c_t] + b_o                        logits over the target vocabulary
 * </pre>
 *
 * <p>Dimension names: B batch, Tx source steps, T target steps (the lecture's Ty), H hidden
 * units per direction, D encoder directions, He = D·H encoder output size, E_x and E_y embedding
 * sizes, V target vocabulary.
 *
 * <p>The family ({@link org.rnn4j.task.seq2seq.Seq2SeqFamily}, "seq2seq") trains on a parallel
 * TSV and loads a model file as a {@link org.rnn4j.task.seq2seq.Translator}: immutable and
 * thread-safe, text in, translations with their attention out, evaluated by {@link
 * org.rnn4j.task.seq2seq.TranslationEvaluation}.
 *
 * <p>Belongs here: the model recipe ({@link org.rnn4j.task.seq2seq.Seq2Seq}, a module tree), its
 * configuration ({@link org.rnn4j.task.seq2seq.Seq2SeqConfig}, the encoder as a {@code
 * RecurrentSpec}) and model file, greedy decoding and beam search with attention weights (the
 * beam search itself is {@code decode.BeamSearch}, reached through {@code SourceDecoder}), the
 * teacher-forcing training objective, text-to-text translation with the two codecs and its
 * corpus scores ({@link org.rnn4j.task.seq2seq.TranslationScores}: BLEU, CER, exact match, token
 * accuracy from {@code metrics}). Does not belong here: the attention scores themselves ({@code
 * nn.attention}), the recurrent layers ({@code nn.recurrent}), batching ({@code data}), training
 * loops ({@code train}) or the command line.
 */
package org.rnn4j.task.seq2seq;
