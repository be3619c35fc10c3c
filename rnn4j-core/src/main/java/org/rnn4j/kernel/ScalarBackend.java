package org.rnn4j.kernel;

/**
 * Plain-Java kernels: used when the Vector API is not enabled, or when forced with
 * {@code -Drnn4j.kernel=scalar}. They follow the same accumulation order as the vector kernels
 * ({@link Math#fma} from zero over the K block, then one add into C), so both give the same bits.
 */
final class ScalarBackend implements Backend {
  private static final int PANEL_WIDTH = 16;
  private static final int ROW_BLOCK = 1;

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public int panelWidth() {
    return PANEL_WIDTH;
  }

  @Override
  public int rowBlock() {
    return ROW_BLOCK;
  }

  @Override
  public void multiplyBlock(Block blk) {
    float[] acc = blk.edge; // (NR)
    int kc = blk.kc;
    for (int q = 0; q < blk.panels; q++) {
      int width = blk.width(q, PANEL_WIDTH);
      int bBase = blk.bOff + q * blk.bPanelStride;
      for (int i = 0; i < blk.rows; i++) {
        java.util.Arrays.fill(acc, 0, width, 0f);
        int aRow = blk.aOff + i * blk.lda;
        for (int p = 0; p < kc; p++) {
          float aip = blk.a[aRow + p];
          int bRow = bBase + p * PANEL_WIDTH;
          for (int j = 0; j < width; j++) {
            acc[j] = Math.fma(aip, blk.bPack[bRow + j], acc[j]);
          }
        }
        int cRow = blk.cOff + i * blk.ldc + q * PANEL_WIDTH;
        for (int j = 0; j < width; j++) {
          blk.c[cRow + j] = blk.add ? blk.c[cRow + j] + acc[j] : acc[j];
        }
      }
    }
  }

  @Override
  public void laneSums(float[] a, int a0, int a1, int a2, int a3, float[] b, int b0, int b1,
      int b2, int b3, int k16, float[] lanes) {
    NarrowProduct.scalarLaneSums(a, a0, a1, a2, a3, b, b0, b1, b2, b3, k16, lanes);
  }

  @Override
  public void exp(float[] out, int outOff, float[] in, int inOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = ExpPolynomial.exp(in[inOff + i]);
    }
  }

  @Override
  public void tanh(float[] out, int outOff, float[] in, int inOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = ExpPolynomial.tanh(in[inOff + i]);
    }
  }

  @Override
  public void sigmoid(float[] out, int outOff, float[] in, int inOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = ExpPolynomial.sigmoid(in[inOff + i]);
    }
  }
}
