package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.cli.CliRun.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The real command line, run in process. */
class MainTest {

  @Test
  void demoTrainsTheCharacterRnnUntilItsLossFallsAndPrintsSamples() {
    CliRun r = run("demo", "chars", "--iterations", "200", "--hidden", "64", "--seed", "3");
    assertEquals(0, r.code(), r.err());
    Matcher m = Pattern.compile("iteration +200 +loss ([0-9.]+)").matcher(r.out());
    assertTrue(m.find(), r.out());
    double loss = Double.parseDouble(m.group(1));
    // ln V = 3.69 for a uniform guess; the model must have learned much of the text
    assertTrue(loss < 1.5, "loss after 200 iterations: " + loss + "\n" + r.out());
    assertEquals(3, r.out().lines().filter(l -> l.startsWith("sample: ")).count(), r.out());
  }

  @Test
  void theDefaultDemoLearnsDinosaurNamesBetterThanAUnigramModel() {
    CliRun r = run("demo");
    assertEquals(0, r.code(), r.err());
    Matcher m = Pattern.compile("LSTM ([0-9.]+), unigram baseline ([0-9.]+)").matcher(r.out());
    assertTrue(m.find(), r.out());
    double lstm = Double.parseDouble(m.group(1));
    double unigram = Double.parseDouble(m.group(2));
    assertTrue(lstm < 0.5 * unigram, "LSTM " + lstm + " vs unigram " + unigram);
    assertEquals(10, r.out().lines().filter(l -> l.startsWith("  ")).count(), r.out());
  }

  @Test
  void anUnknownDemoIsOneClearLineAndExitCodeOne() {
    CliRun r = run("demo", "nope");
    assertEquals(1, r.code());
    assertEquals("rnn4j: unknown demo 'nope': expected one of [dinosaurs, sentiment, ner, dna, activity, dates, translate, airline, music, memory, digits, chars]"
        + " (run with --verbose for the stack trace)", r.err().strip());
  }

  @Test
  void verboseShowsTheStackTrace() {
    CliRun r = run("--verbose", "demo", "nope");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("at org.rnn4j.cli.DemoCommand"), r.err());
  }

  @Test
  void benchNamesItsConfigsWhenGivenNoneOrAnUnknownOne() {
    CliRun none = run("bench");
    assertEquals(1, none.code());
    assertTrue(none.err().contains("bench needs a config: one of [gemm, C1, C2, C3, C4, C5]"), none.err());
    CliRun unknown = run("bench", "--config", "C9");
    assertEquals(1, unknown.code());
    assertTrue(unknown.err().contains("unknown bench config 'C9'"), unknown.err());
    CliRun threads = run("bench", "gemm", "--threads", "0");
    assertEquals(1, threads.code());
    assertTrue(threads.err().contains("--threads must be at least 1, got 0"), threads.err());
  }

  @Test
  void usageErrorsExitWithTwoAndHelpWithZero() {
    assertEquals(2, run("demo", "--iterations", "many").code());
    assertEquals(2, run().code());
    CliRun help = run("demo", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--iterations"), help.out());
  }
}
