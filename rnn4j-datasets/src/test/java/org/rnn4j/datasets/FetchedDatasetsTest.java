package org.rnn4j.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.format.EntitySpan;
import org.rnn4j.data.format.NoteEvent;
import org.rnn4j.data.format.SentencePair;
import org.rnn4j.data.format.TaggedSentence;
import org.rnn4j.data.format.TimeSeries;
import org.rnn4j.datasets.SpliceJunctions.DnaSequence;

/**
 * Every fetched set, whole: counts and checks that only the real data can pass. Needs {@code
 * data/fetch} to have run (slow profile only; skipped with a message when data/cache is absent).
 */
@Tag("slow")
class FetchedDatasetsTest {
  private static DataCache cache;

  @BeforeAll
  static void locateCache() {
    cache = DataCache.locate();
    assumeTrue(Files.isDirectory(cache.root()),
        "data/cache is missing: run data/fetch to check the real datasets");
  }

  @Test
  void dinosaursInTheCacheMatchTheCommittedCopy() throws IOException {
    List<String> cached = Files.readAllLines(cache.require("dinosaurs", "dinosaurs.csv"));
    assertEquals(Dinosaurs.load(), cached);
  }

  @Test
  void sentimentHas3000BalancedSentences() throws IOException {
    List<Sentiment.Sentence> s = Sentiment.load(cache);
    assertEquals(3000, s.size());
    assertEquals(1500, s.stream().filter(x -> x.label() == 1).count());
    for (String d : Sentiment.DOMAINS) {
      assertEquals(1000, s.stream().filter(x -> x.domain().equals(d)).count());
    }
    report("sentiment", s.size() + " sentences, 1500 positive");
  }

  @Test
  void voaGoldSetHas42SentencesAnd70Entities() throws IOException {
    List<TaggedSentence> s = VoaNames.load(cache);
    assertEquals(42, s.size());
    Map<String, Long> types = s.stream().flatMap(t -> t.spans().stream())
        .collect(Collectors.groupingBy(EntitySpan::type, Collectors.counting()));
    assertEquals(70, types.values().stream().mapToLong(Long::longValue).sum());
    report("voa", s.size() + " sentences, entities " + types);
  }

  @Test
  void sotuWeakLabelsCoverEverySpeech() throws IOException {
    List<SotuWeakNer.Speech> speeches = SotuWeakNer.load(cache);
    assertEquals(233, speeches.size());
    long sentences = speeches.stream().mapToLong(x -> x.sentences().size()).sum();
    Map<String, Long> types = speeches.stream().flatMap(x -> x.sentences().stream())
        .flatMap(t -> t.spans().stream())
        .collect(Collectors.groupingBy(EntitySpan::type, Collectors.counting()));
    assertTrue(sentences > 50_000, "sentences " + sentences);
    assertTrue(types.keySet().containsAll(List.of("person", "location", "organization",
        "date")), types.toString());
    report("sotu", speeches.size() + " speeches, " + sentences + " sentences, entities "
        + types);
  }

  @Test
  void musicHas31PlayablePieces() throws IOException {
    List<OpenMsxMusic.Piece> pieces = OpenMsxMusic.load(cache);
    assertEquals(31, pieces.size());
    long notes = pieces.stream().mapToLong(p -> p.notes().notes().size()).sum();
    assertTrue(pieces.stream().allMatch(p -> p.notes().notes().size() > 50));
    int lowest = pieces.stream().flatMap(p -> p.notes().notes().stream())
        .mapToInt(NoteEvent::pitch).min().orElse(-1);
    report("music", pieces.size() + " pieces, " + notes + " notes, lowest pitch " + lowest);
  }

  @Test
  void dnaHas3186SequencesAndDonorSitesStartWithGt() throws IOException {
    List<DnaSequence> dna = SpliceJunctions.load(cache);
    assertEquals(3186, dna.size());
    Map<String, Long> classes = dna.stream()
        .collect(Collectors.groupingBy(DnaSequence::label, Collectors.counting()));
    assertEquals(Map.of("ei", 767L, "ie", 765L, "n", 1654L), classes);
    assertTrue(dna.stream().allMatch(d -> d.bases().matches("[ACGT]{60}")));
    long gt = dna.stream().filter(d -> d.label().equals("ei"))
        .filter(d -> d.bases().substring(30, 32).equals("GT")).count();
    long ag = dna.stream().filter(d -> d.label().equals("ie"))
        .filter(d -> d.bases().substring(28, 30).equals("AG")).count();
    assertTrue(gt > 0.95 * 767, "GT at 31-32 in " + gt + " of 767 ei");
    report("dna", dna.size() + " sequences " + classes + "; GT at 31-32 in " + gt
        + " of 767 ei; AG at 29-30 in " + ag + " of 765 ie");
  }

  @Test
  void dingGivesAboutSixteenThousandSentencePairs() throws IOException {
    List<SentencePair> pairs = DingPairs.load(cache);
    assertTrue(pairs.size() > 15_000 && pairs.size() < 18_000, "pairs " + pairs.size());
    assertEquals(pairs.size(), pairs.stream().distinct().count());
    report("ding", pairs.size() + " pairs, e.g. " + pairs.get(pairs.size() / 2));
  }

  @Test
  void airPassengersHas144Months() throws IOException {
    TimeSeries s = AirPassengers.load(cache);
    assertEquals(AirPassengers.MONTHS, s.length());
    assertEquals(112f, s.values().get(0, 0));
    assertEquals(432f, s.values().get(143, 0));
    assertEquals("1960-12", s.times().get(143));
    report("airpassengers", s.length() + " months, " + s.times().get(0) + " to "
        + s.times().get(143));
  }

  @Test
  void birthsHave7305Days() throws IOException {
    TimeSeries s = UsBirths.loadWithCalendar(cache);
    assertEquals(7305, s.length());
    assertEquals(8486f, s.values().get(0, 0));
    Function<Integer, Double> meanOfWeekday = d -> {
      double sum = 0;
      int n = 0;
      for (int t = 0; t < s.length(); t++) {
        if (s.values().get(t, 3) == d) {
          sum += s.values().get(t, 0);
          n++;
        }
      }
      return sum / n;
    };
    assertTrue(meanOfWeekday.apply(7) < 0.9 * meanOfWeekday.apply(2), "Sundays have fewer");
    report("births", s.length() + " days, 1969-1988");
  }

  private static void report(String set, String figures) {
    System.out.println("[dataset] " + set + ": " + figures);
  }
}
