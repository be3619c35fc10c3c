package org.rnn4j.io;

import java.io.IOException;

/**
 * A file that is not a valid or supported rnn4j model or safetensors file. The message names the
 * file, what was expected and what was found, e.g. {@code model.safetensors: tensor
 * rnn.weight_ih_l0: data_offsets [0, 4096] do not match shape [64, 32] of F32 (expected 8192
 * bytes)}.
 *
 * <p>Plain I/O failures (a missing file, a permission error, a full disk) stay ordinary {@link
 * IOException}s; this type means the bytes themselves were wrong or unsupported.
 */
public final class ModelFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * A format error without an underlying cause.
   *
   * @param message names the file, what was expected and what was found
   */
  public ModelFormatException(String message) {
    super(message);
  }

  /**
   * A format error found by another parser (e.g. malformed JSON).
   *
   * @param message names the file, what was expected and what was found
   * @param cause the error of the underlying parser
   */
  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
