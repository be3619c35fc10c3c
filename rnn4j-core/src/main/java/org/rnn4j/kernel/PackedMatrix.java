package org.rnn4j.kernel;

/**
 * An immutable copy of op(B), shape (k, n), laid out for the GEMM micro-kernels: column panels
 * of NR floats, each panel (k, NR) contiguous and the last one zero padded.
 *
 * <pre>
 * panels: (⌈n / NR⌉, k, NR)    op(B)[p, j] at (j / NR)·k·NR + p·NR + j % NR
 * </pre>
 *
 * <p>Create one with {@link Gemm#pack} when the same B multiplies many left-hand sides, as a
 * recurrent weight W_hh does at every time step, and pass it to {@link Gemm#multiply(float[],
 * int, float[], int, boolean, int, PackedMatrix, boolean)}. NR depends on the kernel backend;
 * a packed matrix is always multiplied by the backend that packed it.
 */
public final class PackedMatrix {
  /**
   * Matrices of at least this many floats (256 KB) are packed on several threads: packing moves
   * about 1–2 floats per ns per core here, so below this the hand-off would cost more than it
   * saves.
   */
  private static final long PARALLEL_MIN_FLOATS = 1 << 16;
  private final int k;
  private final int n;
  private final Backend backend;
  private final float[] panels; // (⌈n/NR⌉, k, NR)

  PackedMatrix(int k, int n, Backend backend, float[] panels) {
    this.k = k;
    this.n = n;
    this.backend = backend;
    this.panels = panels;
  }

  /** Floats needed to pack a (k, n) matrix for a backend. */
  static long size(int k, int n, Backend backend) {
    int nr = backend.panelWidth();
    return (long) ((n + nr - 1) / nr) * nr * k;
  }

  /**
   * B as the caller stores it.
   *
   * @param b the array holding B, (k, n), or (n, k) when {@code transB}
   * @param bOff offset of B in {@code b}
   * @param k rows of op(B)
   * @param n columns of op(B)
   * @param transB whether B is stored transposed, (n, k)
   */
  record Source(float[] b, int bOff, int k, int n, boolean transB) {}

  /**
   * Packs op(B) into {@code panels}; shared by {@link Gemm#pack} and the per-call packing of
   * unpacked products. Large matrices are packed on {@link Parallelism#threads()} threads, each
   * taking a run of panels.
   *
   * @param panels destination, at least {@link #size} floats; modified
   * @param src B as stored; read only
   */
  static PackedMatrix pack(Backend backend, float[] panels, Source src) {
    int nr = backend.panelWidth();
    int count = (src.n() + nr - 1) / nr;
    int parts = (long) src.k() * src.n() < PARALLEL_MIN_FLOATS
        ? 1 : Math.min(count, Parallelism.threads());
    int chunk = (count + parts - 1) / parts;
    Parallelism.run(parts, t -> {
      for (int q = t * chunk; q < Math.min(count, (t + 1) * chunk); q++) {
        packPanel(panels, nr, q, src);
      }
    });
    return new PackedMatrix(src.k(), src.n(), backend, panels);
  }

  /** Packs column panel {@code q} of op(B), (k, nr) at q·k·nr, zero padding past column n. */
  private static void packPanel(float[] panels, int nr, int q, Source src) {
    int k = src.k();
    int n = src.n();
    int j0 = q * nr;
    int width = Math.min(nr, n - j0);
    int base = q * k * nr;
    if (src.transB()) {
      packTransposedPanel(panels, base, nr, src, j0, width);
    } else {
      for (int p = 0; p < k; p++) {
        System.arraycopy(src.b(), src.bOff() + p * n + j0, panels, base + p * nr, width);
      }
    }
    if (width < nr) {
      for (int p = 0; p < k; p++) {
        java.util.Arrays.fill(panels, base + p * nr + width, base + (p + 1) * nr, 0f);
      }
    }
  }

  /**
   * Writes columns [j0, j0 + width) of op(B) = Bᵀ, B stored (n, k), as one panel: {@code
   * panel[p·nr + j] = B[j0 + j, p]}. Takes the rows of B eight at a time, each read front to back
   * (eight streams the prefetcher follows) into eight adjacent floats of each panel row. Against
   * tiles of 16 values of p over all the panel's rows (32 rows read at once), alternating on 2
   * cores of an AMD EPYC, sources from memory: a 2048 × 512 W packed in 0.66 → 0.35 ms on two
   * threads (1.26 → 0.66 on one), a 4096 × 1024 W in 2.62 → 1.43 ms (4.95 → 3.03).
   *
   * @param panels destination panel (k, nr) at {@code base}; modified
   */
  private static void packTransposedPanel(
      float[] panels, int base, int nr, Source src, int j0, int width) {
    float[] b = src.b();
    int k = src.k();
    int j = 0;
    for (; j + 8 <= width; j += 8) {
      int s = src.bOff() + (j0 + j) * k; // B[j0 + j, 0]
      for (int p = 0, dst = base + j; p < k; p++, dst += nr, s++) {
        panels[dst] = b[s];
        panels[dst + 1] = b[s + k];
        panels[dst + 2] = b[s + 2 * k];
        panels[dst + 3] = b[s + 3 * k];
        panels[dst + 4] = b[s + 4 * k];
        panels[dst + 5] = b[s + 5 * k];
        panels[dst + 6] = b[s + 6 * k];
        panels[dst + 7] = b[s + 7 * k];
      }
    }
    for (; j < width; j++) { // the last panel's rows past a multiple of eight
      int s = src.bOff() + (j0 + j) * k;
      for (int p = 0, dst = base + j; p < k; p++, dst += nr) {
        panels[dst] = b[s + p];
      }
    }
  }

  /** Rows of op(B): the contracted dimension of the product. */
  public int k() {
    return k;
  }

  /** Columns of op(B) and of C. */
  public int n() {
    return n;
  }

  /** Element {@code op(B)[p, j]}. */
  float get(int p, int j) {
    int nr = backend.panelWidth();
    return panels[(j / nr) * k * nr + p * nr + j % nr];
  }

  Backend backend() {
    return backend;
  }

  float[] panels() {
    return panels;
  }

  @Override
  public String toString() {
    return "PackedMatrix[k=" + k + ", n=" + n + ", " + backend.name() + "]";
  }
}
