package org.rnn4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.format.TaggedSentence;
import org.rnn4j.datasets.DataCache;
import org.rnn4j.metrics.EntityScore;

class NerDemoTest {

  @Test
  void everyWeakTypeMapsOntoAVoaType() {
    assertEquals(NerDemo.WEAK_TO_VOA.keySet(), Set.copyOf(NerDemo.TYPES));
    assertTrue(NerDemo.TYPES.containsAll(NerDemo.WEAK_TO_VOA.values()));
    assertEquals(List.of("O", "B-location", "I-location", "B-date"),
        NerDemo.toVoa(List.of("O", "B-location", "I-location", "B-date")));
    assertEquals(List.of("O", "B-person", "I-person", "B-location", "I-location",
        "B-organization", "I-organization", "B-date", "I-date"), NerDemo.tagNames());
  }

  @Test
  void aTypeOutsideTheMappingFailsLoudly() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NerDemo.toVoa(List.of("O", "B-misc")));
    assertTrue(e.getMessage().contains("B-misc"), e.getMessage());
  }

  @Test
  void baselineScoresTheLabellersTagsAgainstTheGoldTags() {
    List<TaggedSentence> gold = List.of(new TaggedSentence(List.of("Obama", "visited", "Seoul"),
        List.of("B-person", "O", "B-location")));
    EntityScore score = NerDemo.baseline(
        tokens -> new TaggedSentence(tokens, List.of("B-person", "O", "O")), gold);
    assertEquals(1, score.correctChunks());
    assertEquals(2, score.goldChunks());
    assertEquals(1, score.predictedChunks());
  }

  /**
   * The demo's core on half the demo's sample (6,000 sentences, at most 6 epochs; about a
   * minute on 2 cores): the tagger trained on weak labels must find the VOA entities with an
   * F1 of at least 0.55 (it reached 0.642 with seed 1 when this bar was set; the demo's 12,000
   * sentences reach 0.698) and the weak labeller itself at least 0.75 (it scores 0.818).
   */
  @Test
  @Tag("slow")
  void taggerTrainedOnWeakLabelsFindsVoaEntities() throws IOException {
    DataCache cache = DataCache.locate();
    assumeTrue(Files.isDirectory(cache.root()),
        "data/cache is missing: run data/fetch to train on the real datasets");
    StringWriter text = new StringWriter();
    NerDemo.Result r = new NerDemo(1, 6_000, 6).evaluate(cache, new PrintWriter(text),
        List.of());
    String report = text + "tagger P/R/F1 " + r.tagger().precision() + " " + r.tagger().recall()
        + " " + r.tagger().f1() + ", gazetteer F1 " + r.gazetteer().f1();
    System.out.println(report);
    assertEquals(42, r.goldSentences());
    assertEquals(70, r.tagger().goldChunks());
    assertTrue(r.gazetteer().f1() >= 0.75, report);
    assertTrue(r.tagger().f1() >= 0.55, report);
  }
}
