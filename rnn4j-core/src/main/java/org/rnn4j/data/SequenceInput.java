package org.rnn4j.data;

/** One input sequence: token ids for an embedding, or feature vectors. */
public sealed interface SequenceInput permits TokenIds, Features {

  /** T, the number of time steps. */
  int length();
}
