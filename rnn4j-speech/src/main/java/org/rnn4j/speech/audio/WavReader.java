package org.rnn4j.speech.audio;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Reads WAV (and the other formats {@code javax.sound.sampled} reads) into a mono {@link
 * Waveform}: signed PCM of 8, 16, 24 or 32 bits, unsigned 8-bit PCM, or 32-bit float, either byte
 * order, any number of channels (averaged), at the file's own sample rate.
 *
 * <pre>
 * signed PCM of b bits:  x = s / 2^(b−1)        unsigned 8-bit:  x = (s − 128) / 128
 * channels c = 1 … C:    x⟨n⟩ = (1/C) Σ_c x_c⟨n⟩
 * </pre>
 */
public final class WavReader {
  private WavReader() {}

  /**
   * @param file the audio file
   * @return its samples, channels averaged
   * @throws IOException if it cannot be read, or its format is not one of the above (the message
   *     names the file and the format)
   */
  public static Waveform read(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return read(in, file.toString());
    }
  }

  /**
   * Reads a recording held in memory, such as a file's contents fetched from a store or a
   * DataFrame's binary column.
   *
   * @param bytes the whole audio file: header and samples
   * @param name what to call it in messages (its file name, say)
   * @return its samples, channels averaged
   * @throws IOException if the bytes are empty, are not an audio file of a format above, or end
   *     before the header does (the message names {@code name} and the format)
   */
  public static Waveform read(byte[] bytes, String name) throws IOException {
    if (bytes.length == 0) {
      throw new IOException(name + ": no bytes: expected an audio file (WAV, AIFF, AU)");
    }
    return read(new ByteArrayInputStream(bytes), name);
  }

  private static Waveform read(InputStream in, String name) throws IOException {
    try (AudioInputStream audio = AudioSystem.getAudioInputStream(in)) {
      AudioFormat f = audio.getFormat();
      byte[] bytes = audio.readAllBytes();
      return new Waveform(decode(name, f, bytes), Math.round(f.getSampleRate()));
    } catch (UnsupportedAudioFileException e) {
      throw new IOException(name + ": not an audio file this reader knows (WAV, AIFF, AU): "
          + e.getMessage(), e);
    } catch (IOException e) {
      // a header cut short surfaces as an EOFException without a message
      if (e.getMessage() != null && e.getMessage().startsWith(name + ": ")) {
        throw e;
      }
      throw new IOException(name + ": cannot read the audio: " + e, e);
    }
  }

  private static float[] decode(String name, AudioFormat f, byte[] bytes) throws IOException {
    int channels = f.getChannels();
    int bits = f.getSampleSizeInBits();
    AudioFormat.Encoding e = f.getEncoding();
    boolean signed = e.equals(AudioFormat.Encoding.PCM_SIGNED);
    boolean unsigned = e.equals(AudioFormat.Encoding.PCM_UNSIGNED) && bits == 8;
    boolean floating = e.equals(AudioFormat.Encoding.PCM_FLOAT) && bits == 32;
    if (!(signed && (bits == 8 || bits == 16 || bits == 24 || bits == 32)) && !unsigned
        && !floating || channels < 1) {
      throw new IOException(name + ": unsupported audio format " + f + "; expected signed PCM of"
          + " 8, 16, 24 or 32 bits, unsigned 8-bit PCM or 32-bit float");
    }
    int width = bits / 8;
    int frame = width * channels;
    int n = bytes.length / frame;
    ByteBuffer buffer = ByteBuffer.wrap(bytes)
        .order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int c = 0; c < channels; c++) {
        int at = i * frame + c * width;
        sum += floating ? buffer.getFloat(at) : unsigned ? ((bytes[at] & 0xff) - 128) / 128.0
            : integer(buffer, at, width, f.isBigEndian()) / Math.pow(2, bits - 1);
      }
      out[i] = (float) (sum / channels);
    }
    return out;
  }

  /** A signed integer of 1 to 4 bytes at {@code at}. */
  private static long integer(ByteBuffer b, int at, int width, boolean bigEndian) {
    long v = 0;
    for (int k = 0; k < width; k++) {
      int shift = bigEndian ? 8 * (width - 1 - k) : 8 * k;
      v |= (long) (b.get(at + k) & 0xff) << shift;
    }
    long sign = 1L << (8 * width - 1);
    return (v ^ sign) - sign; // sign-extend
  }
}
