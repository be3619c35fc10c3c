package org.rnn4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.rnn4j.cli.chart.Curves;

/**
 * The files {@code train} writes beside its model: the metrics log and the loss curves. The log
 * of a run in progress is {@code MODEL-base.metrics.jsonl.partial}; it replaces the previous
 * run's log only once the new model is saved, so a failed or interrupted run never mixes its
 * lines into the log that describes the model on disk.
 *
 * @param model the model file
 */
record RunFiles(Path model) {

  /** The log of the model on disk. */
  Path metrics() {
    return ModelPaths.beside(model, ".metrics.jsonl");
  }

  /** The log of the run in progress (kept beside a checkpoint for --resume). */
  Path partialMetrics() {
    return ModelPaths.beside(model, ".metrics.jsonl.partial");
  }

  /** The loss-curve chart. */
  Path curves() {
    return ModelPaths.beside(model, ".curves.png");
  }

  /**
   * After the model is saved: the run's log becomes the model's, then the chart is drawn.
   *
   * @param chart the curves of the run
   * @param title the chart's title
   * @throws IOException if a file cannot be moved or written
   */
  void finish(Curves chart, String title) throws IOException {
    Files.move(partialMetrics(), metrics(), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    chart.write(curves(), title);
  }
}
