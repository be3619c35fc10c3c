package org.rnn4j.data.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rnn4j.data.format.Samples.assertFormatError;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledJsonLinesTest {
  @TempDir Path dir;

  @Test
  void readsOneObjectPerLineSkippingBlankLines() throws IOException {
    Path file = Samples.write(dir, "a.jsonl", "\uFEFF{\"text\":\"good\",\"class\":1}\n\n"
        + "{\"class\":\"neg\",\"text\":\"bad\",\"extra\":[1]}\n");
    assertEquals(List.of(new LabelledText("good", "1"), new LabelledText("bad", "neg")),
        LabelledJsonLines.read(file, "text", "class"));
  }

  @Test
  void aBadLineIsNamed() throws IOException {
    Path empty = Samples.write(dir, "e.jsonl", "{\"text\":\"a\",\"class\":1}\n"
        + "{\"text\":\"b\",\"class\":\"\"}\n");
    assertFormatError("e.jsonl:2", "expected a non-empty label in \"class\", found \"\"",
        () -> LabelledJsonLines.read(empty, "text", "class"));
    Path missing = Samples.write(dir, "m.jsonl", "{\"text\":\"b\"}\n");
    assertFormatError("m.jsonl:1", "expected a string, number or boolean field \"class\","
        + " found none", () -> LabelledJsonLines.read(missing, "text", "class"));
    Path two = Samples.write(dir, "t.jsonl", "{\"text\":\"a\",\"class\":1} {\"text\":\"b\"}\n");
    assertFormatError("t.jsonl:1", "expected one JSON object on the line",
        () -> LabelledJsonLines.read(two, "text", "class"));
    Path array = Samples.write(dir, "r.jsonl", "\n[{\"text\":\"a\",\"class\":1}]\n");
    assertFormatError("r.jsonl:2", "expected a JSON object '{…}', found [{",
        () -> LabelledJsonLines.read(array, "text", "class"));
  }

  @Test
  void anEmptyLabelIsAnErrorInEveryLabelledFormat() throws IOException {
    Path csv = Samples.write(dir, "e.csv", "text,label\ngood,pos\nbad,\n");
    assertFormatError("e.csv:3 (record 2)", "expected a non-empty label in \"label\", found \"\"",
        () -> DelimitedReader.readLabelled(csv, DelimitedFormat.CSV, "text", "label"));
    Path json = Samples.write(dir, "e.json", "[{\"text\":\"a\",\"label\":\"  \"}]");
    assertFormatError("e.json:1 (record 1)", "expected a non-empty label in \"label\", found"
        + " \"  \"", () -> LabelledJson.read(json, "text", "label", true));
  }
}
