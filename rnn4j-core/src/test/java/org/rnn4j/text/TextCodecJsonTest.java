package org.rnn4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The tokenizer travels with the vocabulary in model files. */
class TextCodecJsonTest {

  @Test
  void roundTripsBothTokenizers() {
    Vocabulary v = new VocabularyBuilder().addAll(List.of("a", "b", "the", "cat")).build();
    for (Tokenizer t : List.of(new CharTokenizer(), new WordTokenizer(true, false))) {
      TextCodec codec = new TextCodec(t, v);
      TextCodec back = TextCodec.fromJson(codec.toJson());
      assertEquals(codec, back);
      assertEquals(v, Vocabulary.fromJson(codec.toJson()), "still a valid vocabulary JSON");
    }
  }

  @Test
  void anUnknownOrMissingTokenizerIsNamed() {
    String plain = new VocabularyBuilder().add("a").build().toJson();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TextCodec.fromJson(plain));
    assertTrue(e.getMessage().contains("tokenizer kind must be \"char\" or \"word\", got null"),
        e.getMessage());
  }
}
