import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Measures two settings of one kernel choice in the same JVM, switching between them at every
 * call (or every model step), so that the machine's drift affects both alike; prints the median
 * rate of each and their ratio. Run with the JDK's source launcher against the command-line jar:
 *
 * <pre>
 * java --add-modules=jdk.incubator.vector -cp rnn4j-cli/target/rnn4j.jar bench/Alternate.java \
 *     MODE THREADS SECONDS
 * </pre>
 *
 * Modes:
 * <ul>
 *   <li>{@code panels}: column panels per B block of a product whose rows fit one row block, 64
 *       against 8 (the default), on the product of one LSTM step of C5, 64 × 1024 × 4096, of
 *       C1, 32 × 512 × 2048, and on 64 × 2048 × 4096 (two K blocks);
 *   <li>{@code order}: the order of a block's register tiles, panel by panel against the rule
 *       of {@code BlockedGemm} (row group by row group across the panels when a thread has more
 *       than one row block), on the shapes of {@code -Dshapes=MxKxN,...} (3200x64x2048 unless
 *       given), with A transposed under {@code -DtransA=true};
 *   <li>{@code kc}: the K block of the products, 1024 (the default) against {@code -Dkc=}
 *       (256 unless given), on the shapes of {@code -Dshapes=MxKxN,...} (2048x2048x2048 unless
 *       given), with A transposed under {@code -DtransA=true};
 *   <li>{@code step-infer}, {@code step-train}: the C1 configuration of {@code rnn4j bench}, a
 *       forward pass or a training step, with each time step of a recurrent layer split across
 *       threads by operation (the product, then the cells) against by rows (the default).
 * </ul>
 *
 * It reaches package-private switches by reflection: a tool for measuring, not an API.
 */
public final class Alternate {
  private Alternate() {}

  /** One of the two settings of a switch, and the work measured under it. */
  private interface Trial {
    void set(boolean second) throws Exception;

    /** Runs the measured work once; returns its size (flops or tokens). */
    double run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: Alternate panels|order|kc|step-infer|step-train THREADS SECONDS");
      System.exit(2);
    }
    int threads = Integer.parseInt(args[1]);
    double seconds = Double.parseDouble(args[2]);
    Method setThreads = declared("org.rnn4j.kernel.Parallelism", "setThreads", int.class);
    setThreads.invoke(null, threads);
    switch (args[0]) {
      case "panels" -> {
        Method panels = declared("org.rnn4j.kernel.BlockedGemm", "setFewRowsPanels", int.class);
        for (int[] mkn : new int[][] {{64, 1024, 4096}, {32, 512, 2048}, {64, 2048, 4096}}) {
          Trial t = product(mkn[0], mkn[1], mkn[2],
              eight -> panels.invoke(null, eight ? 8 : 64));
          report(mkn[0] + " x " + mkn[1] + " x " + mkn[2] + ", " + threads + " thread(s), GFLOP/s",
              "64 panels", "8 panels", measure(t, seconds, 1e-9));
        }
        panels.invoke(null, 8);
      }
      case "order" -> {
        Method panelsFirst = declared("org.rnn4j.kernel.BlockedGemm", "setPanelsFirst",
            boolean.class);
        for (String shape : System.getProperty("shapes", "3200x64x2048").split(",")) {
          String[] mkn = shape.split("x");
          Trial t = product(Integer.parseInt(mkn[0]), Integer.parseInt(mkn[1]),
              Integer.parseInt(mkn[2]), across -> panelsFirst.invoke(null, !across));
          report(shape + (Boolean.getBoolean("transA") ? " (A transposed)" : "") + ", " + threads
              + " thread(s), GFLOP/s", "panel by panel", "by rule",
              measure(t, seconds, 1e-9));
        }
        panelsFirst.invoke(null, false);
      }
      case "kc" -> {
        Method kBlock = declared("org.rnn4j.kernel.BlockedGemm", "setKBlock", int.class);
        int second = Integer.getInteger("kc", 256);
        for (String shape : System.getProperty("shapes", "2048x2048x2048").split(",")) {
          String[] mkn = shape.split("x");
          int m = Integer.parseInt(mkn[0]);
          int k = Integer.parseInt(mkn[1]);
          int n = Integer.parseInt(mkn[2]);
          Trial t = product(m, k, n, blocks -> kBlock.invoke(null, blocks ? second : 1024));
          report(shape + (Boolean.getBoolean("transA") ? " (A transposed)" : "") + ", " + threads
              + " thread(s), GFLOP/s", "K block 1024", "K block " + second,
              measure(t, seconds, 1e-9));
        }
        kBlock.invoke(null, 1024);
      }
      case "step-infer", "step-train" -> {
        boolean train = args[0].equals("step-train");
        Trial t = c1Step(train);
        report("C1 " + (train ? "training" : "inference") + ", " + threads
            + " thread(s), tokens/s", "by operation", "by rows", measure(t, seconds, 1));
        t.set(true);
      }
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  /** Applies the first or the second setting of a switch. */
  private interface Setting {
    void apply(boolean second) throws Exception;
  }

  /** The product C(m, n) = A(m, k) · Wᵀ, or Aᵀ · Wᵀ with -DtransA=true, under two settings. */
  private static Trial product(int m, int k, int n, Setting setting) throws Exception {
    Class<?> gemm = Class.forName("org.rnn4j.kernel.Gemm");
    Class<?> packed = Class.forName("org.rnn4j.kernel.PackedMatrix");
    Method pack = gemm.getMethod("pack", float[].class, int.class, int.class, int.class,
        boolean.class);
    Method multiply = gemm.getMethod("multiply", float[].class, int.class, float[].class,
        int.class, boolean.class, int.class, packed, boolean.class);
    Random random = new Random(1);
    float[] a = new float[m * k];
    float[] b = new float[n * k];
    float[] c = new float[m * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = random.nextFloat() - 0.5f;
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = random.nextFloat() - 0.5f;
    }
    Object w = pack.invoke(null, b, 0, k, n, true); // W (n, k) as a Linear layer stores it
    boolean transA = Boolean.getBoolean("transA"); // A stored (k, m), as in a weight gradient
    int calls = (int) Math.max(1, 2e7 / (2.0 * m * n * k)); // about 0.2 ms of work per sample
    return new Trial() {
      @Override
      public void set(boolean second) throws Exception {
        setting.apply(second);
      }

      @Override
      public double run() throws Exception {
        for (int i = 0; i < calls; i++) {
          multiply.invoke(null, c, 0, a, 0, transA, m, w, false);
        }
        return 2.0 * m * n * k * calls;
      }
    };
  }

  private static Trial c1Step(boolean train) throws Exception {
    Field split = Class.forName("org.rnn4j.nn.recurrent.TimeLoop")
        .getDeclaredField("rowSplitSteps");
    split.setAccessible(true);
    Class<?> shapeClass = Class.forName("org.rnn4j.cli.bench.C1Shape");
    Field peer = shapeClass.getDeclaredField("PEER");
    peer.setAccessible(true);
    Object shape = peer.get(null);
    Class<?> c1 = Class.forName("org.rnn4j.cli.bench.CharLmThroughput");
    Constructor<?> make = c1.getDeclaredConstructor(shapeClass, long.class);
    make.setAccessible(true);
    Object bench = make.newInstance(shape, 0L);
    Method step = c1.getDeclaredMethod(train ? "trainStep" : "inferStep");
    step.setAccessible(true);
    Method tokens = shapeClass.getDeclaredMethod("tokens");
    tokens.setAccessible(true);
    double perStep = ((Number) tokens.invoke(shape)).doubleValue();
    return new Trial() {
      @Override
      public void set(boolean second) throws Exception {
        split.setBoolean(null, second);
      }

      @Override
      public double run() throws Exception {
        step.invoke(bench);
        return perStep;
      }
    };
  }

  /**
   * Alternates the two settings until {@code seconds} have passed (and at least 20 samples of
   * each), dropping the first 5 of each as warm-up.
   *
   * @return the rates of each setting, (2, samples), in units of work × scale per second
   */
  private static List<List<Double>> measure(Trial t, double seconds, double scale)
      throws Exception {
    List<List<Double>> rates = List.of(new ArrayList<>(), new ArrayList<>());
    long end = System.nanoTime() + (long) (seconds * 1e9);
    for (int i = 0; System.nanoTime() < end || i < 50; i++) {
      int setting = i & 1;
      t.set(setting == 1);
      long start = System.nanoTime();
      double work = t.run();
      double rate = work * scale / ((System.nanoTime() - start) / 1e9);
      if (i >= 10) {
        rates.get(setting).add(rate);
      }
    }
    return rates;
  }

  private static void report(String what, String first, String second, List<List<Double>> r) {
    double a = median(r.get(0));
    double b = median(r.get(1));
    System.out.printf("%s: %s %.1f, %s %.1f (median of %d each), %s / %s = %.3f%n", what, first,
        a, second, b, r.get(0).size(), second, first, b / a);
  }

  private static double median(List<Double> x) {
    List<Double> sorted = new ArrayList<>(x);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static Method declared(String className, String name, Class<?>... types)
      throws Exception {
    Method m = Class.forName(className).getDeclaredMethod(name, types);
    m.setAccessible(true);
    return m;
  }
}
