package org.rnn4j.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

  private static Vocabulary sample() {
    return new VocabularyBuilder()
        .addAll(List.of("b", "a", "c", "a", "b", "a", "d"))
        .build();
  }

  @Test
  void specialTokensHoldTheFirstIds() {
    Vocabulary v = sample();
    assertEquals(List.of("<pad>", "<unk>", "<bos>", "<eos>"), v.tokens().subList(0, 4));
    assertEquals(0, v.padId());
    assertEquals(1, v.unkId());
    assertEquals(2, v.bosId());
    assertEquals(3, v.eosId());
  }

  @Test
  void idsFollowFrequencyThenStringOrderWhateverTheInsertionOrder() {
    Vocabulary v = sample();
    assertEquals(List.of("a", "b", "c", "d"), v.tokens().subList(4, 8));
    Vocabulary shuffled = new VocabularyBuilder()
        .addAll(List.of("d", "c", "a", "b", "a", "b", "a"))
        .build();
    assertEquals(v, shuffled);
  }

  @Test
  void frequencyCutOffAndMaximumSize() {
    VocabularyBuilder b = new VocabularyBuilder().addAll(List.of("b", "a", "c", "a", "b", "a"));
    assertEquals(List.of("a", "b"), b.build(2, 100).tokens().subList(4, 6));
    assertEquals(5, b.build(1, 5).size());
    assertEquals("a", b.build(1, 5).token(4));
    assertThrows(IllegalArgumentException.class, () -> b.build(0, 10));
    assertThrows(IllegalArgumentException.class, () -> b.build(1, 3));
  }

  @Test
  void unknownTokensMapToUnkAndDecodeSkipsSpecials() {
    Vocabulary v = sample();
    int[] ids = v.encode(List.of("a", "zebra", "d"));
    assertArrayEquals(new int[] {4, 1, 7}, ids);
    assertEquals(List.of("a", "<unk>", "d"), v.decode(new int[] {2, 4, 1, 7, 3, 0}, true));
    assertThrows(IllegalArgumentException.class, () -> v.token(8));
  }

  @Test
  void jsonRoundTripKeepsEveryId() {
    Vocabulary v = Vocabulary.of(List.of("ä", "\"", "<x>", "🦖"));
    Vocabulary back = Vocabulary.fromJson(v.toJson());
    assertEquals(v, back);
    assertEquals(v.id("🦖"), back.id("🦖"));
    assertTrue(v.toJson().startsWith("{\"format\":\"rnn4j-vocabulary\",\"version\":1,"));
  }

  @Test
  void malformedOrInconsistentJsonIsRejectedWithAReason() {
    assertMessage("malformed", "{\"format\":");
    assertMessage("must be an object", "[1]");
    assertMessage("\"format\": expected \"rnn4j-vocabulary\"",
        "{\"format\":\"other\",\"version\":1,\"tokens\":[]}");
    assertMessage("version: expected 1",
        "{\"format\":\"rnn4j-vocabulary\",\"version\":2,\"tokens\":[]}");
    assertMessage("id 1 must be <unk>",
        "{\"format\":\"rnn4j-vocabulary\",\"version\":1,\"tokens\":[\"<pad>\",\"a\"]}");
    assertMessage("at least the 4 special tokens",
        "{\"format\":\"rnn4j-vocabulary\",\"version\":1,\"tokens\":[\"<pad>\",\"<unk>\"]}");
    assertMessage("distinct: \"a\" has ids 4 and 5", "{\"format\":\"rnn4j-vocabulary\","
        + "\"version\":1,\"tokens\":[\"<pad>\",\"<unk>\",\"<bos>\",\"<eos>\",\"a\",\"a\"]}");
    assertMessage("token 4 must be a non-empty string", "{\"format\":\"rnn4j-vocabulary\","
        + "\"version\":1,\"tokens\":[\"<pad>\",\"<unk>\",\"<bos>\",\"<eos>\",7]}");
  }

  private static void assertMessage(String expected, String json) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.fromJson(json));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void countsAddedAtOnceBuildTheVocabularyOfAddingThemOneByOne() {
    Vocabulary once = new VocabularyBuilder().add("b", 2).add("a", 3).add("c", 1).add("d", 1)
        .add("e", 0).add("<unk>", 5).build();
    assertEquals(sample().tokens(), once.tokens());
    assertThrows(IllegalArgumentException.class, () -> new VocabularyBuilder().add("a", -1));
  }
}
