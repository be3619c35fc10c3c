package org.rnn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void replacesTheTargetWholeWithTheDefaultPermissions() throws IOException {
    Path target = dir.resolve("out.bin");
    AtomicFiles.write(target, new byte[] {1, 2, 3});
    AtomicFiles.write(target, new byte[] {4, 5});
    assertEquals(List.of((byte) 4, (byte) 5), List.of(Files.readAllBytes(target)[0],
        Files.readAllBytes(target)[1]));
    assertEquals(2, Files.size(target));
    Path plain = Files.createFile(dir.resolve("plain"));
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target),
        "not the owner-only permissions of a temporary file");
    assertEquals(List.of(target, plain), files(), "no temporary file left");
  }

  @Test
  void aFailingWriterLeavesTheTargetAndNoTemporaryFile() throws IOException {
    Path target = dir.resolve("out.bin");
    AtomicFiles.write(target, new byte[] {7});
    IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, tmp -> {
      Files.write(tmp, new byte[] {8, 9});
      throw new IOException("disk full");
    }));
    assertEquals("disk full", e.getMessage());
    assertEquals(1, Files.size(target));
    assertEquals(7, Files.readAllBytes(target)[0]);
    assertEquals(List.of(target), files());
  }
}
