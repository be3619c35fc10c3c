package org.rnn4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Lines of a UTF-8 byte stream, decoded strictly one line at a time, with the byte offset of each
 * (so a reader can stop at an offset, and an error can name its line). Lines end at {@code \n};
 * a {@code \r} before it is dropped. The caller closes the stream.
 */
public final class Utf8LineReader {
  private final InputStream in;
  private final byte[] chunk = new byte[1 << 16]; // read-ahead
  private int chunkPos;
  private int chunkLimit;
  private final Path file;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] buffer = new byte[256];
  private long position; // byte offset of the next line

  /**
   * A reader from the current position of a stream.
   *
   * @param in the bytes (read in large chunks; no need to buffer)
   * @param file the file, for error messages
   * @param position the byte offset of the stream's current position in the file
   */
  public Utf8LineReader(InputStream in, Path file, long position) {
    this.in = in;
    this.file = file;
    this.position = position;
  }

  private int read() throws IOException {
    if (chunkPos == chunkLimit) {
      chunkLimit = in.readNBytes(chunk, 0, chunk.length);
      chunkPos = 0;
      if (chunkLimit <= 0) {
        chunkLimit = 0;
        return -1;
      }
    }
    return chunk[chunkPos++] & 0xff;
  }

  /** The byte offset of the next line. */
  public long position() {
    return position;
  }

  /**
   * The next line.
   *
   * @return the line without its terminator, or empty at the end of the stream
   * @throws IOException on a read error, or {@link DataFormatException} naming the byte offset
   *     of a line that is not UTF-8
   */
  public Optional<String> next() throws IOException {
    int n = 0;
    int b;
    while ((b = read()) >= 0 && b != '\n') {
      if (n == buffer.length) {
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
      buffer[n++] = (byte) b;
    }
    if (b < 0 && n == 0) {
      return Optional.empty();
    }
    long start = position;
    position += n + (b < 0 ? 0 : 1);
    int end = n > 0 && buffer[n - 1] == '\r' ? n - 1 : n;
    try {
      return Optional.of(decoder.decode(ByteBuffer.wrap(buffer, 0, end)).toString());
    } catch (CharacterCodingException e) {
      throw new DataFormatException(file, "byte " + start,
          "expected UTF-8 text, found a malformed byte sequence in the line starting here", e);
    }
  }
}
