package org.rnn4j.train;

import org.rnn4j.kernel.Sizes;

/**
 * A long token stream cut for truncated backpropagation through time: the stream is split into B
 * parallel streams of n = ⌊(N − 1)/B⌋ tokens, and each batch holds the next k steps of every
 * stream. Batches must be visited in order; each continues the previous one, so a model carries
 * its (detached) state from batch to batch and gradients flow back at most k steps.
 *
 * <pre>
 * stream b = tokens[b·n … (b+1)·n]           batch i: ids = stream[·, i·k … i·k + k), targets shifted by 1
 * </pre>
 */
public final class TruncatedBptt implements BatchSource<TokenBatch> {
  private final int[] tokens; // (N)
  private final int batch; // B
  private final int chunk; // k
  private final int perStream; // n: inputs per stream

  /**
   * @param tokens the stream of ids (N)
   * @param batch B, parallel streams
   * @param chunk k, steps per batch (the truncation length)
   * @throws IllegalArgumentException when the stream is too short for one step per stream
   */
  public TruncatedBptt(int[] tokens, int batch, int chunk) {
    if (batch < 1 || chunk < 1) {
      throw new IllegalArgumentException("batch and chunk must be at least 1: got batch=" + batch
          + ", chunk=" + chunk);
    }
    this.tokens = tokens;
    this.batch = batch;
    this.chunk = chunk;
    this.perStream = tokens.length < 2 ? 0 : (tokens.length - 1) / batch;
    if (perStream < 1) {
      throw new IllegalArgumentException("a stream of " + tokens.length + " tokens is too short"
          + " for " + batch + " parallel streams (needs at least " + (batch + 1) + ")");
    }
  }

  @Override
  public int size() {
    return (perStream + chunk - 1) / chunk;
  }

  @Override
  public boolean ordered() {
    return true;
  }

  @Override
  public TokenBatch batch(int index) {
    int from = index * chunk;
    int steps = Math.min(chunk, perStream - from);
    int[] ids = new int[Sizes.product(batch, steps)];
    int[] targets = new int[Sizes.product(batch, steps)];
    int[] lengths = new int[batch];
    for (int b = 0; b < batch; b++) {
      int start = b * perStream + from;
      System.arraycopy(tokens, start, ids, b * steps, steps);
      System.arraycopy(tokens, start + 1, targets, b * steps, steps);
      lengths[b] = steps;
    }
    return new TokenBatch(ids, targets, lengths, index > 0);
  }
}
