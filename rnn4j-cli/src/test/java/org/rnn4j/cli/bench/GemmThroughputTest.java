package org.rnn4j.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.kernel.Gemm;
import org.rnn4j.kernel.Parallelism;

class GemmThroughputTest {

  @Test
  void printsOneJsonLinePerShapeAndThreadCount() {
    int threadsBefore = Parallelism.threads();
    StringWriter text = new StringWriter();
    GemmThroughput.run(List.of(new int[] {5, 40, 70}), List.of(1, 2), true, new PrintWriter(text));
    String[] lines = text.toString().strip().split("\n");
    assertEquals(2, lines.length);
    String prefix = "{\"config\":\"gemm\",\"metric\":\"gflops\",\"unit\":\"GFLOP/s\","
        + "\"M\":5,\"K\":40,\"N\":70,\"threads\":";
    assertTrue(lines[0].startsWith(prefix + "1,\"gflops\":"), lines[0]);
    assertTrue(lines[1].startsWith(prefix + "2,\"gflops\":"), lines[1]);
    for (String line : lines) {
      assertTrue(line.matches(".*\"gflops\":([0-9.]+),\"value\":\\1,.*"), line);
      assertTrue(line.endsWith(",\"packed\":true,\"backend\":\"" + Gemm.backend() + "\"}"), line);
    }
    assertEquals(threadsBefore, Parallelism.threads());
  }
}
