package org.rnn4j.task.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.Collate;
import org.rnn4j.data.Padded;
import org.rnn4j.data.TokenIds;
import org.rnn4j.decode.BeamSearchConfig;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.text.CharTokenizer;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.TextCodecPair;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.text.WordTokenizer;

class TranslatorTest {
  private static final TextCodecPair CODECS = new TextCodecPair(
      new TextCodec(new CharTokenizer(), Vocabulary.of(List.of("a", "b", "c", " "))),
      new TextCodec(new WordTokenizer(false, false), Vocabulary.of(List.of("x", "y", "z"))));
  private static final Vocabulary TARGET = CODECS.target().vocabulary();

  private static Seq2Seq model(long seed) {
    return new Seq2Seq(Seq2SeqConfig.builder(CODECS.source().vocabulary().size(), TARGET.size(),
        CellKind.GRU, 6).bidirectional(true).build(), new SplittableRandom(seed));
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
    List<Translator.Translation> out = new Translator(m, CODECS).translate(sources,
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
    List<Translator.Translation> out = new Translator(m, CODECS).translate(sources, options);
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
    Translator translator = new Translator(m, CODECS);
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
    List<Translator.Translation> out = new Translator(model(4), CODECS).translate(
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
        () -> new Translator(model(5), small));
    assertTrue(e.getMessage().contains("the model expects 8 source and 7 target tokens, the codecs"
        + " hold 8 and 5"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new Translator.Options(0, 0, OptionalInt.empty()));
    assertThrows(IllegalArgumentException.class,
        () -> new Translator.Options(2, -1, OptionalInt.empty()));
    assertThrows(IllegalArgumentException.class,
        () -> new Translator.Options(2, 0, OptionalInt.of(0)));
  }
}
