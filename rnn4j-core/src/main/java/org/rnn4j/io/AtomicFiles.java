package org.rnn4j.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file whole or not at all: the content goes into a temporary file beside the target
 * ({@code .<name>.<pid>-<n>.tmp}, created with the default permissions), which is forced to disk
 * and then renamed over the target; the directory entry is flushed too. A reader sees the old
 * file or the new one, never a part; if writing fails, the temporary file is removed and the
 * target is untouched.
 */
public final class AtomicFiles {
  private static final AtomicLong TEMP_COUNTER = new AtomicLong();

  /** Writes the content of a file into the path it is given. */
  @FunctionalInterface
  public interface Content {
    /**
     * @param file an empty file to fill
     * @throws IOException if it cannot be written
     */
    void writeTo(Path file) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * @param file the target, replaced if it exists
   * @param content fills the temporary file
   * @throws IOException if the content or the rename fails (the target is then untouched)
   */
  public static void write(Path file, Content content) throws IOException {
    Objects.requireNonNull(file, "file");
    Path target = file.toAbsolutePath();
    Path tmp = createTemp(target);
    try {
      content.writeTo(tmp);
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      move(tmp, target);
    } catch (Throwable e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException deleteFailure) {
        e.addSuppressed(deleteFailure);
      }
      throw e;
    }
    syncDirectory(target.getParent());
  }

  /**
   * @param file the target, replaced if it exists
   * @param bytes its content
   * @throws IOException if it cannot be written (the target is then untouched)
   */
  public static void write(Path file, byte[] bytes) throws IOException {
    write(file, tmp -> Files.write(tmp, bytes));
  }

  /**
   * A new empty file next to {@code target}, named {@code .<name>.<pid>-<n>.tmp}. Created with
   * the default permissions, unlike {@link Files#createTempFile}, which makes it owner-only.
   */
  private static Path createTemp(Path target) throws IOException {
    String prefix = "." + target.getFileName() + "." + ProcessHandle.current().pid() + "-";
    while (true) {
      Path tmp = target.resolveSibling(prefix + TEMP_COUNTER.incrementAndGet() + ".tmp");
      try {
        return Files.createFile(tmp);
      } catch (FileAlreadyExistsException e) {
        continue; // left behind by a crashed process with the same pid; take the next number
      }
    }
  }

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Flushes the directory entry of the rename (POSIX). Some platforms cannot open a directory as
   * a channel; there the rename is as durable as the platform makes it, so the failure is ignored.
   */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      return;
    }
  }
}
