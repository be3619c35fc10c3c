package org.rnn4j.kernel;

/**
 * The arguments of one {@link Backend#multiplyBlock} call: a block of rows of C against a run of
 * packed B panels over one K block. One instance per thread is refilled for every block, so the
 * hot path allocates nothing.
 *
 * <pre>
 * C block:  (i, j) at c[cOff + i·ldc + j], i in [0, rows), j in [0, (panels−1)·NR + lastWidth)
 * A:        (rows, kc), (i, p) at a[aOff + i·lda + p]: op(A) itself when it is stored row by
 *           row, or its rows packed into a scratch block (lda = kc) when it is transposed
 * B packed: panel q (kc, NR) at bOff + q·bPanelStride, its row p at + p·NR, zero padded
 * </pre>
 */
final class Block {
  float[] c; // (rows, ldc) window of C
  int cOff;
  int ldc;
  int rows;
  float[] a; // (rows, lda) window of op(A)
  int aOff;
  int lda;
  float[] bPack; // (panels, kc, NR) with stride bPanelStride between panels
  int bOff;
  int bPanelStride;
  int panels;
  int lastWidth;
  int kc;
  boolean add;
  /**
   * The order of the register tiles: each group of rows across every panel before the next
   * group (C written row by row), or each panel down every row before the next panel (the panel
   * kept in cache for all the rows).
   */
  boolean acrossPanels;
  final float[] edge; // (MR, NR) scratch for ragged tiles

  Block(int edgeSize) {
    edge = new float[edgeSize];
  }

  /** Columns of C in panel {@code q}: NR, or fewer for the last panel. */
  int width(int q, int panelWidth) {
    return q == panels - 1 ? lastWidth : panelWidth;
  }
}
