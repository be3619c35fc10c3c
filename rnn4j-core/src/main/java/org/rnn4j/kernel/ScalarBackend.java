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

  @Override
  public void lstmForward(float[] preIh, int preIhOff, float[] hh, int hhOff, float[] biasIh,
      float[] biasHh, float[] c, int cPrevOff, int cOutOff, float[] saved, int savedOff,
      float[] h, int hOff, int n) {
    lstmTail(preIh, preIhOff, hh, hhOff, biasIh, biasHh, c, cPrevOff, cOutOff, saved, savedOff,
        h, hOff, n, 0);
  }

  /** {@link #lstmForward} for the units [from, n) only. */
  void lstmTail(float[] preIh, int preIhOff, float[] hh, int hhOff, float[] biasIh,
      float[] biasHh, float[] c, int cPrevOff, int cOutOff, float[] saved, int savedOff,
      float[] h, int hOff, int n, int from) {
    for (int j = from; j < n; j++) {
      float i = ExpPolynomial.sigmoid(
          preActivation(preIh, preIhOff, hh, hhOff, biasIh, biasHh, j));
      float f = ExpPolynomial.sigmoid(
          preActivation(preIh, preIhOff, hh, hhOff, biasIh, biasHh, n + j));
      float g = ExpPolynomial.tanh(
          preActivation(preIh, preIhOff, hh, hhOff, biasIh, biasHh, 2 * n + j));
      float o = ExpPolynomial.sigmoid(
          preActivation(preIh, preIhOff, hh, hhOff, biasIh, biasHh, 3 * n + j));
      float cell = f * c[cPrevOff + j] + i * g;
      float tanhCell = ExpPolynomial.tanh(cell);
      saved[savedOff + j] = i;
      saved[savedOff + n + j] = f;
      saved[savedOff + 2 * n + j] = g;
      saved[savedOff + 3 * n + j] = o;
      saved[savedOff + 4 * n + j] = tanhCell;
      c[cOutOff + j] = cell;
      h[hOff + j] = o * tanhCell;
    }
  }

  @Override
  public void lstmBackward(float[] saved, int savedOff, float[] c, int cPrevOff, float[] dh,
      float[] dc, int dOff, float[] dPre, int dPreOff, float[] dhPrev, float[] dcPrev, int n) {
    lstmBackwardTail(saved, savedOff, c, cPrevOff, dh, dc, dOff, dPre, dPreOff, dhPrev, dcPrev,
        n, 0);
  }

  /** {@link #lstmBackward} for the units [from, n) only. */
  void lstmBackwardTail(float[] saved, int savedOff, float[] c, int cPrevOff, float[] dh,
      float[] dc, int dOff, float[] dPre, int dPreOff, float[] dhPrev, float[] dcPrev, int n,
      int from) {
    for (int j = from; j < n; j++) {
      float i = saved[savedOff + j];
      float f = saved[savedOff + n + j];
      float g = saved[savedOff + 2 * n + j];
      float o = saved[savedOff + 3 * n + j];
      float tanhCell = saved[savedOff + 4 * n + j];
      float dhj = dh[dOff + j];
      float dcj = dc[dOff + j] + dhj * o * (1f - tanhCell * tanhCell);
      dPre[dPreOff + j] = dcj * g * i * (1f - i);
      dPre[dPreOff + n + j] = dcj * c[cPrevOff + j] * f * (1f - f);
      dPre[dPreOff + 2 * n + j] = dcj * i * (1f - g * g);
      dPre[dPreOff + 3 * n + j] = dhj * tanhCell * o * (1f - o);
      dcPrev[dOff + j] = dcj * f;
      dhPrev[dOff + j] = 0f;
    }
  }

  /** The pre-activation of gate column k: ((W_ih·x)_k + b_ih,k) + (W_hh·h)_k) + b_hh,k. */
  private static float preActivation(float[] preIh, int preIhOff, float[] hh, int hhOff,
      float[] biasIh, float[] biasHh, int k) {
    return preIh[preIhOff + k] + biasIh[k] + hh[hhOff + k] + biasHh[k];
  }

  @Override
  public void sgd(float[] theta, float[] grad, double lr, double lambda, int from, int to) {
    for (int i = from; i < to; i++) {
      double g = grad[i] + lambda * theta[i];
      theta[i] = (float) (theta[i] - lr * g);
    }
  }

  @Override
  public void adam(float[] theta, float[] grad, float[] expAvg, float[] expAvgSq,
      float[] maxExpAvgSq, Updates.AdamStep s, int from, int to) {
    double beta1 = s.beta1();
    double beta2 = s.beta2();
    double l2 = s.l2();
    double shrink = s.shrink();
    double stepSize = s.stepSize();
    double bias2Sqrt = s.bias2Sqrt();
    double eps = s.eps();
    for (int i = from; i < to; i++) {
      double g = grad[i] + l2 * theta[i];
      double m = beta1 * expAvg[i] + (1 - beta1) * g;
      double v = beta2 * expAvgSq[i] + (1 - beta2) * g * g;
      expAvg[i] = (float) m;
      expAvgSq[i] = (float) v;
      if (maxExpAvgSq != null) {
        v = Math.max(maxExpAvgSq[i], v);
        maxExpAvgSq[i] = (float) v;
      }
      theta[i] = (float) (theta[i] * shrink - stepSize * m / (Math.sqrt(v) / bias2Sqrt + eps));
    }
  }
}
