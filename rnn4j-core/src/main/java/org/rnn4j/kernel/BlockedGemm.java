package org.rnn4j.kernel;

/**
 * The cache-blocked, multi-threaded driver around the micro-kernels of a {@link Backend}:
 * {@code C(m, n) (+)= op(A)(m, k) · B(k, n)} with B already packed.
 *
 * <pre>
 * for each run of NC_PANELS column panels          (B block (KC, NC); with m ≤ MC, 8 panels
 *                                                  so that the (m, NC) block of C stays in L2)
 *   for each K block of KC                         (the first one overwrites unless accumulating)
 *     for each row block of MC                     (A block (MC, KC) in L2, 384 KB)
 *       op(A) = Aᵀ: pack op(A)[rows, K block] row by row (op(A) = A is read in place)
 *       backend.multiplyBlock: register tiles, each group of rows across the panels when
 *       the thread has more than MC rows, else each panel down the rows
 * </pre>
 *
 * <p>The K blocking never depends on the thread count and every element of C is owned by one
 * thread, so results are bit-identical for any {@link Parallelism#threads()}. Products that share
 * a transposed A ({@link #multiplyShared}) loop K blocks and row blocks outside the products, so
 * each block of Aᵀ is packed once for all of them.
 */
final class BlockedGemm {
  /**
   * K block. A (KC, NR) B panel is then 128 KB with 16-float vectors: it streams from L2 rather
   * than staying in L1, but each row of A is read in one run of 4 KB and C is read and written
   * once per 1024 products per element instead of once per 256. Which of these matters most was
   * not separated; measured on 2 cores of an AMD EPYC (Zen 4: 32 KB L1d, 1 MB L2 per core),
   * alternating K blocks call by call in one JVM ({@code bench/Alternate.java kc}), against 256
   * (a panel that fits L1): 2048³ ×1.11 on 1 thread and ×1.13 on 2, 3200 × 2048 × 512 ×1.18 and
   * ×1.19, 64 × 1024 × 4096 ×1.08 and ×1.06, 1 × 1024 × 4096 ×1.08 and ×1.06, weight-gradient
   * products (Aᵀ, k = 3200) ×1.05–1.10; products with k ≤ 256 unchanged. Blocks of 128 and 192
   * were 3–17% slower than 256, 2048 only 2–3% faster than 1024 on 2048³ and equal elsewhere.
   */
  static final int KC = 1024;
  /**
   * Row stride of a packed block of Aᵀ: one cache line more than KC, so that the rows a tile
   * reads at once do not share L1 sets (rows KC floats apart, 4 KB, would all land in one).
   */
  static final int PACKED_LDA = KC + 16;
  /** Rows of A in one block. */
  static final int MC = 96;
  /** Column panels per B block. */
  static final int NC_PANELS = 64;
  /**
   * Column panels per B block when all the rows fit one row block (m ≤ MC): the (m, NC) block of
   * C is then summed over every K block before the next, and with 8 panels (m·256 floats, 96 KB
   * at most) it stays in L2 between them. Measured on 2 cores of an AMD EPYC (1 MB L2 per core),
   * alternating the settings call by call: with K blocks of 256, 64 × 1024 × 4096 (an LSTM step
   * of 1024 units) ran 5–11% faster than with 64 panels; with K blocks of 1024, 64 × 2048 × 4096
   * ran 1% faster, and products with one K block the same.
   */
  static final int NC_PANELS_FEW_ROWS = 8;

  private static volatile int fewRowsPanels = NC_PANELS_FEW_ROWS;
  private static volatile boolean panelsFirst;
  private static volatile int kcBlock = KC;
  /**
   * Smallest product (2·m·n·k flops) that is split across threads; a quarter of it when m is
   * below one register tile (MR rows), since such products stream B at memory speed, 5–8× below
   * the compute rate, and gain from a second core's bandwidth even when small.
   *
   * <p>Measured on the 2-core development VM (AVX-512, JDK 17), quiet, with B packed: the median
   * of 20–3000 back-to-back calls at 1 and at 2 threads, with the threshold set to 0, over
   * (m, k, n) from (1, 64, 256) to (192, 192, 192) and recurrent shapes up to (64, 256, 1024),
   * three runs. Two threads were 1.4–1.9× faster from 8 MFLOP up (16×256×1024, 64×256×1024,
   * 192³), but anywhere from 0.6× to 1.6× between 1 and 8 MFLOP (64×128×512, 128³), and slower
   * below 1 MFLOP; row-vector products gained 1.3–1.8× from 0.5 MFLOP (1×256×1024, 1×512×2048).
   */
  static final long PARALLEL_MIN_FLOPS = 8_000_000;

  private static volatile long parallelMinFlops = PARALLEL_MIN_FLOPS;
  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  private BlockedGemm() {}

  /** The operands of one product; op(A) is (m, b.k()), C is (m, b.n()). */
  record Product(
      float[] c, int cOff, float[] a, int aOff, boolean transA, int m, PackedMatrix b,
      boolean accumulate) {}

  /** Benchmark hook: the column panels per B block when m ≤ MC ({@link #NC_PANELS_FEW_ROWS}). */
  static void setFewRowsPanels(int panels) {
    fewRowsPanels = panels;
  }

  /**
   * Benchmark hook: every block's tiles panel by panel (true), or row group by row group when
   * the block has more rows than one row block (false, the default; see {@link #acrossPanels}).
   */
  static void setPanelsFirst(boolean always) {
    panelsFirst = always;
  }

  /**
   * Whether a block's tiles go row group by row group across its panels ({@link
   * Block#acrossPanels}): when the rows [i0, i1) of a thread span more than one row block. Down
   * each panel instead, a tile of 6 rows writes its 12 vectors to lines of C 4·n bytes apart,
   * which the hardware prefetcher does not follow, and with a short K block the tile's sums do
   * not hide those writes. Measured on 2 cores of an AMD EPYC (Zen 4), alternating the two orders
   * call by call ({@code bench/Alternate.java order}), across panels against panel by panel:
   * 3200 × 64 × 2048 ×1.42 on one thread and ×1.30 on two, 3200 × 128 × 2048 ×1.23 and ×1.15,
   * 3200 × 512 × 2048 ×1.07 and ×1.03, 3200 × 1024 × 4096 ×1.04 and ×1.04, 2048³ ×1.07 and
   * ×1.03. With a build that put every block across panels, the weight-gradient products (A
   * transposed, k = 3200) ran ×1.00–1.06, and products of one row block, whose 8 panels stay in
   * L2 while every row passes them, lost: 64 × 1024 × 4096 ×0.90 and ×0.94; so they keep the
   * panel order.
   */
  private static boolean acrossPanels(int i0, int i1) {
    return i1 - i0 > MC && !panelsFirst;
  }

  /** Benchmark hook: the K block, from 1 to {@link #KC} (the packed Aᵀ block's width). */
  static void setKBlock(int kc) {
    if (kc < 1 || kc > KC) {
      throw new IllegalArgumentException("K block must be in [1, " + KC + "], got " + kc);
    }
    kcBlock = kc;
  }

  /** Test hook: the flop count from which products are split across threads. */
  static void setParallelMinFlops(long flops) {
    parallelMinFlops = flops;
  }

  /** Computes the product, split across threads when it is large enough. */
  static void multiply(Product pr) {
    int m = pr.m();
    int n = pr.b().n();
    int k = pr.b().k();
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      if (!pr.accumulate()) {
        java.util.Arrays.fill(pr.c(), pr.cOff(), pr.cOff() + m * n, 0f);
      }
      return;
    }
    int mr = pr.b().backend().rowBlock();
    int panels = panels(pr);
    long minFlops = m < mr ? parallelMinFlops / 4 : parallelMinFlops;
    int parts = 2.0 * m * n * k < minFlops ? 1 : Parallelism.threads();
    int rowGroups = (m + mr - 1) / mr;
    if (parts > 1 && (m >= parts * MC || panels < parts) && rowGroups >= parts) {
      splitRows(m, mr, parts, (i0, i1) -> compute(pr, i0, i1, 0, panels));
    } else if (parts > 1 && panels >= parts) {
      int chunk = (panels + parts - 1) / parts;
      Parallelism.run((panels + chunk - 1) / chunk,
          t -> compute(pr, 0, m, t * chunk, Math.min(panels, (t + 1) * chunk)));
    } else {
      compute(pr, 0, m, 0, panels);
    }
  }

  /**
   * Computes products that share op(A) and K, each as {@link #multiply} would, to the bit; when
   * each product's columns fit one run of panels and the rows split across threads (or need no
   * split), each block of op(A) is packed once for all of them instead of once per product.
   */
  static void multiplyShared(Product... products) {
    int m = products[0].m();
    long flops = 0;
    boolean shareable = products[0].transA();
    for (Product pr : products) {
      flops += 2L * m * pr.b().n() * pr.b().k();
      shareable &= pr.m() == m && pr.a() == products[0].a() && pr.aOff() == products[0].aOff()
          && pr.transA() && pr.b().k() == products[0].b().k()
          && pr.b().backend() == products[0].b().backend() && panels(pr) <= NC_PANELS
          && pr.b().n() > 0;
    }
    int mr = products[0].b().backend().rowBlock();
    int parts = flops < parallelMinFlops ? 1 : Parallelism.threads();
    int rowGroups = (m + mr - 1) / mr;
    if (!shareable || m == 0 || products[0].b().k() == 0
        || (parts > 1 && (m < parts * MC || rowGroups < parts))) {
      for (Product pr : products) {
        multiply(pr);
      }
      return;
    }
    splitRows(m, mr, parts, (i0, i1) -> computeShared(products, i0, i1, WORKSPACE.get()));
  }

  /** Work on the rows [i0, i1) of C. */
  @FunctionalInterface
  private interface RowRange {
    void run(int i0, int i1);
  }

  /**
   * Runs {@code work} over the rows [0, m) in at most {@code parts} ranges, one per thread, each
   * a whole number of register tiles (mr rows) but the last.
   */
  private static void splitRows(int m, int mr, int parts, RowRange work) {
    int chunk = ((m + mr - 1) / mr + parts - 1) / parts * mr;
    Parallelism.run((m + chunk - 1) / chunk,
        t -> work.run(t * chunk, Math.min(m, (t + 1) * chunk)));
  }

  /** Rows [i0, i1) of C, column panels [q0, q1), all of K, on the calling thread. */
  private static void compute(Product pr, int i0, int i1, int q0, int q1) {
    Workspace ws = WORKSPACE.get();
    Block blk = ws.block;
    try {
      computeBlocks(pr, i0, i1, q0, q1, ws);
    } finally {
      clear(blk);
    }
  }

  private static void computeBlocks(Product pr, int i0, int i1, int q0, int q1, Workspace ws) {
    PackedMatrix b = pr.b();
    int k = b.k();
    Block blk = ws.block;
    int ncPanels = i1 - i0 <= MC ? fewRowsPanels : NC_PANELS;
    blk.acrossPanels = acrossPanels(i0, i1);
    for (int qc = q0; qc < q1; qc += ncPanels) {
      int qEnd = Math.min(q1, qc + ncPanels);
      int kcb = kcBlock;
      for (int pc = 0; pc < k; pc += kcb) {
        for (int ic = i0; ic < i1; ic += MC) {
          int rows = Math.min(MC, i1 - ic);
          int kc = Math.min(kcb, k - pc);
          setA(blk, pr, ic, rows, pc, kc, ws);
          setPanels(blk, pr, ic, pc, qc, qEnd);
          b.backend().multiplyBlock(blk);
        }
      }
    }
  }

  /**
   * Rows [i0, i1) of every product's C, all of its columns and of K, on the calling thread: each
   * block of op(A) is packed once and multiplied by the panels of every product in turn. Every
   * element of C is summed over the same K blocks, in the same order, as in {@link
   * #computeBlocks}, so the bits are the same; a product's panels go in one run (at most {@link
   * #NC_PANELS}), as they would there with this many rows.
   */
  private static void computeShared(Product[] products, int i0, int i1, Workspace ws) {
    Product first = products[0];
    int k = first.b().k();
    Block blk = ws.block;
    blk.acrossPanels = acrossPanels(i0, i1);
    int kcb = kcBlock;
    try {
      for (int pc = 0; pc < k; pc += kcb) {
        for (int ic = i0; ic < i1; ic += MC) {
          int rows = Math.min(MC, i1 - ic);
          int kc = Math.min(kcb, k - pc);
          setA(blk, first, ic, rows, pc, kc, ws);
          for (Product pr : products) {
            setPanels(blk, pr, ic, pc, 0, panels(pr));
            pr.b().backend().multiplyBlock(blk);
          }
        }
      }
    } finally {
      clear(blk);
    }
  }

  /** Drops the block's references to the caller's arrays, so the thread keeps none reachable. */
  private static void clear(Block blk) {
    blk.c = null;
    blk.a = null;
    blk.bPack = null;
  }

  /** Points the block at rows [ic, ic+rows) × [pc, pc+kc) of op(A), packing Aᵀ when transposed. */
  private static void setA(Block blk, Product pr, int ic, int rows, int pc, int kc,
      Workspace ws) {
    blk.rows = rows;
    blk.kc = kc;
    if (pr.transA()) {
      packTransposed(ws.aPack, PACKED_LDA, pr, ic, rows, pc, kc);
      blk.a = ws.aPack;
      blk.aOff = 0;
      blk.lda = PACKED_LDA;
    } else { // rows of A are read where they lie
      blk.a = pr.a();
      blk.aOff = pr.aOff() + ic * pr.b().k() + pc;
      blk.lda = pr.b().k();
    }
  }

  /**
   * Points the block at product pr's panels [qc, qEnd) from row pc of its K block, and at the
   * rows of C from ic.
   */
  private static void setPanels(Block blk, Product pr, int ic, int pc, int qc, int qEnd) {
    PackedMatrix b = pr.b();
    int nr = b.backend().panelWidth();
    int n = b.n();
    int k = b.k();
    blk.c = pr.c();
    blk.ldc = n;
    blk.bPack = b.panels();
    blk.bPanelStride = k * nr;
    blk.panels = qEnd - qc;
    blk.lastWidth = qEnd == panels(pr) ? n - (qEnd - 1) * nr : nr;
    blk.add = pr.accumulate() || pc > 0;
    blk.bOff = qc * k * nr + pc * nr;
    blk.cOff = pr.cOff() + ic * n + qc * nr;
  }

  /** The column panels of a product's B. */
  private static int panels(Product pr) {
    int nr = pr.b().backend().panelWidth();
    return (pr.b().n() + nr - 1) / nr;
  }

  /**
   * Packs the rows [i0, i0+rows) of op(A) = Aᵀ, A stored (k, m), over [p0, p0+kc), row by row:
   * {@code dst[i·lda + p] = a[aOff + (p0+p)·m + i0 + i]}. Each source row is read contiguously;
   * the writes go to {@code rows} lines of the block at once.
   *
   * @param dst packed block (rows, lda), of which columns [0, kc) are written; modified
   */
  static void packTransposed(float[] dst, int lda, Product pr, int i0, int rows, int p0, int kc) {
    float[] a = pr.a();
    int m = pr.m();
    for (int p = 0, src = pr.aOff() + p0 * m + i0; p < kc; p++, src += m) {
      for (int i = 0, d = p; i < rows; i++, d += lda) {
        dst[d] = a[src + i];
      }
    }
  }

  /** Per-thread scratch, reused by every product the thread computes. */
  private static final class Workspace {
    final float[] aPack = new float[MC * PACKED_LDA]; // (MC, PACKED_LDA): rows of Aᵀ
    final Block block = new Block(edgeSize());

    private static int edgeSize() {
      Backend best = Backends.best();
      return Math.max(best.rowBlock() * best.panelWidth(), Backends.SCALAR.panelWidth());
    }
  }
}
