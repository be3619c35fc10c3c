package org.rnn4j.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A model file as the bytes of its safetensors file, the form in which a model travels to the
 * executors (as a broadcast variable), with the SHA-256 of those bytes that names it in each
 * executor's cache ({@link ExecutorModels}).
 */
public final class ModelBytes implements Serializable {
  private static final long serialVersionUID = 1L;

  private final byte[] bytes;
  private final String sha256;

  private ModelBytes(byte[] bytes) {
    this.bytes = bytes;
    this.sha256 = sha256(bytes);
  }

  /**
   * Reads a model file.
   *
   * @param file an rnn4j model file
   * @return its bytes
   * @throws IOException if it cannot be read
   */
  public static ModelBytes read(Path file) throws IOException {
    return new ModelBytes(Files.readAllBytes(file));
  }

  /**
   * @param bytes the contents of a model file (kept, not copied)
   * @return them, named by their hash
   * @throws IllegalArgumentException if there are none
   */
  public static ModelBytes of(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new IllegalArgumentException("model bytes must be the contents of a model file, got "
          + (bytes == null ? "null" : "0 bytes"));
    }
    return new ModelBytes(bytes);
  }

  /** The file's contents (not a copy: do not change them). */
  byte[] bytes() {
    return bytes;
  }

  /** The lowercase hex SHA-256 of the bytes. */
  public String sha256() {
    return sha256;
  }

  /** The file's size in bytes. */
  public int size() {
    return bytes.length;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
