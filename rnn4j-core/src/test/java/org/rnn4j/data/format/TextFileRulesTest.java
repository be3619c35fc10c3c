package org.rnn4j.data.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.DataFormatException;

/**
 * The rules every text reader follows alike: a UTF-8 byte-order mark at the start of a file is
 * skipped; a CSV/TSV header that names a column twice and a JSON object with a key twice are
 * errors naming the file and line, since which of the two is meant cannot be known.
 */
class TextFileRulesTest {
  private static final String BOM = "\uFEFF";

  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void aByteOrderMarkIsSkippedByEveryReader() throws Exception {
    assertEquals(List.of("abc", "def"), TextLines.read(file("a.txt", BOM + "abc\ndef\n"), true));
    assertEquals(List.of(new LabelledText("good", "pos")), DelimitedReader.readLabelled(
        file("a.csv", BOM + "text,label\ngood,pos\n"), DelimitedFormat.CSV, "text", "label"));
    assertEquals(List.of(new LabelledText("good", "pos")), LabelledJson.read(
        file("a.json", BOM + "[{\"text\":\"good\",\"label\":\"pos\"}]"), "text", "label", true));
    assertEquals(List.of("value"), TimeSeriesCsv.read(file("s.csv", BOM + "value\n1\n2\n"),
        DelimitedFormat.CSV, Optional.empty(), List.of("value")).names());
    assertEquals("ab", ParallelTsv.read(file("p.tsv", BOM + "ab\tAB\n")).get(0).source());
    assertEquals(List.of("John"), Conll.read(file("c.conll", BOM + "John NNP B-NP B-PER\n\n"),
        0, 3).get(0).tokens());
  }

  @Test
  void aColumnOrKeyNamedTwiceIsAnErrorNamingFileAndLine() throws Exception {
    Path csv = file("dup.csv", "text,label,text\ngood,pos,bad\n");
    DataFormatException header = assertThrows(DataFormatException.class,
        () -> DelimitedReader.readLabelled(csv, DelimitedFormat.CSV, "text", "label"));
    assertEquals(csv + ":1: expected distinct column names in the header: The header contains a"
        + " duplicate name: \"text\" in [text, label, text]", header.getMessage());
    Path series = file("dup-series.csv", "value,value\n1,2\n");
    assertThrows(DataFormatException.class, () -> TimeSeriesCsv.read(series,
        DelimitedFormat.CSV, Optional.empty(), List.of("value")));
    Path json = file("dup.json", "[{\"text\":\"good\",\n\"text\":\"bad\",\"label\":\"pos\"}]");
    DataFormatException key = assertThrows(DataFormatException.class,
        () -> LabelledJson.read(json, "text", "label", true));
    assertEquals(json + ":2: expected well-formed JSON: Duplicate field 'text'", key.getMessage());
  }
}
