package org.rnn4j.task.seq2seq;

/** The attention score of a {@link Seq2Seq} decoder (see {@code org.rnn4j.nn.attention}). */
public enum AttentionKind {
  /** Bahdanau: e = vᵀ tanh(W_s s + W_h h), attention size A = H. */
  ADDITIVE,
  /** Luong "general": e = sᵀ W h. */
  MULTIPLICATIVE
}
