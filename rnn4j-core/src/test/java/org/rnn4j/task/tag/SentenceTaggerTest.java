package org.rnn4j.task.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.format.EntitySpan;
import org.rnn4j.data.format.TaggedSentence;
import org.rnn4j.io.ModelFile;
import org.rnn4j.metrics.EntityScore;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.testing.ConcurrentCalls;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.text.WordTokenizer;

class SentenceTaggerTest {
  private static final List<String> WORDS = List.of("Ana", "met", "Li", "in", "Paris", "at",
      "Acme", "Inc", "the", "today", "Berlin", "saw");
  /** Words the model never saw: they read as {@code <unk>} but keep no spelling. */
  private static final List<String> UNSEEN = List.of("Zed", "Quito", "visited", "Globex");
  private static final List<String> TAGS = List.of("B-LOC", "B-ORG", "B-PER", "I-ORG", "O");

  @TempDir Path dir;

  /** A tagger with random weights, written as a model file the way training writes one. */
  private Path model() throws Exception {
    List<TaggedSentence> sentences = List.of(new TaggedSentence(WORDS,
        WORDS.stream().map(w -> "O").toList()));
    Vocabulary words = TaggerData.words(sentences, false);
    Vocabulary chars = TaggerData.characters(words);
    TaggerConfig config = TaggerConfig.of(words.size(), 6,
            new RecurrentSpec(CellKind.LSTM, 8, 1, true, 0.2f), TAGS)
        .withChars(new CharFeatures(chars.size(), 4, 5, TaggerData.spellings(words, chars)));
    Tagger tagger = new Tagger(config, new SplittableRandom(3));
    Path file = dir.resolve("tagger.safetensors");
    ModelFile.write(file, tagger.parameters(), config.toJson(),
        Optional.of(new TextCodec(new WordTokenizer(false, false), words).toJson()),
        ModelFile.Provenance.now(3, ""));
    return file;
  }

  /** Mixed lengths from 1 to 9 tokens, some words unseen. */
  private static List<String> sentence(SplittableRandom rng) {
    List<String> tokens = new ArrayList<>();
    for (int t = rng.nextInt(1, 10); t > 0; t--) {
      tokens.add(rng.nextInt(6) == 0 ? UNSEEN.get(rng.nextInt(UNSEEN.size()))
          : WORDS.get(rng.nextInt(WORDS.size())));
    }
    return tokens;
  }

  private static String render(List<TagPrediction> predictions) {
    StringBuilder s = new StringBuilder();
    predictions.forEach(p -> s.append(p.text()).append(p.entities()).append('\n'));
    return s.toString();
  }

  @Test
  void eightThreadsGetTheSerialAnswersBitForBit() throws Exception {
    SentenceTagger tagger = SentenceTagger.load(model());
    SplittableRandom rng = new SplittableRandom(7);
    List<List<List<String>>> requests = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      List<List<String>> request = new ArrayList<>();
      for (int n = rng.nextInt(1, 6); n > 0; n--) {
        request.add(sentence(rng));
      }
      requests.add(request);
    }
    ConcurrentCalls.assertSameAsSerial(requests, request -> render(request.size() == 1
        ? List.of(tagger.tag(request.get(0))) : tagger.tagAll(request)));
  }

  @Test
  void aSentencesTagsDoNotDependOnTheOthersInItsCall() throws Exception {
    SentenceTagger tagger = SentenceTagger.load(model());
    SplittableRandom rng = new SplittableRandom(2);
    List<List<String>> sentences = new ArrayList<>();
    for (int i = 0; i < 150; i++) { // three batches of mixed lengths
      sentences.add(sentence(rng));
    }
    List<TagPrediction> together = tagger.tagAll(sentences);
    for (int i = 0; i < sentences.size(); i += 7) {
      assertEquals(together.get(i), tagger.tag(sentences.get(i)), sentences.get(i).toString());
      assertEquals(together.get(i), tagger.tag(String.join("  ", sentences.get(i)) + " "));
    }
  }

  @Test
  void aBlankSentenceHasNoTagsAndKeepsItsPlace() throws Exception {
    SentenceTagger tagger = SentenceTagger.load(model());
    List<TagPrediction> p = tagger.predict(List.of("Ana met Li", " ", "Paris"),
        TaskOptions.none());
    assertEquals(3, p.size());
    assertEquals(List.of("Ana", "met", "Li"), p.get(0).tokens());
    assertEquals(new TagPrediction(List.of(), List.of()), p.get(1));
    assertEquals("", p.get(1).text());
    assertEquals(List.of("Paris"), p.get(2).tokens());
    assertEquals(1, p.get(2).tags().size());
  }

  @Test
  void predictionsPrintAsTheCommandLineDoesAndSpellOutTheirEntities() {
    TagPrediction p = new TagPrediction(List.of("Ana", "met", "Li", "Lee", "at", "Acme", "Inc"),
        List.of("B-PER", "O", "B-PER", "I-PER", "O", "I-ORG", "I-ORG"));
    assertEquals("Ana/B-PER met/O Li/B-PER Lee/I-PER at/O Acme/I-ORG Inc/I-ORG", p.text());
    assertEquals("{\"tokens\":[\"Ana\",\"met\",\"Li\",\"Lee\",\"at\",\"Acme\",\"Inc\"],"
        + "\"tags\":[\"B-PER\",\"O\",\"B-PER\",\"I-PER\",\"O\",\"I-ORG\",\"I-ORG\"]}",
        p.toJson().toString());
    assertEquals(List.of(new EntitySpan(0, 1, "PER"), new EntitySpan(2, 4, "PER"),
        new EntitySpan(5, 7, "ORG")), p.entities());
    assertThrows(IllegalArgumentException.class,
        () -> new TagPrediction(List.of("a"), List.of()));
  }

  @Test
  void evaluationScoresEverySentenceAndNamesUnknownTags() throws Exception {
    SentenceTagger tagger = SentenceTagger.load(model());
    SplittableRandom rng = new SplittableRandom(4);
    List<TaggedSentence> gold = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      List<String> tokens = sentence(rng);
      gold.add(new TaggedSentence(tokens,
          tokens.stream().map(t -> TAGS.get(rng.nextInt(TAGS.size()))).toList()));
    }
    TagEvaluation e = tagger.evaluate("mem", gold);
    EntityScore expected = new EntityScore();
    List<TagPrediction> p = tagger.tagAll(gold.stream().map(TaggedSentence::tokens).toList());
    for (int i = 0; i < gold.size(); i++) {
      expected.add(gold.get(i).tags(), p.get(i).tags());
    }
    assertEquals(expected.f1(), e.f1(), 1e-12);
    assertEquals(expected.tokenAccuracy(), e.tokenAccuracy(), 1e-12);
    assertEquals(20, e.toJson().get("sentences").asInt());
    assertEquals(expected.tokens(), e.toJson().get("tokens").asLong());
    assertTrue(e.report().startsWith("mem: 20 sentences, entity precision "), e.report());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> tagger.evaluate("mem", List.of(new TaggedSentence(List.of("Ana"),
            List.of("B-MISC")))));
    assertTrue(bad.getMessage().contains("sentence 1: tag 'B-MISC'"), bad.getMessage());
  }

  @Test
  void evaluatesAConllFileAsTheOptionsSay() throws Exception {
    SentenceTagger tagger = SentenceTagger.load(model());
    Path data = Files.write(dir.resolve("test.conll"),
        List.of("Ana B-PER", "met O", "", "Paris B-LOC", ""));
    TagEvaluation e = tagger.evaluate(data, TaskOptions.of(Map.of("format", "conll",
        "tag-column", "1")));
    assertEquals(2, e.sentences());
    assertEquals(3, e.score().tokens());
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> tagger.evaluate(data, TaskOptions.none()));
    assertTrue(none.getMessage().contains("--format conll"), none.getMessage());
  }

  @Test
  void theRegistryLoadsItFromTheFileAlone() throws Exception {
    Path file = model();
    assertEquals("tag", TaskFamilies.of(file).name());
    assertTrue(TaskFamilies.load(file) instanceof SentenceTagger);
    assertEquals(TaskFamilies.load(file).config(), TaskFamilies.named("tag")
        .readConfig(SentenceTagger.load(file).config().toJson(), file));
  }
}
