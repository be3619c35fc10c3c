package org.rnn4j.nn.recurrent;

import org.rnn4j.kernel.BufferPool;
import org.rnn4j.kernel.Gemm;
import org.rnn4j.kernel.GemmShape;
import org.rnn4j.kernel.Sizes;
import org.rnn4j.tensor.Tensor;

/**
 * P = X·W_ihᵀ for a first layer that reads token ids through an embedding E: every row of X is a
 * row of E, X = E[ids], so P's rows are rows of the table T = E·W_ihᵀ.
 *
 * <pre>
 * table:     T = E·W_ihᵀ                      (V, GH)     V·E·GH multiply-adds, not T·B·E·GH
 * forward:   P[r] = T[id[r]]                   (T·B, GH)   a copy per real row; read in place
 *                                                            when no backward pass follows
 * backward:  dT[v] = Σ_{r : id[r] = v} dP[r]   (V, GH)     padded rows (id −1) add nothing
 *            dW_ih += dTᵀ·E                    (GH, E)
 *            dE    += dT·W_ih                  (V, E)
 * </pre>
 * The ids are in the direction's step order ({@link StepOrder#gatherIds}); the backward pass
 * scatters by the same array, so the reverse direction's rows go to the ids they read.
 */
final class TableProjection implements InputProjection {
  private final int[] stepIds; // (T, B) id of each row in step order, −1 at padded steps
  private final InputTable table; // T (V, GH)
  private final Tensor embedding; // E (V, E)
  private final Tensor weightIh; // W_ih (GH, E)
  private boolean released;

  /**
   * @param stepIds (T, B) the id each row reads, in step order; {@link StepOrder#PADDED} at
   *     padded steps
   * @param table T = E·W_ihᵀ (V, GH)
   * @param embedding E (V, E)
   * @param weightIh W_ih (GH, E)
   */
  TableProjection(int[] stepIds, InputTable table, Tensor embedding, Tensor weightIh) {
    this.stepIds = stepIds;
    this.table = table;
    this.embedding = embedding;
    this.weightIh = weightIh;
  }

  @Override
  public void forward(float[] preIh) {
    int gh = weightIh.dim(0);
    float[] t = table.values(); // (V, GH)
    for (int r = 0; r < stepIds.length; r++) {
      if (stepIds[r] != StepOrder.PADDED) {
        System.arraycopy(t, stepIds[r] * gh, preIh, r * gh, gh);
      }
    }
  }

  /** The table's rows themselves: row (s, b) of P is row id(s, b) of T, nothing copied. */
  @Override
  public ProjectedRows forwardInPlace() {
    int gh = weightIh.dim(0);
    int[] offsets = new int[stepIds.length]; // (T, B)
    for (int r = 0; r < stepIds.length; r++) {
      offsets[r] = stepIds[r] == StepOrder.PADDED ? StepOrder.PADDED : stepIds[r] * gh;
    }
    return new ProjectedRows(table.values(), offsets);
  }

  @Override
  public void backward(float[] dPre, float[] dWeightIh, float[] dInput) {
    if (dWeightIh == null && dInput == null) {
      return;
    }
    int v = embedding.dim(0);
    int e = embedding.dim(1);
    int gh = weightIh.dim(0);
    // (V, GH) zeroed; smaller than dP, since a gradient is wanted only when no table is kept
    // and then V < T·B (see InputTables)
    float[] dTable = BufferPool.take(Sizes.product(v, gh));
    for (int r = 0; r < stepIds.length; r++) {
      if (stepIds[r] != StepOrder.PADDED) {
        int to = stepIds[r] * gh;
        int from = r * gh;
        for (int j = 0; j < gh; j++) {
          dTable[to + j] += dPre[from + j];
        }
      }
    }
    if (dWeightIh != null) {
      Gemm.multiply(dWeightIh, 0, dTable, 0, embedding.data(), 0,
          new GemmShape(gh, e, v, true, false), true);
    }
    if (dInput != null) {
      Gemm.multiply(dInput, 0, dTable, 0, weightIh.data(), 0,
          new GemmShape(v, e, gh, false, false), true);
    }
    BufferPool.give(dTable);
  }

  @Override
  public void release() {
    if (!released) {
      released = true;
      table.release();
    }
  }
}
