package org.rnn4j.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.rnn4j.cli.chart.LineChart;
import org.rnn4j.cli.chart.PanelChart;
import org.rnn4j.cli.demo.MemoryExperiment.Run;
import org.rnn4j.cli.demo.MemoryExperiment.Settings;
import org.rnn4j.cli.demo.MemoryExperiment.Task;
import org.rnn4j.nn.recurrent.CellKind;

/**
 * Long-term dependencies measured: a vanilla RNN (tanh), a GRU and an LSTM with about the same
 * number of parameters learn two token tasks whose label is decided by the first token, d steps
 * before the end (see {@link org.rnn4j.datasets.MemoryTasks}): delayed recall (one of 8
 * symbols, d distractors, the recall token; chance 1/8) and agreement (a country, d filler
 * words, "the language spoken there is"; chance 1/8), and the adding problem of length T = d as
 * regression ({@link AddingProblem}). The gated cells' biases start from {@link ChronoInit}.
 * For every task, distance and cell it prints the held-out accuracy, then writes two charts:
 * accuracy against distance (a panel per task), and the vanishing gradient, ‖∂L/∂a⟨t⟩‖ against t
 * for each untrained cell on recall at the longest distance. Last, the exploding gradient: a
 * relu RNN whose W_hh starts as 1.5·I, trained by SGD with and without global-norm clipping
 * ({@link ExplodingGradient}); the loss curves go to a third chart.
 *
 * @param seed seeds the sequences, the initial weights and the batch order
 * @param settings the models and their training
 * @param distances the dependency distances d
 * @param outDirectory where the charts go
 */
public record MemoryDemo(long seed, Settings settings, List<Integer> distances,
    Path outDirectory) {
  /** The cells compared, in table order. */
  static final List<CellKind> CELLS = List.of(CellKind.RNN_TANH, CellKind.GRU, CellKind.LSTM);

  /** The settings of {@code rnn4j demo memory}. */
  static final Settings DEFAULT = new Settings(3000, 8, 5000, 1000, 20, 32, 0.01, 200);

  /** The distances of {@code rnn4j demo memory}. */
  static final List<Integer> DISTANCES = List.of(5, 10, 20, 50, 100, 200);

  static final int SYMBOLS = 8;
  static final int DISTRACTORS = 8;
  private static final int GRADIENT_BATCH = 100;
  static final float EXPLODING_RADIUS = 1.5f;
  static final int EXPLODING_DISTANCE = 20;
  static final int EXPLODING_SEQUENCES = 2000;
  static final int EXPLODING_EPOCHS = 10;
  static final int LAST_STEPS = 20;
  static final double EXPLODING_LEARNING_RATE = 0.01;
  static final double EXPLODING_MOMENTUM = 0.9;

  /** The demo with its default settings. */
  public MemoryDemo(long seed, Path outDirectory) {
    this(seed, DEFAULT, DISTANCES, outDirectory);
  }

  /**
   * What the demo measured.
   *
   * @param accuracy task name (recall, agreement, adding) → cell → held-out accuracy per
   *     distance (in the order of {@code distances})
   * @param gradientNorms cell → (T) ‖∂L/∂a⟨t⟩‖ on recall at the longest distance, untrained
   * @param exploding clip norm (0: off) → the relu RNN's loss curve
   */
  public record Result(Map<String, Map<CellKind, double[]>> accuracy,
      Map<CellKind, double[]> gradientNorms, Map<Double, ExplodingGradient.Curve> exploding) {}

  /**
   * Trains and tests every cell on every task and distance, prints the table and writes {@code
   * memory-accuracy.png}, {@code memory-gradients.png} and {@code memory-exploding.png}.
   *
   * @param out where to print
   * @return the accuracies and the gradient norms
   * @throws IOException if a chart cannot be written
   */
  public Result run(PrintWriter out) throws IOException {
    Map<String, Map<CellKind, double[]>> accuracy = new LinkedHashMap<>();
    for (String name : List.of("recall", "agreement")) {
      accuracy.put(name, classification(name, out));
    }
    accuracy.put("adding", adding(out));
    Map<String, Map<String, double[][]>> panels = new LinkedHashMap<>();
    accuracy.forEach((name, byCell) -> {
      Map<String, double[][]> curves = new LinkedHashMap<>();
      byCell.forEach((cell, acc) -> curves.put(name(cell), points(i -> i, acc)));
      panels.put(name, curves);
    });
    PanelChart.write(outDirectory.resolve("memory-accuracy.png"),
        "Held-out accuracy against dependency distance (chance: recall and agreement 0.125)",
        "distance d", "accuracy", panels, distances.stream().map(String::valueOf).toList());
    Map<CellKind, double[]> norms = gradientNorms(out);
    Map<String, double[][]> normCurves = new LinkedHashMap<>();
    norms.forEach((cell, n) -> normCurves.put(name(cell), points(t -> t + 1, n)));
    LineChart.write(outDirectory.resolve("memory-gradients.png"),
        "‖∂L/∂a⟨t⟩‖ at initialisation, recall d=" + longest(), "step t", "gradient norm",
        normCurves, true);
    Map<Double, ExplodingGradient.Curve> exploding = exploding();
    explodingChart(out, exploding);
    out.println("wrote " + outDirectory.resolve("memory-accuracy.png") + ", "
        + outDirectory.resolve("memory-gradients.png") + " and "
        + outDirectory.resolve("memory-exploding.png"));
    out.flush();
    return new Result(accuracy, norms, exploding);
  }

  /** Prints the exploding-gradient runs and writes {@code memory-exploding.png}. */
  private void explodingChart(PrintWriter out, Map<Double, ExplodingGradient.Curve> exploding)
      throws IOException {
    Map<String, double[][]> lossCurves = new LinkedHashMap<>();
    exploding.forEach((clip, c) -> {
      String name = (clip == 0 ? "no clipping" : "global norm clipped at " + clip)
          + (c.diverged() ? " (NaN at step " + (c.losses().size() + 1) + ")" : "");
      lossCurves.put(name, points(i -> i + 1, c.movingMean(LAST_STEPS)));
      out.printf(Locale.ROOT, "exploding: relu RNN, W_hh = %.1f·I, SGD η=%s μ=%s, recall d=%d, %s:"
              + " first loss %.4g, largest gradient norm %.4g, %s%n",
          EXPLODING_RADIUS, EXPLODING_LEARNING_RATE, EXPLODING_MOMENTUM, EXPLODING_DISTANCE, name,
          c.losses().get(0), c.gradientNorms().stream().mapToDouble(Double::doubleValue).max()
              .orElse(0),
          c.diverged() ? "diverged"
              : String.format(Locale.ROOT, "mean loss of the last %d steps %.3f, held-out"
                  + " accuracy %.3f", LAST_STEPS, c.finalLoss(LAST_STEPS), c.accuracy()));
    });
    LineChart.writeLog(outDirectory.resolve("memory-exploding.png"),
        "relu RNN, W_hh = " + EXPLODING_RADIUS + "·I, SGD: training loss with and without"
            + " clipping", "step", "training loss, mean of the last " + LAST_STEPS + " steps",
        lossCurves, 1e-4);
  }

  /**
   * A token task (recall or agreement) at every distance: prints the accuracy table.
   *
   * @return cell → accuracy per distance
   */
  private Map<CellKind, double[]> classification(String name, PrintWriter out) {
    out.printf(Locale.ROOT, "%s: held-out accuracy (chance %.3f) by distance d%n", name,
        1.0 / SYMBOLS);
    header(out);
    List<Task> tasks = distances.stream().map(d -> task(name, d)).toList();
    Map<CellKind, double[]> byCell = new LinkedHashMap<>();
    for (CellKind cell : CELLS) {
      double[] acc = new double[distances.size()];
      double seconds = 0;
      Run first = null;
      for (int i = 0; i < acc.length; i++) {
        Run r = MemoryExperiment.run(cell, tasks.get(i), settings, seed + 10);
        acc[i] = r.accuracy();
        seconds += r.seconds();
        first = first == null ? r : first;
      }
      row(out, cell, first.hidden(), first.parameters(), acc);
      out.printf(Locale.ROOT, "   (%.0f s)%n", seconds);
      out.flush();
      byCell.put(cell, acc);
    }
    return byCell;
  }

  /**
   * ‖∂L/∂a⟨t⟩‖ of each untrained cell on recall at the longest distance; prints the first and
   * last step's.
   *
   * @return cell → (T) norms
   */
  private Map<CellKind, double[]> gradientNorms(PrintWriter out) {
    Task recall = task("recall", longest());
    out.printf(Locale.ROOT, "untrained ‖∂L/∂a⟨t⟩‖ on recall, d=%d (T=%d): first step / last"
        + " step%n", longest(), longest() + 2);
    Map<CellKind, double[]> norms = new LinkedHashMap<>();
    for (CellKind cell : CELLS) {
      double[] n = MemoryExperiment.gradientNorms(cell, recall, settings, seed + 10,
          GRADIENT_BATCH);
      norms.put(cell, n);
      out.printf(Locale.ROOT, "%-9s %s / %.3g%n", name(cell), n[0] == 0 ? "0 (underflows in float)"
          : String.format(Locale.ROOT, "%.3g", n[0]), n[n.length - 1]);
    }
    return norms;
  }

  /**
   * The exploding-gradient runs: the relu RNN with W_hh = {@value #EXPLODING_RADIUS}·I on recall
   * at d = {@value #EXPLODING_DISTANCE}, 2,000 sequences, {@value #EXPLODING_EPOCHS} epochs of SGD
   * (η {@value #EXPLODING_LEARNING_RATE}, momentum {@value #EXPLODING_MOMENTUM}), without
   * clipping and with the global norm clipped at 1.
   *
   * @return clip norm (0: off) → loss curve
   */
  Map<Double, ExplodingGradient.Curve> exploding() {
    Settings s = new Settings(settings.budget(), settings.embedding(), EXPLODING_SEQUENCES,
        settings.test(), EXPLODING_EPOCHS, settings.batch(), settings.learningRate(),
        settings.horizon());
    Task task = MemoryExperiment.recall(EXPLODING_DISTANCE, SYMBOLS, DISTRACTORS, s, seed);
    Map<Double, ExplodingGradient.Curve> out = new LinkedHashMap<>();
    for (double clip : new double[] {0, 1}) {
      out.put(clip, ExplodingGradient.train(task, s, EXPLODING_LEARNING_RATE, EXPLODING_MOMENTUM,
          EXPLODING_RADIUS, clip, seed + 10));
    }
    return out;
  }

  /**
   * The adding problem at T = each distance: prints accuracy (|ŷ − y| &lt; 0.04) and MSE per
   * cell.
   *
   * @return cell → accuracy per distance
   */
  private Map<CellKind, double[]> adding(PrintWriter out) {
    out.printf(Locale.ROOT, "adding (T = d; regression): held-out accuracy |error| < %.2f, then"
        + " MSE (always answering 1: about 0.167)%n", AddingProblem.TOLERANCE);
    header(out);
    Map<CellKind, double[]> byCell = new LinkedHashMap<>();
    for (CellKind cell : CELLS) {
      double[] acc = new double[distances.size()];
      double[] mse = new double[distances.size()];
      double seconds = 0;
      AddingProblem.Run first = null;
      for (int i = 0; i < acc.length; i++) {
        AddingProblem.Run r = AddingProblem.run(cell, distances.get(i), settings, seed + 20);
        acc[i] = r.accuracy();
        mse[i] = r.mse();
        seconds += r.seconds();
        first = first == null ? r : first;
      }
      row(out, cell, first.hidden(), first.parameters(), acc);
      out.printf(Locale.ROOT, "   (%.0f s)%n%-25s", seconds, "  MSE");
      for (double m : mse) {
        out.printf(Locale.ROOT, " %7.4f", m);
      }
      out.println();
      out.flush();
      byCell.put(cell, acc);
    }
    return byCell;
  }

  /** The table's header: cell, H, parameters, then one column per distance. */
  private void header(PrintWriter out) {
    out.printf(Locale.ROOT, "%-9s %7s %7s", "cell", "H", "params");
    for (int d : distances) {
      out.printf(Locale.ROOT, " %7s", "d=" + d);
    }
    out.println();
    out.flush();
  }

  /** A table row: the cell, its hidden size and parameters, then the accuracy per distance. */
  private static void row(PrintWriter out, CellKind cell, int hidden, long parameters,
      double[] accuracy) {
    out.printf(Locale.ROOT, "%-9s %7d %7d", name(cell), hidden, parameters);
    for (double a : accuracy) {
      out.printf(Locale.ROOT, " %7.3f", a);
    }
  }

  /**
   * Chart points (x_i, y_i).
   *
   * @param x the x of index i
   * @param y (N) the values
   * @return (N, 2)
   */
  static double[][] points(IntToDoubleFunction x, double[] y) {
    double[][] points = new double[y.length][];
    for (int i = 0; i < y.length; i++) {
      points[i] = new double[] {x.applyAsDouble(i), y[i]};
    }
    return points;
  }

  private static String name(CellKind cell) {
    return cell.name().toLowerCase(Locale.ROOT);
  }

  private int longest() {
    return distances.get(distances.size() - 1);
  }

  private Task task(String name, int distance) {
    return name.equals("recall")
        ? MemoryExperiment.recall(distance, SYMBOLS, DISTRACTORS, settings, seed)
        : MemoryExperiment.agreement(distance, settings, seed);
  }
}
