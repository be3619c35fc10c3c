package org.rnn4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The digits demo end to end, as {@code bin/rnn4j demo digits} runs it (slow profile, about 10
 * minutes on 2 cores; needs espeak-ng, which makes the speech): the recognizer's digit error rate
 * on speakers it never heard is at most 5%, and well below the one-way tanh RNN's.
 */
@Tag("slow")
class DigitsDemoTest {

  @Test
  void recognisesDigitsOfSpeakersItNeverHeard() throws Exception {
    boolean espeak = new ProcessBuilder("sh", "-c", "command -v espeak-ng").start().waitFor() == 0;
    assumeTrue(espeak, "espeak-ng is not installed (apt-get install espeak-ng): the demo cannot"
        + " synthesize its speech");
    StringWriter text = new StringWriter();
    List<DigitsDemo.Result> r = new DigitsDemo(1, DigitsDemo.DEFAULT, DemoProgress.QUIET)
        .run(new PrintWriter(text));
    System.out.print(text);
    assertEquals(2, r.size());
    double gru = r.get(0).synthesized().score().errorRate();
    double rnn = r.get(1).synthesized().score().errorRate();
    assertTrue(gru <= 0.05, text.toString());
    assertTrue(gru < rnn / 2, text.toString());
  }
}
