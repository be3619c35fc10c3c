package org.rnn4j.task;

/**
 * A task option's value is missing or wrong: the user's mistake in how a command was called, not
 * a fault of the data or the model (the command line exits with its usage-error code). The
 * message names the option as the command line spells it, with the expected and the actual value.
 */
public final class TaskOptionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** @param message "--hidden must be at least 1, got 0" */
  public TaskOptionException(String message) {
    super(message);
  }
}
