package org.rnn4j.task.classify;

/**
 * How a {@link Classifier} turns the recurrent outputs of a sequence into one vector. Each uses
 * only the sequence's real steps t &lt; length, so padding never changes the result.
 *
 * <pre>
 * LAST   h_n of the top layer: the forward direction's state after the sequence's own last step,
 *        concatenated (bidirectional) with the reverse direction's state after reading back to
 *        position 0, as PyTorch's h_n                                        (B, D·H)
 * MEAN   (1/length) Σ_{t &lt; length} output⟨t⟩                              (B, D·H)
 * MAX    max_{t &lt; length} output⟨t⟩, elementwise                          (B, D·H)
 * </pre>
 */
public enum Pooling {
  LAST,
  MEAN,
  MAX
}
