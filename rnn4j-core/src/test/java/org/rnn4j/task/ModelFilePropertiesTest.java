package org.rnn4j.task;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import org.rnn4j.io.ModelFile;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.classify.ClassifierConfig;
import org.rnn4j.task.classify.ClassifierInput;
import org.rnn4j.task.lm.LanguageModel;
import org.rnn4j.task.lm.LanguageModelConfig;
import org.rnn4j.text.CharTokenizer;
import org.rnn4j.text.TextCodec;

/**
 * Damaged and crafted model files through the loader every command uses ({@link
 * TaskFamilies#load}): truncated, bit-flipped, with numbers in the config replaced by huge,
 * negative or odd values. A file either loads or fails with an {@link IOException} naming it;
 * nothing else escapes, no load takes more than two seconds, and no crafted config makes the
 * loader allocate more than the file holds.
 */
class ModelFilePropertiesTest {
  private static final List<byte[]> VALID = validFiles();

  private static byte[] write(Module model, TaskConfig config, TextCodec codec) {
    try {
      Path file = Files.createTempFile("rnn4j-valid", ".safetensors");
      ModelFile.write(file, model.parameters(), config.toJson(), Optional.of(codec.toJson()),
          ModelFile.Provenance.now(1, ""));
      byte[] bytes = Files.readAllBytes(file);
      Files.delete(file);
      return bytes;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<byte[]> validFiles() {
    TextCodec codec = TextCodec.fit(new CharTokenizer(), List.of("abcde"));
    int v = codec.vocabulary().size();
    LanguageModelConfig lm = new LanguageModelConfig(v, 3, RecurrentSpec.of(CellKind.LSTM, 4));
    ClassifierConfig clf = ClassifierConfig.of(ClassifierInput.tokens(v, 3),
        RecurrentSpec.of(CellKind.GRU, 4).withBidirectional(true), List.of("a", "b"));
    return List.of(write(new LanguageModel(lm, new SplittableRandom(1)), lm, codec),
        write(new Classifier(clf, new SplittableRandom(2)), clf, codec));
  }

  /** A valid file with one kind of damage. */
  @Provide
  Arbitrary<byte[]> damaged() {
    Arbitrary<byte[]> file = Arbitraries.of(VALID);
    Arbitrary<byte[]> truncated = Combinators.combine(file, Arbitraries.doubles().between(0, 1))
        .as((b, f) -> java.util.Arrays.copyOf(b, (int) (b.length * f)));
    Arbitrary<byte[]> flipped = Combinators.combine(file,
        Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(4))
        .as((b, positions) -> {
          byte[] c = b.clone();
          positions.forEach(p -> c[p % c.length] ^= (byte) (1 << (p % 8)));
          return c;
        });
    Arbitrary<String> number = Arbitraries.of("0", "-1", "1", "2147483647", "99999", "1e9",
        "\"x\"", "null", "[]", "3.5", "-2147483648", "65536", "40000");
    Arbitrary<byte[]> crafted = Combinators.combine(file, number,
        Arbitraries.integers().between(0, 20)).as(ModelFilePropertiesTest::replaceNumber);
    return Arbitraries.oneOf(truncated, flipped, crafted);
  }

  /**
   * The file with its k-th number inside the config metadata replaced by {@code value}, the
   * header length kept valid (the header is re-padded, or the file left as it was when it does
   * not fit).
   */
  private static byte[] replaceNumber(byte[] file, String value, int k) {
    long n = java.nio.ByteBuffer.wrap(file, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
        .getLong();
    String header = new String(file, 8, (int) n, StandardCharsets.UTF_8);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?<=\\\\\":)-?\\d+(\\.\\d+)?").matcher(header);
    for (int i = 0; i <= k; i++) {
      if (!m.find()) {
        return file;
      }
    }
    String edited = header.substring(0, m.start()) + value.replace("\"", "\\\"")
        + header.substring(m.end());
    byte[] h = edited.strip().getBytes(StandardCharsets.UTF_8);
    if (h.length > n) {
      return file;
    }
    byte[] out = file.clone();
    java.util.Arrays.fill(out, 8, 8 + (int) n, (byte) ' ');
    System.arraycopy(h, 0, out, 8, h.length);
    return out;
  }

  private static void loadsOrNamesTheFile(byte[] bytes) throws IOException {
    Path file = Files.createTempFile("rnn4j-model", ".safetensors");
    try {
      Files.write(file, bytes);
      assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
        try {
          TaskFamilies.load(file);
        } catch (IOException e) {
          assertTrue(e.getMessage() != null && e.getMessage().startsWith(file.toString()),
              "the message names the file: " + e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
          fail("loading threw " + e, e);
        }
      });
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Property(tries = 300)
  void aDamagedOrCraftedModelFileLoadsOrFailsNamingIt(@ForAll("damaged") byte[] bytes)
      throws IOException {
    loadsOrNamesTheFile(bytes);
  }

  @Property(tries = 20_000)
  @Tag("slow")
  void manyMoreDamagedModelFiles(@ForAll("damaged") byte[] bytes) throws IOException {
    loadsOrNamesTheFile(bytes);
  }
}
