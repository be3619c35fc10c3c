package org.rnn4j.data.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rnn4j.data.format.Samples.assertFormatError;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledJsonTest {
  @TempDir Path dir;

  @Test
  void readsTheSentimentSampleAndDropsTheTrailingEmptyRecord() throws IOException {
    List<LabelledText> r = LabelledJson.read(Samples.path("sentiment-amazon-excerpt.json"),
        "text", "class", true);
    assertEquals(12, r.size());
    assertEquals(new LabelledText("Good case, Excellent value.", "1"), r.get(1));
    assertEquals("0", r.get(0).label());
  }

  @Test
  void theTrailingEmptyRecordIsAnErrorUnlessSkipped() {
    assertFormatError("(record 13)", "expected a string, number or boolean field \"class\", "
        + "found null", () -> LabelledJson.read(Samples.path("sentiment-amazon-excerpt.json"),
            "text", "class", false));
  }

  @Test
  void malformedJsonNamesLineAndRecord() throws IOException {
    Path missing = Samples.write(dir, "m.json", "[{\"text\":\"a\",\"class\":1},\n{\"txt\":\"b\","
        + "\"class\":0}]");
    assertFormatError("m.json:2 (record 2)", "expected a string field \"text\", found none",
        () -> LabelledJson.read(missing, "text", "class", true));
    Path notArray = Samples.write(dir, "o.json", "{\"text\":\"a\"}");
    assertFormatError("o.json:1", "expected a JSON array '[', found '{'",
        () -> LabelledJson.read(notArray, "text", "class", true));
    Path broken = Samples.write(dir, "b.json", "[{\"text\":\"a\",\n\"class\":1,,}]");
    assertFormatError("b.json:2", "expected well-formed JSON",
        () -> LabelledJson.read(broken, "text", "class", true));
    Path nested = Samples.write(dir, "n.json", "[{\"text\":\"a\",\"class\":[1]}]");
    assertFormatError("n.json:1 (record 1)", "found [1]",
        () -> LabelledJson.read(nested, "text", "class", true));
  }
}
