package org.rnn4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rnn4j.datasets.DataCache;

/**
 * The sentiment demo end to end on the fetched set (slow profile; skipped when data/fetch has not
 * brought the sentiment set). With seed 1 the GRU reached 0.700 on IMDb and the bag of words
 * 0.685; other seeds gave the GRU 0.66–0.70: the bars sit below that.
 */
@Tag("slow")
class SentimentDemoTest {

  @Test
  void beatsTheMajorityClassOnUnseenImdbSentences() throws IOException {
    assumeTrue(Files.isDirectory(DataCache.locate().root().resolve("sentiment")),
        "data/cache/sentiment is missing: run data/fetch sentiment to run the sentiment demo");
    StringWriter text = new StringWriter();
    SentimentDemo.Result r = new SentimentDemo(1).run(new PrintWriter(text));
    System.out.print(text);
    assertTrue(r.majority() == 0.5, "IMDb is balanced: " + r);
    assertTrue(r.rnn() >= 0.62, "GRU accuracy " + r);
    assertTrue(r.bagOfWords() >= 0.62, "bag-of-words accuracy " + r);
    assertTrue(text.toString().contains("IMDb test accuracy: GRU"), text.toString());
  }
}
