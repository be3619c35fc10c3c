package org.rnn4j.train;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Shows training progress: on a terminal, one line redrawn in place
 * ({@code epoch 2/10 [=======>      ] 53% loss 1.234 | 5,120 tok/s | ETA 0:42}); otherwise (a log
 * file, a pipe) a plain line every {@code intervalSeconds}. Each epoch ends with a summary line
 * including the validation metrics.
 */
public final class ProgressBar implements TrainingListener {
  private static final int WIDTH = 30;
  /** Terminal redraws at most this often. */
  private static final double REDRAW_SECONDS = 0.1;

  private final PrintWriter out;
  private final boolean terminal;
  private final double intervalSeconds;
  private int epochs;
  private long startNanos;
  private long lastPrintNanos;
  private long stepsDone;
  private long stepsTotal;
  private double smoothedLoss = Double.NaN;

  /**
   * @param out where to print
   * @param terminal redraw one line in place (use {@code System.console() != null})
   * @param intervalSeconds seconds between plain lines when not a terminal
   */
  public ProgressBar(PrintStream out, boolean terminal, double intervalSeconds) {
    this(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), terminal,
        intervalSeconds);
  }

  /**
   * @param out where to print (flushed after every line)
   * @param terminal redraw one line in place (use {@code System.console() != null})
   * @param intervalSeconds seconds between plain lines when not a terminal
   */
  public ProgressBar(PrintWriter out, boolean terminal, double intervalSeconds) {
    this.out = out;
    this.terminal = terminal;
    this.intervalSeconds = intervalSeconds;
  }

  /** A progress bar on standard output that redraws only when it is a terminal. */
  public static ProgressBar onStandardOutput() {
    return new ProgressBar(System.out, System.console() != null, 10);
  }

  /**
   * A progress bar on standard error, where a command line keeps everything but its results;
   * it redraws in place only when the JVM runs on a terminal (standard input and output both
   * one, the only test the JDK offers).
   */
  public static ProgressBar onStandardError() {
    return new ProgressBar(System.err, System.console() != null, 10);
  }

  /**
   * A progress bar on a command's error stream, redrawn in place only when the JVM runs on a
   * terminal (as {@link #onStandardError}).
   *
   * @param err the stream for everything but results
   * @return the progress bar
   */
  public static ProgressBar on(PrintWriter err) {
    return new ProgressBar(err, System.console() != null, 10);
  }

  @Override
  public void onStart(int epochs, int batches, int firstEpoch) {
    this.epochs = epochs;
    this.stepsTotal = (long) (epochs - firstEpoch) * batches;
    this.startNanos = System.nanoTime();
    this.lastPrintNanos = startNanos;
  }

  @Override
  public void onStep(StepReport r) {
    stepsDone++;
    smoothedLoss = Double.isNaN(smoothedLoss) ? r.loss() : 0.95 * smoothedLoss + 0.05 * r.loss();
    long now = System.nanoTime();
    double sinceLast = (now - lastPrintNanos) / 1e9;
    if (sinceLast < (terminal ? REDRAW_SECONDS : intervalSeconds)) {
      return;
    }
    lastPrintNanos = now;
    double elapsed = (now - startNanos) / 1e9;
    double eta = stepsDone == 0 ? 0 : elapsed / stepsDone * (stepsTotal - stepsDone);
    double fraction = (r.batchIndex() + 1.0) / r.batches();
    String line = String.format(Locale.ROOT, "epoch %d/%d %s %3.0f%% loss %.4f | %,.0f tok/s | ETA %s",
        r.epoch() + 1, epochs, bar(fraction), 100 * fraction, smoothedLoss, r.tokensPerSecond(),
        duration(eta));
    if (terminal) {
      out.print("\r" + line + "\u001b[K");
    } else {
      out.println(line);
    }
    out.flush();
  }

  @Override
  public void onEpoch(EpochReport r) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "epoch %d/%d done in %s: train loss %.4f", r.epoch() + 1, epochs, duration(r.seconds()),
        r.trainLoss()));
    for (Map.Entry<String, Double> m : new java.util.TreeMap<>(r.validation()).entrySet()) {
      sb.append(String.format(Locale.ROOT, ", validation %s %.4f", m.getKey(), m.getValue()));
    }
    if (!r.improved()) {
      sb.append(" (no improvement)");
    }
    out.print(terminal ? "\r" + sb + "\u001b[K\n" : sb + "\n");
    out.flush();
  }

  static String bar(double fraction) {
    int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
    return "[" + "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "")
        + "]";
  }

  static String duration(double seconds) {
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
