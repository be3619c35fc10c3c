package org.rnn4j.nn.recurrent;

import java.util.List;
import org.rnn4j.tensor.Tensor;

/**
 * When a first layer that reads token ids through an embedding E (V, E) projects them through
 * the tables T = E·W_ihᵀ (V, GH), one per direction ({@link TableProjection}), instead of looking
 * up X = E[ids] and multiplying X·W_ihᵀ; and the tables kept for frozen weights.
 *
 * <pre>
 * a call of B·T ids (padded positions included, as the dense product has B·T rows) uses tables when
 *   E and every W_ih are frozen and D·V·GH ≤ KEPT_MAX_FLOATS kept: computed once, then only gathers
 *   or V &lt; B·T                                               computed for the call
 * cost per direction:  tables V·E·GH (+ 2·V·E·GH backward)  against  B·T·E·GH (+ 2·B·T·E·GH)
 * </pre>
 * With frozen weights the table pays from the second call on whatever the batch, which is what
 * decoding one token at a time needs: a gather of one row per sequence instead of a product.
 */
final class InputTables {
  /** The most floats kept in the tables of one layer, all directions together: 2^24 (64 MB). */
  static final long KEPT_MAX_FLOATS = 1L << 24;

  private final List<DirectionWeights> firstLayer; // (D)
  private final List<FrozenTable> kept; // (D)

  /**
   * @param firstLayer the weights of the first layer's directions
   */
  InputTables(List<DirectionWeights> firstLayer) {
    this.firstLayer = List.copyOf(firstLayer);
    this.kept = firstLayer.stream().map(w -> new FrozenTable(w.weightIh())).toList();
  }

  /**
   * Whether a call of {@code rows} = B·T ids uses tables (the rule in the class comment).
   *
   * @param embedding E (V, E)
   */
  boolean applies(Tensor embedding, int rows) {
    return keeps(embedding) || embedding.dim(0) < rows;
  }

  /** Whether tables of {@code embedding} are kept: E and W_ih frozen, D·V·GH small enough. */
  private boolean keeps(Tensor embedding) {
    if (!embedding.frozen()) {
      return false;
    }
    long floats = 0;
    for (DirectionWeights w : firstLayer) {
      if (!w.weightIh().frozen()) {
        return false;
      }
      floats += (long) embedding.dim(0) * w.weightIh().dim(0);
    }
    return floats <= KEPT_MAX_FLOATS;
  }

  /**
   * The table of one direction for a call that {@link #applies}: the kept one, or one computed
   * for the call.
   *
   * @param direction 0 forward, 1 reverse
   * @param embedding E (V, E)
   * @return T (V, GH); release it when the call is done
   */
  InputTable table(int direction, Tensor embedding) {
    return keeps(embedding) ? kept.get(direction).get(embedding)
        : InputTable.forCall(embedding, firstLayer.get(direction).weightIh());
  }

  /** The values of a direction's kept table (V, GH), or null while none is kept. */
  float[] keptValues(int direction) {
    return kept.get(direction).peek();
  }
}
