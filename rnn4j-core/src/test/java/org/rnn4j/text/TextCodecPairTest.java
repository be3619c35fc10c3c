package org.rnn4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextCodecPairTest {
  private static final TextCodecPair PAIR = new TextCodecPair(
      new TextCodec(new WordTokenizer(true, true), Vocabulary.of(List.of("ich", "bin", "müde"))),
      new TextCodec(new CharTokenizer(), Vocabulary.of(List.of("a", "b", "c"))));

  @Test
  void survivesAJsonRoundTrip() {
    String json = PAIR.toJson();
    assertTrue(TextCodecPair.isPair(json));
    assertEquals(PAIR, TextCodecPair.fromJson(json));
  }

  @Test
  void aSingleCodecIsNotAPair() {
    String single = PAIR.source().toJson();
    assertFalse(TextCodecPair.isPair(single));
    assertFalse(TextCodecPair.isPair("not json"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TextCodecPair.fromJson(single));
    assertTrue(e.getMessage().startsWith("codec pair JSON field \"format\": expected"
        + " \"rnn4j-codec-pair\""), e.getMessage());
  }

  @Test
  void badSidesAreNamed() {
    String noTarget = PAIR.toJson().replace("\"target\"", "\"goal\"");
    assertEquals("codec pair JSON: expected an object \"target\", got null",
        assertThrows(IllegalArgumentException.class, () -> TextCodecPair.fromJson(noTarget))
            .getMessage());
    String badSource = PAIR.toJson().replace("\"<unk>\"", "\"<unknown>\"");
    String message = assertThrows(IllegalArgumentException.class,
        () -> TextCodecPair.fromJson(badSource)).getMessage();
    assertTrue(message.startsWith("codec pair JSON, source: vocabulary JSON: id 1 must be <unk>"),
        message);
    assertThrows(IllegalArgumentException.class,
        () -> TextCodecPair.fromJson(PAIR.toJson().replace("\"version\":1", "\"version\":2")));
  }
}
