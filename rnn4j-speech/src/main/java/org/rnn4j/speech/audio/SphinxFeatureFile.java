package org.rnn4j.speech.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a CMU Sphinx feature file (.mfc): a 32-bit count N, then N 32-bit floats, frame after
 * frame. Sphinx writes it in the writing machine's byte order, so the order is the one in which
 * 4 + 4·N equals the file's size.
 */
public final class SphinxFeatureFile {
  private SphinxFeatureFile() {}

  /**
   * @param file the .mfc file
   * @param width D, values per frame (13 for Sphinx's MFCCs)
   * @return (N/D, D) the frames
   * @throws IOException if it cannot be read, its size fits neither byte order, or N is not a
   *     multiple of D (the message names the file, the count and the size)
   */
  public static float[][] read(Path file, int width) throws IOException {
    if (width < 1) {
      throw new IllegalArgumentException("width must be at least 1, got " + width);
    }
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length < 4) {
      throw new IOException(file + ": " + bytes.length + " bytes, too short for a Sphinx feature"
          + " file (a 4-byte count, then the values)");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
    long count = b.getInt(0);
    if (4 + 4 * count != bytes.length) {
      b.order(ByteOrder.LITTLE_ENDIAN);
      count = b.getInt(0);
    }
    if (4 + 4 * count != bytes.length) {
      throw new IOException(file + ": not a Sphinx feature file: its count does not match its "
          + bytes.length + " bytes in either byte order");
    }
    if (count % width != 0) {
      throw new IOException(file + ": " + count + " values are not whole frames of " + width);
    }
    float[][] out = new float[(int) (count / width)][width];
    for (int t = 0; t < out.length; t++) {
      for (int j = 0; j < width; j++) {
        out[t][j] = b.getFloat(4 + 4 * (t * width + j));
      }
    }
    return out;
  }
}
