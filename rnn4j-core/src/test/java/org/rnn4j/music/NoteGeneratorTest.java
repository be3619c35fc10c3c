package org.rnn4j.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.music.MusicSamples.CODEC;
import static org.rnn4j.music.MusicSamples.ids;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.format.NoteSequence;
import org.rnn4j.decode.Sampler;

class NoteGeneratorTest {
  private static final int EOS = CODEC.vocabulary().eosId();

  /** Logits 0 except the given tokens. */
  private static FixedLogitsModel favouring(float logit, String... tokens) {
    float[] z = new float[CODEC.vocabulary().size()];
    for (int id : ids(tokens)) {
      z[id] = logit;
    }
    return new FixedLogitsModel(z);
  }

  @Test
  void drawsExactlyTheNotesAskedForEvenFromAModelThatRepeatsOneChordKey() {
    // unmasked, this model would pile PITCH_60 on PITCH_60 at one onset (duplicates decode away)
    NoteGenerator<long[]> generator = new NoteGenerator<>(
        favouring(6, "SHIFT_0", "PITCH_60", "DUR_2"), CODEC, Sampler.temperature(1f));
    int[] ids = generator.generate(new int[] {EOS}, 200, new SplittableRandom(1));
    assertEquals(200, Arrays.stream(ids).filter(i -> CODEC.kind(i) == TokenKind.DURATION).count());
    assertEquals(TokenKind.DURATION, CODEC.kind(ids[ids.length - 1]));
    NoteSequence music = CODEC.decode(ids, NoteSequence.DEFAULT_MICROS_PER_QUARTER);
    assertEquals(200, music.notes().size());
    assertArrayEquals(ids, generator.generate(new int[] {EOS}, 200, new SplittableRandom(1)),
        "the same seed draws the same notes");
  }

  @Test
  void longRestsTakeMoreTokensThanTheFirstBudgetAndGenerationResumes() {
    NoteGenerator<long[]> generator = new NoteGenerator<>(favouring(5, "SHIFT_48"), CODEC,
        Sampler.temperature(1f));
    int[] ids = generator.generate(new int[] {EOS}, 30, new SplittableRandom(2));
    assertTrue(ids.length > 3 * 30 + 16, "tokens: " + ids.length);
    assertEquals(30, CODEC.decode(ids, 500_000).notes().size());
  }

  @Test
  void aPieceCanBeContinued() {
    NoteGenerator<long[]> generator = new NoteGenerator<>(favouring(0), CODEC,
        Sampler.temperature(1f));
    int[] prime = ids("<eos>", "SHIFT_0", "PITCH_60", "DUR_12");
    int[] ids = generator.generate(prime, 5, new SplittableRandom(3));
    assertEquals(5, Arrays.stream(ids).filter(i -> CODEC.kind(i) == TokenKind.DURATION).count());
    assertEquals(TokenKind.SHIFT, CODEC.kind(ids[0]));
  }

  @Test
  void badRequestsAreNamed() {
    NoteGenerator<long[]> generator = new NoteGenerator<>(favouring(0), CODEC,
        Sampler.temperature(1f));
    SplittableRandom rng = new SplittableRandom(4);
    assertEquals("prime must end at a note boundary (a special token or DUR_d), got PITCH_60",
        assertThrows(IllegalArgumentException.class, () -> generator.generate(
            ids("<eos>", "SHIFT_0", "PITCH_60"), 3, rng)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> generator.generate(new int[0], 3, rng));
    assertThrows(IllegalArgumentException.class,
        () -> generator.generate(new int[] {EOS}, 0, rng));
  }
}
