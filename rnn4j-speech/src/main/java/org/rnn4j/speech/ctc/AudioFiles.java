package org.rnn4j.speech.ctc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.rnn4j.speech.audio.SphinxFeatureFile;
import org.rnn4j.speech.audio.WavReader;
import org.rnn4j.speech.audio.Waveform;

/**
 * The steps a front end makes of a file, by the file's extension: {@code .mfc} is a CMU Sphinx
 * feature file of cepstra (the front end must read MFCCs of as many coefficients), {@code .raw}
 * headerless 16-bit little-endian mono PCM at 16 kHz (as Sphinx's test recordings), anything
 * else audio that {@link WavReader} reads.
 */
public final class AudioFiles {
  /** The rate of headerless {@code .raw} recordings. */
  public static final int RAW_RATE = 16_000;

  private AudioFiles() {}

  /**
   * @param frontEnd the features wanted
   * @param file the recording or feature file
   * @return (T, F) steps
   * @throws IOException if the file cannot be read or does not fit the front end, naming it
   */
  public static float[][] steps(FrontEnd frontEnd, Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".mfc")) {
      if (frontEnd.kind() != FrontEnd.Kind.MFCC) {
        throw new IOException(file + ": a Sphinx feature file holds cepstra, but this model reads"
            + " " + frontEnd.kind().name().toLowerCase(Locale.ROOT) + " features");
      }
      return frontEnd.fromCoefficients(SphinxFeatureFile.read(file, frontEnd.coefficients()));
    }
    return frontEnd.steps(name.endsWith(".raw") ? readRaw(file) : WavReader.read(file));
  }

  /** Headerless 16-bit little-endian mono PCM at {@value #RAW_RATE} Hz, scaled to [−1, 1). */
  static Waveform readRaw(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length % 2 != 0) {
      throw new IOException(file + ": " + bytes.length + " bytes is not a whole number of 16-bit"
          + " samples (a .raw file is headerless 16-bit little-endian PCM at 16 kHz)");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    float[] x = new float[bytes.length / 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = b.getShort(2 * i) / 32768f;
    }
    return new Waveform(x, RAW_RATE);
  }
}
