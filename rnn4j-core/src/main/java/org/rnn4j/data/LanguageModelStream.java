package org.rnn4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.rnn4j.kernel.Sizes;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.Tokenizer;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.text.VocabularyBuilder;

/**
 * Language-model batches streamed from a UTF-8 text file of any size; memory is bounded by B
 * read buffers, the longest line and one batch, never by the file.
 *
 * <p>The file is cut into B contiguous parts at line starts, and row b of every batch reads on
 * through part b, so row b of batch k+1 continues where row b of batch k stopped: a model may
 * carry its state from batch to batch (truncated backpropagation through time). Each line gives
 * its tokens then {@code <eos>}. A batch holds inputs x (B, T) and targets y (B, T) with y[b][t]
 * the token after x[b][t]. The stream ends when any part cannot fill another window, so up to
 * B·T tokens at the ends of parts are not used.
 *
 * <p>The vocabulary comes from one streaming pass ({@link #vocabulary}); its memory grows with
 * the number of distinct tokens, not with the file.
 */
public final class LanguageModelStream implements AutoCloseable {
  private final Path file;
  private final TextCodec codec;
  private final int time;
  private final Part[] parts; // (B)

  private LanguageModelStream(Path file, TextCodec codec, int time, Part[] parts) {
    this.file = file;
    this.codec = codec;
    this.time = time;
    this.parts = parts;
  }

  /**
   * Opens a stream of batches.
   *
   * @param file a UTF-8 text file
   * @param codec the tokenizer and vocabulary
   * @param batch B, the number of parallel rows, at least 1
   * @param time T, the window length, at least 1
   * @return the stream; close it
   * @throws IOException if the file cannot be opened
   */
  public static LanguageModelStream open(Path file, TextCodec codec, int batch, int time)
      throws IOException {
    if (batch < 1 || time < 1) {
      throw new IllegalArgumentException("batch and time must be at least 1, got " + batch
          + " and " + time);
    }
    long size = Files.size(file);
    long[] starts = new long[batch + 1];
    starts[batch] = size;
    for (int b = 1; b < batch; b++) {
      starts[b] = Math.max(starts[b - 1], nextLineStart(file, size * b / batch, size));
    }
    Part[] parts = new Part[batch];
    try {
      for (int b = 0; b < batch; b++) {
        parts[b] = new Part(file, starts[b], starts[b + 1]);
      }
    } catch (IOException e) {
      for (Part p : parts) {
        if (p != null) {
          p.close();
        }
      }
      throw e;
    }
    return new LanguageModelStream(file, codec, time, parts);
  }

  /**
   * The next batch.
   *
   * @return inputs (B, T) with lengths all T and targets (B, T); the batch's indices are the row
   *     numbers 0…B−1; empty when the file is used up
   * @throws IOException on a read error or malformed UTF-8 (with its byte offset)
   */
  public Optional<TagBatch> next() throws IOException {
    int b = parts.length;
    int[] x = new int[Sizes.product(b, time)]; // (B, T)
    int[] y = new int[Sizes.product(b, time)]; // (B, T)
    for (int row = 0; row < b; row++) {
      if (!parts[row].fill(codec, time + 1)) {
        return Optional.empty();
      }
      int[] window = parts[row].window; // (T+1)
      System.arraycopy(window, 0, x, row * time, time);
      System.arraycopy(window, 1, y, row * time, time);
      parts[row].consume(time);
    }
    int[] lengths = new int[b];
    int[] rows = new int[b];
    for (int row = 0; row < b; row++) {
      lengths[row] = time;
      rows[row] = row;
    }
    PaddedIds inputs = new PaddedIds(x, b, time, lengths, codec.vocabulary().padId());
    return Optional.of(new TagBatch(inputs, y, rows));
  }

  /**
   * Builds a vocabulary in one streaming pass over a file (line by line).
   *
   * @param file a UTF-8 text file
   * @param tokenizer how lines become tokens
   * @param minFrequency the frequency cut-off
   * @param maxSize the largest vocabulary size, special tokens included
   * @return the vocabulary
   * @throws IOException on a read error or malformed UTF-8
   */
  public static Vocabulary vocabulary(
      Path file, Tokenizer tokenizer, int minFrequency, int maxSize) throws IOException {
    VocabularyBuilder builder = new VocabularyBuilder();
    try (InputStream in = Files.newInputStream(file)) {
      Utf8LineReader lines = new Utf8LineReader(in, file, 0);
      for (Optional<String> line = lines.next(); line.isPresent(); line = lines.next()) {
        builder.addAll(tokenizer.tokenize(line.get()));
      }
    }
    return builder.build(minFrequency, maxSize);
  }

  /** The file this stream reads. */
  public Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (Part p : parts) {
      try {
        p.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** The offset just after the first '\n' at or after {@code from}, or the end of the file. */
  private static long nextLineStart(Path file, long from, long size) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ch.position(from == 0 ? 0 : from - 1); // a part starting right after a '\n' is kept
      InputStream in = Channels.newInputStream(ch);
      long pos = ch.position();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            return pos + i + 1;
          }
        }
        pos += n;
      }
      return size;
    }
  }

  /** One row's reader: a byte range of the file and the ids read but not yet used. */
  private static final class Part {
    private final FileChannel channel;
    private final Utf8LineReader lines;
    private final long end;
    private int[] window = new int[64]; // ids not yet consumed, from index 0
    private int count;

    Part(Path file, long start, long end) throws IOException {
      this.channel = FileChannel.open(file, StandardOpenOption.READ);
      channel.position(start);
      this.lines = new Utf8LineReader(Channels.newInputStream(channel), file, start);
      this.end = end;
    }

    /** Reads lines until {@code need} ids are buffered; false if the part ends first. */
    boolean fill(TextCodec codec, int need) throws IOException {
      while (count < need) {
        if (lines.position() >= end) {
          return false;
        }
        Optional<String> line = lines.next();
        if (line.isEmpty()) {
          return false;
        }
        append(codec.vocabulary().encode(codec.tokenizer().tokenize(line.get())));
        append(new int[] {codec.vocabulary().eosId()});
      }
      return true;
    }

    void consume(int n) {
      System.arraycopy(window, n, window, 0, count - n);
      count -= n;
    }

    private void append(int[] ids) {
      if (count + ids.length > window.length) {
        window = java.util.Arrays.copyOf(window, Math.max(window.length * 2, count + ids.length));
      }
      System.arraycopy(ids, 0, window, count, ids.length);
      count += ids.length;
    }

    void close() throws IOException {
      channel.close();
    }
  }
}
