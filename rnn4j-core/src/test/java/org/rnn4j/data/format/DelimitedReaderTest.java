package org.rnn4j.data.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rnn4j.data.format.Samples.assertFormatError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelimitedReaderTest {
  @TempDir Path dir;

  @Test
  void readsQuotedCsvWithCommasInsideFields() throws IOException {
    List<LabelledText> r = DelimitedReader.readLabelled(Samples.path("sentiment-excerpt.csv"),
        DelimitedFormat.CSV, "text", "label");
    assertEquals(12, r.size());
    assertEquals("A very, very, very slow-moving, aimless movie about a distressed, drifting "
        + "young man.", r.get(0).text());
    assertEquals("0", r.get(0).label());
  }

  @Test
  void choosesColumnsByNameOrIndexInTheOrderAsked() throws IOException {
    Path f = Samples.write(dir, "c.csv", "a,b,c\n1,\"two \"\"quoted\"\"\nlines\",3\n");
    assertEquals(List.of(List.of("3", "two \"quoted\"\nlines")),
        DelimitedReader.read(f, DelimitedFormat.CSV, List.of("c", "1")));
    Path noHeader = Samples.write(dir, "n.tsv", "x\ty\nz\tw\n");
    assertEquals(List.of(List.of("y"), List.of("w")), DelimitedReader.read(noHeader,
        DelimitedFormat.TSV.withoutHeader(), List.of("1")));
  }

  @Test
  void tsvWithoutQuotingKeepsQuotesAsText() throws IOException {
    Path f = Samples.write(dir, "q.tsv", "text\tlabel\nsay \"hi\"\tpos\n");
    assertEquals(List.of(new LabelledText("say \"hi\"", "pos")),
        DelimitedReader.readLabelled(f, DelimitedFormat.TSV, "text", "label"));
  }

  @Test
  void wrongFieldCountsNameLineAndRecord() throws IOException {
    Path f = Samples.write(dir, "w.csv", "text,label\nfine,1\nmissing label\n");
    assertFormatError("w.csv:3 (record 2)", "expected 2 fields, found 1",
        () -> DelimitedReader.read(f, DelimitedFormat.CSV, List.of("text")));
  }

  @Test
  void brokenQuotingAndUnknownColumnsAreNamed() throws IOException {
    Path f = Samples.write(dir, "q.csv", "text,label\n\"ok\",1\n\"bad\"x,0\n");
    assertFormatError("q.csv:3", "expected a well-formed record (RFC 4180 quoting)",
        () -> DelimitedReader.read(f, DelimitedFormat.CSV, List.of("text")));
    assertFormatError("q.csv:1", "expected a column \"sentiment\", found columns [text, label]",
        () -> DelimitedReader.read(f, DelimitedFormat.CSV, List.of("sentiment")));
  }

  @Test
  void malformedUtf8NamesItsLine() throws IOException {
    Path f = dir.resolve("u.csv");
    Files.write(f, new byte[] {'a', ',', 'b', '\n', '1', ',', (byte) 0xFF, '\n'});
    assertFormatError("u.csv:2", "expected UTF-8 text",
        () -> DelimitedReader.read(f, DelimitedFormat.CSV, List.of("a")));
  }
}
