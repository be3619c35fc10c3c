package org.rnn4j.cli.demo;

import java.util.List;
import org.rnn4j.train.ProgressBar;
import org.rnn4j.train.TrainingListener;

/** How a demo shows its training: a progress bar on standard error, or nothing ({@code --quiet}). */
public enum DemoProgress {
  /** A progress bar on standard error. */
  BAR,
  /** No progress bar; the results on standard output are the same. */
  QUIET;

  /** The training listeners this asks for. */
  public List<TrainingListener> listeners() {
    return this == BAR ? List.of(ProgressBar.onStandardError()) : List.of();
  }
}
