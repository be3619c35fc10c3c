package org.rnn4j.data.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rnn4j.data.format.Samples.assertFormatError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextLinesTest {
  @TempDir Path dir;

  @Test
  void readsTheDinosaurNames() throws IOException {
    List<String> names = TextLines.read(Samples.path("dinosaurs-excerpt.txt"), true);
    assertEquals(30, names.size());
    assertEquals("aachenosaurus", names.get(0));
    assertEquals("abelisaurus", names.get(2));
  }

  @Test
  void keepsOrSkipsBlankLinesAndDropsTheByteOrderMark() throws IOException {
    Path f = Samples.write(dir, "t.txt", "\uFEFFone\r\n\n  \ntwo");
    assertEquals(List.of("one", "two"), TextLines.read(f, true));
    assertEquals(List.of("one", "", "  ", "two"), TextLines.read(f, false));
  }

  @Test
  void malformedUtf8NamesItsLine() throws IOException {
    Path f = dir.resolve("latin1.txt");
    Files.write(f, new byte[] {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
    assertFormatError("latin1.txt:2:", "expected UTF-8 text", () -> TextLines.read(f, true));
  }
}
