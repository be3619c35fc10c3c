package org.rnn4j.kernel;

/**
 * The hot loops that differ between the Vector API and plain Java: the GEMM micro-kernels over
 * one cache block, the lane sums of the dot products of {@link NarrowProduct}, the elementwise
 * activations and the LSTM cell fused around them, and the optimizers' updates ({@link
 * Updates}). Everything else (packing, blocking, threads, argument checks) is shared and lives in
 * {@link BlockedGemm}, {@link Activations} and {@link Updates}.
 *
 * <p>Exactly two implementations exist: {@link ScalarBackend} and {@code VectorBackend}, which is
 * the only class in rnn4j that touches {@code jdk.incubator.vector} and is loaded reflectively by
 * {@link Backends} only when that module is in the boot layer.
 */
interface Backend {

  /** A short name for logs and benchmarks, such as {@code "vector-avx512(16 floats)"}. */
  String name();

  /** NR: the columns of op(B) in one packed panel. */
  int panelWidth();

  /**
   * MR: the rows of the largest register tile; products split across threads by rows split them
   * in multiples of it, and a tile's scratch holds MR × NR values.
   */
  int rowBlock();

  /**
   * Computes one cache block: {@code C[rows, panels·NR] (+)= A · Bpanels} over {@code kc}.
   * Every element of C is formed as {@code acc = 0; acc = fma(a_p, b_p, acc) for p in order;
   * c = add ? c + acc : acc}, so all backends and all tilings give bit-identical results.
   *
   * @param block the operands and sizes; {@code block.c} is modified
   */
  void multiplyBlock(Block block);

  /**
   * The 16 lane sums of four dot products of {@link NarrowProduct}: {@code lanes[16·q + l] = }
   * the chain of fused multiply-adds, from 0, of {@code a[a_q + p]·b[b_q + p]} over p = l, l + 16,
   * … &lt; k16, for q = 0 … 3.
   *
   * @param k16 a multiple of 16
   * @param lanes (4, 16) written
   */
  void laneSums(float[] a, int a0, int a1, int a2, int a3, float[] b, int b0, int b1, int b2,
      int b3, int k16, float[] lanes);

  /** {@code out[i] = e^in[i]} for i in [0, n); modifies {@code out} only. */
  void exp(float[] out, int outOff, float[] in, int inOff, int n);

  /** {@code out[i] = tanh(in[i])} for i in [0, n); modifies {@code out} only. */
  void tanh(float[] out, int outOff, float[] in, int inOff, int n);

  /** {@code out[i] = 1 / (1 + e^-in[i])} for i in [0, n); modifies {@code out} only. */
  void sigmoid(float[] out, int outOff, float[] in, int inOff, int n);

  /** One row of an LSTM step, as {@link Activations#lstmForward} defines it (arguments checked). */
  void lstmForward(float[] preIh, int preIhOff, float[] hh, int hhOff, float[] biasIh,
      float[] biasHh, float[] c, int cPrevOff, int cOutOff, float[] saved, int savedOff,
      float[] h, int hOff, int n);

  /** One row of an LSTM step's backward pass, as {@link Activations#lstmBackward} defines it. */
  void lstmBackward(float[] saved, int savedOff, float[] c, int cPrevOff, float[] dh,
      float[] dc, int dOff, float[] dPre, int dPreOff, float[] dhPrev, float[] dcPrev, int n);

  /** {@link Updates#sgd} (arguments checked). */
  void sgd(float[] theta, float[] grad, double lr, double lambda, int from, int to);

  /** {@link Updates#adam} (arguments checked). */
  void adam(float[] theta, float[] grad, float[] expAvg, float[] expAvgSq, float[] maxExpAvgSq,
      Updates.AdamStep step, int from, int to);
}
