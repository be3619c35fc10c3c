package org.rnn4j.spark;

/**
 * One row's input that the model cannot read (empty text, a value of the wrong type, a series with
 * a NaN): the row gets a null prediction and this message in the error column, and the job goes
 * on.
 */
final class BadInputException extends Exception {
  private static final long serialVersionUID = 1L;

  BadInputException(String message) {
    super(message);
  }
}
