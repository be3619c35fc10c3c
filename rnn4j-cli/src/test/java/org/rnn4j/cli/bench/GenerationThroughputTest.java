package org.rnn4j.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerationThroughputTest {
  private static final C4Shape TINY = new C4Shape(new CharLmShape(7, 4, 8, 2), 50, 3);

  @Test
  void generatesExactlyTheRequestedTokensAllInTheVocabulary() {
    GenerationThroughput c4 = new GenerationThroughput(TINY, 1);
    for (int n : new int[] {1, 2, 137}) {
      int[] ids = c4.generate(n);
      assertEquals(n, ids.length);
      for (int id : ids) {
        assertTrue(id >= 0 && id < 7, "id " + id);
      }
    }
  }

  @Test
  void printsOneLineWithThePeersFields() {
    List<JsonNode> lines = BenchLines.run(out -> GenerationThroughput.measure(TINY, 1,
        BenchLines.QUICK, out));
    assertEquals(1, lines.size());
    JsonNode line = lines.get(0);
    BenchLines.check(line, "C4", "gen_chars_per_s", "chars/s", 1,
        "batch", "chars_per_run", "runs", "us_per_char_median");
    assertEquals(1, line.get("batch").asInt());
    assertEquals(50, line.get("chars_per_run").asInt());
    assertEquals(3, line.get("runs").asInt());
    assertEquals(3, line.get("n_steps").asInt());
    assertEquals(1e6 / line.get("value").asDouble(), line.get("us_per_char_median").asDouble(),
        1e-4 * line.get("us_per_char_median").asDouble());
  }
}
