package org.rnn4j.speech.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.speech.audio.SphinxFeatureFile;

/** Sphinx feature files in both byte orders, and the installed TIDIGITS utterances. */
class TidigitsTest {
  @TempDir Path dir;

  private Path mfc(String name, ByteOrder order, int count, float... values) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * values.length).order(order);
    b.putInt(count);
    for (float v : values) {
      b.putFloat(v);
    }
    return Files.write(dir.resolve(name), b.array());
  }

  @Test
  void featureFilesReadInEitherByteOrderAndBadOnesAreNamed() throws IOException {
    float[] v = {1, 2, 3, 4, 5, 6};
    for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
      float[][] frames = SphinxFeatureFile.read(mfc("a.mfc", order, 6, v), 3);
      assertArrayEquals(new float[] {4, 5, 6}, frames[1], order.toString());
    }
    Path wrong = mfc("b.mfc", ByteOrder.BIG_ENDIAN, 7, v);
    IOException e = assertThrows(IOException.class, () -> SphinxFeatureFile.read(wrong, 3));
    assertTrue(e.getMessage().startsWith(wrong + ": not a Sphinx feature file"), e.getMessage());
    Path ragged = mfc("c.mfc", ByteOrder.BIG_ENDIAN, 6, v);
    assertThrows(IOException.class, () -> SphinxFeatureFile.read(ragged, 4));
  }

  @Test
  void theInstalledUtterancesAreReadWithTheirDigits() throws IOException {
    assumeTrue(Files.isDirectory(Tidigits.DEFAULT_DIRECTORY), "pocketsphinx-testdata is not"
        + " installed (apt-get install pocketsphinx-testdata): no TIDIGITS here");
    List<Tidigits.Utterance> all = Tidigits.load(Tidigits.DEFAULT_DIRECTORY);
    assertEquals(31, all.size());
    Tidigits.Utterance u = all.stream().filter(x -> x.id().equals("man.ah.2934za")).findFirst()
        .orElseThrow();
    assertEquals("two nine three four zero", u.words());
    assertEquals("29340", u.digits());
    for (Tidigits.Utterance x : all) {
      assertTrue(x.mfcc().length > 50 && x.mfcc()[0].length == 13, x.id());
    }
  }

  @Test
  void aMissingDirectoryIsNamed() {
    IOException e = assertThrows(IOException.class, () -> Tidigits.load(dir.resolve("none")));
    assertTrue(e.getMessage().contains("pocketsphinx-testdata"), e.getMessage());
  }
}
