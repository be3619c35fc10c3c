package org.rnn4j.task.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.Collate;
import org.rnn4j.data.Padded;
import org.rnn4j.data.TokenIds;
import org.rnn4j.data.format.SentencePair;
import org.rnn4j.decode.BeamSearchConfig;
import org.rnn4j.io.ModelFile;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.testing.ConcurrentCalls;
import org.rnn4j.text.CharTokenizer;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.TextCodecPair;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.text.WordTokenizer;

class TranslatorTest {
  @TempDir Path dir;
  private static final TextCodecPair CODECS = new TextCodecPair(
      new TextCodec(new CharTokenizer(), Vocabulary.of(List.of("a", "b", "c", " "))),
      new TextCodec(new WordTokenizer(false, false), Vocabulary.of(List.of("x", "y", "z"))));
  private static final Vocabulary TARGET = CODECS.target().vocabulary();

  private static Seq2Seq model(long seed) {
    return new Seq2Seq(Seq2SeqConfig.of(RecurrentSpec.of(CellKind.GRU, 6).withBidirectional(true),
        CODECS.source().vocabulary().size(), TARGET.size()), new SplittableRandom(seed));
  }

  private static Padded alone(String source) {
    return Collate.pad(List.of(new TokenIds(CODECS.source().encode(source, false))), 0);
  }

  /** 70 random sources (more than one batch), one with a character the codec lacks. */
  private static List<String> sources() {
    SplittableRandom rng = new SplittableRandom(5);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      StringBuilder s = new StringBuilder();
      for (int n = rng.nextInt(1, 6); n > 0; n--) {
        s.append("abc ".charAt(rng.nextInt(4)));
      }
      out.add(s.toString());
    }
    out.set(3, "abq");
    return out;
  }

  @Test
  void greedyTranslationsAreTheModelsGreedyDecodingOfEachSourceAlone() {
    Seq2Seq m = model(1);
    List<String> sources = sources();
    List<Translator.Translation> out = Translator.of(m, CODECS).translate(sources,
        Translator.Options.GREEDY);
    assertEquals(sources.size(), out.size());
    for (int i = 0; i < sources.size(); i++) {
      int limit = 2 * sources.get(i).length() + 10;
      Seq2Seq.Decoded d = m.decode(alone(sources.get(i)), limit, TARGET.bosId(), TARGET.eosId());
      Translator.Translation t = out.get(i);
      assertArrayEquals(d.ids()[0], t.ids(), sources.get(i));
      assertArrayEquals(d.attention()[0], t.attention(), sources.get(i));
      assertEquals(TARGET.decode(d.ids()[0], true), t.tokens());
      assertEquals(String.join(" ", t.tokens()), t.text());
      assertEquals(new CharTokenizer().tokenize(sources.get(i)), t.sourceTokens());
    }
  }

  @Test
  void beamTranslationsAreTheModelsBeamSearch() {
    Seq2Seq m = model(2);
    List<String> sources = sources().subList(0, 10);
    Translator.Options options = new Translator.Options(3, 0.6, OptionalInt.of(7));
    List<Translator.Translation> out = Translator.of(m, CODECS).translate(sources, options);
    for (int i = 0; i < sources.size(); i++) {
      BeamResult r = m.beamSearch(alone(sources.get(i)),
          BeamSearchConfig.of(3, 7, TARGET.eosId()).withLengthPenalty(0.6), TARGET.bosId())
          .get(0);
      assertArrayEquals(r.best().ids(), out.get(i).ids(), sources.get(i));
      assertArrayEquals(r.attention(), out.get(i).attention(), sources.get(i));
    }
  }

  @Test
  void lengthLimitsHoldPerSource() {
    Seq2Seq m = model(3);
    m.parameters().get("out.bias").data()[TARGET.id("y")] = 100f; // never <eos>
    Translator translator = Translator.of(m, CODECS);
    List<String> sources = List.of("a", "abcab", "ab");
    for (int k : new int[] {1, 2}) {
      List<Translator.Translation> auto = translator.translate(sources,
          new Translator.Options(k, 0, OptionalInt.empty()));
      assertEquals(List.of(12, 20, 14), auto.stream().map(t -> t.ids().length).toList());
      List<Translator.Translation> fixed = translator.translate(sources,
          new Translator.Options(k, 0, OptionalInt.of(4)));
      fixed.forEach(t -> assertEquals("y y y y", t.text()));
    }
  }

  @Test
  void emptySourcesGetEmptyTranslations() {
    List<Translator.Translation> out = Translator.of(model(4), CODECS).translate(
        List.of("", "ab", ""), Translator.Options.GREEDY);
    assertEquals(0, out.get(0).ids().length);
    assertEquals("", out.get(2).text());
    assertEquals(0, out.get(2).attention().length);
    assertEquals(2, out.get(1).sourceTokens().size());
  }

  @Test
  void rejectsCodecsOfAnotherSizeAndBadOptions() {
    TextCodecPair small = new TextCodecPair(CODECS.source(),
        new TextCodec(new CharTokenizer(), Vocabulary.of(List.of("x"))));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Translator.of(model(5), small));
    assertTrue(e.getMessage().contains("the model expects 8 source and 7 target tokens, the codecs"
        + " hold 8 and 5"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new Translator.Options(0, 0, OptionalInt.empty()));
    assertThrows(IllegalArgumentException.class,
        () -> new Translator.Options(2, -1, OptionalInt.empty()));
    assertThrows(IllegalArgumentException.class,
        () -> new Translator.Options(2, 0, OptionalInt.of(0)));
  }

  /** A model written as a model file with both codecs, the way training writes one. */
  private Path file(Seq2Seq m) throws Exception {
    Path file = dir.resolve("s2s.safetensors");
    ModelFile.write(file, m.parameters(), m.config().toJson(), Optional.of(CODECS.toJson()),
        ModelFile.Provenance.now(1, ""));
    return file;
  }

  /** One call: 1 to 4 sources and how to decode them. */
  private record Request(List<String> sources, Translator.Options options) {}

  /** Ids and attention weights of every translation, floats as {@link Float#toString}. */
  private static String render(List<Translator.Translation> translations) {
    StringBuilder s = new StringBuilder();
    for (Translator.Translation t : translations) {
      s.append(Arrays.toString(t.ids())).append(t.text()).append('|');
      for (float[] row : t.attention()) {
        s.append(Arrays.toString(row));
      }
      s.append('\n');
    }
    return s.toString();
  }

  @Test
  void eightThreadsGetTheSerialAnswersBitForBit() throws Exception {
    Seq2Seq small = new Seq2Seq(Seq2SeqConfig.of(RecurrentSpec.of(CellKind.LSTM, 3)
            .withBidirectional(true), CODECS.source().vocabulary().size(), TARGET.size())
        .withEmbeddingSizes(3, 3), new SplittableRandom(11));
    Translator translator = Translator.load(file(small));
    SplittableRandom rng = new SplittableRandom(7);
    List<String> sources = sources();
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      List<String> texts = new ArrayList<>();
      for (int n = rng.nextInt(1, 5); n > 0; n--) {
        texts.add(sources.get(rng.nextInt(sources.size())));
      }
      int beam = rng.nextBoolean() ? 1 : rng.nextInt(2, 4); // greedy and widths 2, 3
      requests.add(new Request(texts, new Translator.Options(beam, rng.nextInt(3) * 0.5,
          OptionalInt.of(rng.nextInt(2, 5)))));
    }
    ConcurrentCalls.assertSameAsSerial(requests,
        r -> render(translator.translate(r.sources(), r.options())));
  }

  @Test
  void loadsWithItsCodecsAndTheRegistryFindsIt() throws Exception {
    Seq2Seq m = model(6);
    Translator inMemory = Translator.of(m, CODECS);
    Path file = file(m);
    assertEquals("seq2seq", TaskFamilies.of(file).name());
    Translator loaded = (Translator) TaskFamilies.load(file);
    assertEquals(m.config(), loaded.config());
    assertEquals(CODECS.toJson(), loaded.codecs().toJson());
    List<String> sources = sources().subList(0, 12);
    Translator.Options beam = new Translator.Options(2, 1.0, OptionalInt.empty());
    assertEquals(render(inMemory.translate(sources, Translator.Options.GREEDY)),
        render(loaded.translate(sources, Translator.Options.GREEDY)));
    assertEquals(render(inMemory.translate(sources, beam)), render(loaded.translate(sources,
        beam)));
    Path bare = dir.resolve("bare.safetensors");
    ModelFile.write(bare, m.parameters(), m.config().toJson(), Optional.empty(),
        ModelFile.Provenance.now(1, ""));
    ModelFormatException e = assertThrows(ModelFormatException.class,
        () -> Translator.load(bare));
    assertTrue(e.getMessage().contains("holds no vocabularies"), e.getMessage());
  }

  @Test
  void evaluationScoresTheTranslationsOfTheSources() throws Exception {
    Translator translator = Translator.load(file(model(7)));
    List<SentencePair> pairs = List.of(new SentencePair("ab", "x y"),
        new SentencePair("c a", "z"), new SentencePair("bb", "y y x"));
    Path tsv = Files.write(dir.resolve("pairs.tsv"),
        pairs.stream().map(p -> p.source() + "\t" + p.target()).toList());
    for (int beam : new int[] {1, 2}) {
      Translator.Options options = new Translator.Options(beam, 1.0, OptionalInt.empty());
      TranslationEvaluation e = translator.evaluate(tsv,
          TaskOptions.of(Map.of("beam", String.valueOf(beam))));
      TranslationScores expected = TranslationScores.of(CODECS.target().tokenizer(),
          translator.translate(pairs.stream().map(SentencePair::source).toList(), options)
              .stream().map(Translator.Translation::tokens).toList(),
          pairs.stream().map(SentencePair::target).toList());
      assertEquals(expected, e.scores());
      List<String> lines = e.report().lines().toList();
      assertEquals(2, lines.size(), e.report());
      assertTrue(lines.get(0).startsWith(tsv + ": 3 pairs, " + (beam == 1 ? "greedy" : "beam 2")
          + ": BLEU "), lines.get(0));
      assertEquals(expected.bleu().toString(), lines.get(1));
      assertEquals(3, e.toJson().get("pairs").asInt());
      assertEquals(beam, e.toJson().get("beam_width").asInt());
      assertEquals(expected.exactMatch(), e.toJson().get("exact_match").asDouble());
    }
  }

  @Test
  void predictionsAreTheTranslationsOfTheLines() throws Exception {
    Translator translator = Translator.load(file(model(8)));
    List<String> lines = List.of("ab", "", "c");
    List<Translator.Translation> predicted = translator.predict(lines,
        TaskOptions.of(Map.of("beam", "2", "max-length", "3")));
    List<Translator.Translation> translated = translator.translate(lines,
        new Translator.Options(2, 1.0, OptionalInt.of(3)));
    assertEquals(render(translated), render(predicted));
    assertEquals("", predicted.get(1).text());
    assertEquals("ab", predicted.get(0).toJson().get("text").asText());
    assertEquals(translated.get(0).text(), predicted.get(0).toJson().get("translation").asText());
  }

  @Test
  void decodingOptionsNameTheCommandLineOptions() {
    Translator.Options defaults = Translator.Options.from(TaskOptions.none());
    assertEquals(new Translator.Options(1, 1.0, OptionalInt.empty()), defaults);
    assertEquals(new Translator.Options(3, 0.5, OptionalInt.of(9)), Translator.Options.from(
        TaskOptions.of(Map.of("beam", "3", "alpha", "0.5", "max-length", "9"))));
    Map<Map<String, String>, String> bad = Map.of(
        Map.of("beam", "0"), "--beam must be at least 1, got 0",
        Map.of("alpha", "-1"), "--alpha must be finite and at least 0, got -1.0",
        Map.of("alpha", "Infinity"), "--alpha must be finite and at least 0, got Infinity",
        Map.of("alpha", "much"), "--alpha must be a number, got much",
        Map.of("max-length", "0"), "--max-length must be at least 1, got 0");
    bad.forEach((given, message) -> assertEquals(message, assertThrows(
        IllegalArgumentException.class, () -> Translator.Options.from(TaskOptions.of(given)))
        .getMessage()));
  }
}
