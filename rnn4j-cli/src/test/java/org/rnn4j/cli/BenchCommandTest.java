package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.kernel.Parallelism;

class BenchCommandTest {

  @Test
  void anUnknownConfigIsOneLineNamingTheValidOnes() {
    CliRun r = CliRun.run("bench", "--config", "C9");
    assertEquals(1, r.code());
    assertTrue(r.err().contains(
        "unknown bench config 'C9': expected one of [gemm, C1, C2, C3, C4, C5]"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void optionsOfOtherConfigsAreRefused() {
    CliRun seconds = CliRun.run("bench", "gemm", "--seconds", "1");
    assertEquals(1, seconds.code());
    assertTrue(seconds.err().contains("--seconds applies to C1-C5"), seconds.err());
    CliRun unpacked = CliRun.run("bench", "C3", "--unpacked");
    assertEquals(1, unpacked.code());
    assertTrue(unpacked.err().contains("--unpacked applies to gemm only, not C3"),
        unpacked.err());
    CliRun negative = CliRun.run("bench", "C3", "--seconds", "-1");
    assertEquals(1, negative.code());
    assertTrue(negative.err().contains("--seconds must be finite and > 0, got -1.0"),
        negative.err());
  }

  @Test
  void helpListsEveryConfig() {
    CliRun help = CliRun.run("bench", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("one of gemm, C1, C2, C3, C4, C5"), help.out());
    for (String config : List.of("C1", "C2", "C3", "C4", "C5")) {
      assertTrue(help.out().contains("  " + config + "    "), help.out());
    }
  }

  @Test
  void c3RunsEndToEndAtItsFullSizeAndPrintsTwoJsonLines() throws Exception {
    int threadsBefore = Parallelism.threads();
    CliRun r = CliRun.run("bench", "--config", "c3", "--threads", "1", "--seconds", "0.02");
    assertEquals(0, r.code(), r.err());
    List<JsonNode> lines = new ArrayList<>();
    for (String line : r.out().strip().split("\n")) {
      lines.add(new ObjectMapper().readTree(line));
    }
    assertEquals(2, lines.size(), r.out());
    assertEquals("train_seqs_per_s", lines.get(0).get("metric").asText());
    assertEquals("infer_seqs_per_s", lines.get(1).get("metric").asText());
    for (JsonNode line : lines) {
      assertEquals("C3", line.get("config").asText());
      assertEquals(64, line.get("batch").asInt());
      assertEquals(50, line.get("seq").asInt());
      assertEquals(1, line.get("threads").asInt());
    }
    assertEquals(threadsBefore, Parallelism.threads());
  }
}
