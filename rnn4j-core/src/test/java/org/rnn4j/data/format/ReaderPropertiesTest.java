package org.rnn4j.data.format;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import org.rnn4j.data.DataFormatException;

/**
 * Every reader of user data, fed random files: text built from the characters the formats care
 * about (quotes, separators, brackets, line breaks, tags), with byte-order marks, multi-byte
 * UTF-8, malformed bytes, NULs and long runs. Each reader must either read the file or throw a
 * {@link DataFormatException} (or another {@link IOException}) whose message names the file; any
 * other exception, or a read that takes more than two seconds, fails. The default run tries a few
 * hundred files; the slow profile tens of thousands.
 */
class ReaderPropertiesTest {
  private static final String PIECES = "\"',\t\n\r {}[]:.-+0123456789eE text label value B-PER"
      + " I-LOC O <START:person> <END> > ACGTN é ü 字 \\ true null";

  /** A reader under test, by name. */
  private interface Reader {
    Object read(Path file) throws IOException;
  }

  private static final Map<String, Reader> READERS = Map.ofEntries(
      Map.entry("text lines", f -> TextLines.read(f, true)),
      Map.entry("labelled csv", f -> DelimitedReader.readLabelled(f, DelimitedFormat.CSV, "text",
          "label")),
      Map.entry("labelled tsv", f -> DelimitedReader.readLabelled(f, DelimitedFormat.TSV, "0",
          "1")),
      Map.entry("labelled json", f -> LabelledJson.read(f, "text", "label", true)),
      Map.entry("labelled json lines", f -> LabelledJsonLines.read(f, "text", "label")),
      Map.entry("conll", f -> Conll.read(f, 0, 3)),
      Map.entry("opennlp", OpenNlpNames::read),
      Map.entry("parallel tsv", ParallelTsv::read),
      Map.entry("fasta", f -> Fasta.read(f, Fasta.Alphabet.NUCLEOTIDE)),
      Map.entry("time series csv", f -> TimeSeriesCsv.read(f, DelimitedFormat.CSV,
          Optional.empty(), List.of("value"))),
      Map.entry("midi", Midi::read));

  @Provide
  Arbitrary<byte[]> files() {
    Arbitrary<String> text = Arbitraries.strings().withChars(PIECES).ofMaxLength(400);
    Arbitrary<byte[]> utf8 = text.map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> withBom = text.map(s -> ("\uFEFF" + s).getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
    Arbitrary<byte[]> longLine = Arbitraries.integers().between(1, 200_000)
        .map(n -> ("x".repeat(n) + ",y\n").getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> damaged = text.map(s -> {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      if (b.length > 0) {
        b[b.length / 2] = (byte) 0xC3; // a lead byte without its continuation, or a stray one
      }
      return b;
    });
    return Arbitraries.oneOf(utf8, withBom, raw, longLine, damaged);
  }

  private static void readsOrNamesTheFile(byte[] bytes) throws IOException {
    Path file = Files.createTempFile("rnn4j-reader", ".data");
    try {
      Files.write(file, bytes);
      for (Map.Entry<String, Reader> reader : READERS.entrySet()) {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
          try {
            reader.getValue().read(file);
          } catch (IOException e) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(file.toString()),
                reader.getKey() + ": the message names the file: " + e.getMessage());
          } catch (RuntimeException e) {
            fail(reader.getKey() + " threw " + e + " on " + bytes.length + " bytes", e);
          }
        }, reader.getKey());
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Property(tries = 300)
  void everyReaderReadsARandomFileOrNamesItInADocumentedError(@ForAll("files") byte[] bytes)
      throws IOException {
    readsOrNamesTheFile(bytes);
  }

  @Property(tries = 20_000)
  @Tag("slow")
  void everyReaderSurvivesManyMoreRandomFiles(@ForAll("files") byte[] bytes) throws IOException {
    readsOrNamesTheFile(bytes);
  }
}
