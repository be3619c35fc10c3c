package org.rnn4j.tensor;

import org.rnn4j.kernel.Gemm;
import org.rnn4j.kernel.GemmShape;
import org.rnn4j.kernel.Sizes;

/**
 * Matrix products through the GEMM kernels.
 *
 * <pre>
 * C = A · B      A (M, K), B (K, N):  dA += dC · Bᵀ,  dB += Aᵀ · dC
 * C = A · Bᵀ     A (M, K), B (N, K):  dA += dC · B,   dB += dCᵀ · A
 * </pre>
 * A may have any number of leading dimensions; they are flattened into M = B·T·….
 */
final class MatmulOps {
  private MatmulOps() {}

  static Tensor matmul(Tensor a, Tensor b, boolean transB) {
    String op = transB ? "matmulT" : "matmul";
    if (b.rank() != 2) {
      throw new IllegalArgumentException(
          op + ": the right operand must be 2-D, got shape " + Shapes.str(b.shape()));
    }
    if (a.rank() < 1) {
      throw new IllegalArgumentException(op + ": the left operand must have at least one dimension");
    }
    int k = a.dim(-1);
    int bk = transB ? b.dim(1) : b.dim(0);
    int n = transB ? b.dim(0) : b.dim(1);
    if (k != bk) {
      throw new IllegalArgumentException(
          op + ": inner dimensions must agree: expected right operand " + (transB ? "(N, " + k + ")"
              : "(" + k + ", N)") + ", got " + Shapes.str(b.shape()) + " (left operand shape "
              + Shapes.str(a.shape()) + ")");
    }
    int m = k == 0 ? Shapes.outer(a.shape(), a.rank() - 1) : a.size() / k;
    int[] outShape = Shapes.with(a.shape(), a.rank() - 1, n);
    float[] c = new float[Sizes.product(m, n)]; // (M, N)
    if (transB && b.frozen() && !Gemm.dotProducts(n)) {
      Gemm.multiply(c, 0, a.data(), 0, false, m, b.packedTranspose(), false);
    } else {
      Gemm.multiply(c, 0, a.data(), 0, b.data(), 0, new GemmShape(m, n, k, false, transB), false);
    }
    return Tensor.result(c, outShape, dc -> backward(a, b, transB, dc, m, n, k), a, b);
  }

  private static void backward(Tensor a, Tensor b, boolean transB, float[] dc, int m, int n, int k) {
    if (a.requiresGrad()) {
      // dA (M, K) += dC (M, N) · op(B)ᵀ: B stored (K, N) → transposed; stored (N, K) → as is
      Gemm.multiply(a.gradBuffer(), 0, dc, 0, b.data(), 0, new GemmShape(m, k, n, false, !transB),
          true);
    }
    if (b.requiresGrad()) {
      if (transB) {
        // dB (N, K) += dCᵀ (N, M) · A (M, K)
        Gemm.multiply(b.gradBuffer(), 0, dc, 0, a.data(), 0, new GemmShape(n, k, m, true, false),
            true);
      } else {
        // dB (K, N) += Aᵀ (K, M) · dC (M, N)
        Gemm.multiply(b.gradBuffer(), 0, a.data(), 0, dc, 0, new GemmShape(k, n, m, true, false),
            true);
      }
    }
  }
}
