package org.rnn4j.music;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Random token streams that follow a {@link NoteGrammar}: each token is drawn uniformly from the
 * tokens the grammar allows next, with SHIFT_0 favoured so chords occur.
 */
final class RandomPieces {
  private RandomPieces() {}

  static int[] draw(NoteGrammar grammar, int notes, RandomGenerator rng) {
    NoteCodec codec = MusicSamples.CODEC;
    List<Integer> ids = new ArrayList<>();
    NoteGrammar.Cursor at = grammar.start();
    int complete = 0;
    while (complete < notes) {
      List<Integer> allowed = new ArrayList<>();
      for (int j = 0; j < codec.vocabulary().size(); j++) {
        if (grammar.allows(at, j)) {
          allowed.add(j);
        }
      }
      int next = allowed.contains(codec.shiftId(0)) && rng.nextInt(3) == 0 ? codec.shiftId(0)
          : allowed.get(rng.nextInt(allowed.size()));
      at = grammar.advance(at, next);
      ids.add(next);
      complete += codec.kind(next) == TokenKind.DURATION ? 1 : 0;
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }
}
