package org.rnn4j.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.tensor.Tensor;

class OneHotTest {

  @Test
  void encodesEachIdAsAUnitVectorAndPaddingAsZeros() {
    Tensor x = OneHot.encode(new int[] {2, 1, 0, 3}, 4, 0, 2, 2); // (B=2, T=2) → (2, 2, 4)
    assertArrayEquals(new int[] {2, 2, 4}, x.shape());
    assertArrayEquals(new float[] {0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, x.data());
  }

  @Test
  void oneHotTimesAWeightEqualsTheEmbeddingLookup() {
    Tensor w = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 4, 2); // (V=4, E=2)
    int[] ids = {3, 1, 2};
    Tensor viaOneHot = OneHot.encode(ids, 4, OneHot.NO_ZERO_ID, 3).matmul(w);
    assertArrayEquals(Tensor.embedding(w, ids, 3).data(), viaOneHot.data());
  }

  @Test
  void decodeIsTheArgmax() {
    int[] ids = {3, 0, 2};
    assertArrayEquals(ids, OneHot.decode(OneHot.encode(ids, 5, OneHot.NO_ZERO_ID, 3)));
  }

  @Test
  void rejectsOutOfRangeIdsAndWrongShapes() {
    assertThrows(IllegalArgumentException.class,
        () -> OneHot.encode(new int[] {4}, 4, OneHot.NO_ZERO_ID, 1));
    assertThrows(IllegalArgumentException.class,
        () -> OneHot.encode(new int[] {1, 2}, 4, OneHot.NO_ZERO_ID, 3));
  }

  @Test
  void textCodecEncodesWithBosEosAndDecodesBack() {
    Vocabulary v = new VocabularyBuilder().addAll(new CharTokenizer().tokenize("banana")).build();
    TextCodec codec = new TextCodec(new CharTokenizer(), v);
    int[] ids = codec.encode("nab", true);
    assertEquals(v.bosId(), ids[0]);
    assertEquals(v.eosId(), ids[ids.length - 1]);
    assertEquals("nab", codec.decode(ids));
    assertEquals(List.of("a", "n", "b"), v.tokens().subList(4, 7));
  }
}
