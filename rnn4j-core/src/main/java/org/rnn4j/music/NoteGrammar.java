package org.rnn4j.music;

/**
 * Which token may come next in a {@link NoteCodec} token stream, so that the stream is
 * canonical: well-formed notes (the package comment's grammar), and the notes of one onset in
 * strictly rising (channel, pitch) order, as {@link NoteCodec#encode} writes them. A {@link
 * Cursor} says where a stream stands; {@link #advance} moves it by one token.
 *
 * <pre>
 * after                        may come
 * DUR_d                        SHIFT_s, except SHIFT_0 after the highest key (DRUM_127);
 *                              {@code <eos>} when ends are allowed
 * a special token, or nothing  SHIFT_s; {@code <eos>} when ends are allowed
 * SHIFT_M (M = maxShift)       SHIFT_s
 * SHIFT_s, s &lt; M               PITCH_p or DRUM_p; if the note's whole shift is 0 (a SHIFT_0
 *                              right after the previous note's DUR_d), only ids above the
 *                              previous note's pitch id (ids run PITCH_0 … PITCH_127, DRUM_0 …
 *                              DRUM_127, so this is (channel, pitch) order)
 * PITCH_p, DRUM_p              DUR_d
 * </pre>
 * Special tokens are always accepted as input and start a new piece ({@code <eos>} separates the
 * pieces of a training stream). A stream that follows these rules decodes to exactly one note
 * per {@code DUR_d}: no two notes share an onset and a key, so {@link Quantiser}'s canonical form
 * drops none (a key struck while it still sounds only shortens the earlier note).
 */
public final class NoteGrammar {
  private static final int NO_NOTE = -1;

  /**
   * Where a token stream stands.
   *
   * @param previous the last token, or −1 before any
   * @param lastPitch the pitch id of the current piece's latest note, or −1 before its first
   * @param floor the lowest pitch id the pending note may take (0: any)
   */
  public record Cursor(int previous, int lastPitch, int floor) {}

  private final NoteCodec codec;
  private final boolean allowEnd;
  private final int shift0; // id of SHIFT_0
  private final int highestPitch; // id of DRUM_127

  /**
   * @param codec the vocabulary and its kinds
   * @param allowEnd whether {@code <eos>} may follow a complete note (false to generate a fixed
   *     number of notes)
   */
  public NoteGrammar(NoteCodec codec, boolean allowEnd) {
    this.codec = codec;
    this.allowEnd = allowEnd;
    this.shift0 = codec.shiftId(0);
    this.highestPitch = codec.pitchId(127, true);
  }

  /** The cursor before any token: a new piece. */
  public Cursor start() {
    return new Cursor(-1, NO_NOTE, 0);
  }

  /** V, the size of the vocabulary the grammar covers. */
  public int vocabularySize() {
    return codec.vocabulary().size();
  }

  /**
   * Whether {@code next} may come at {@code at}.
   *
   * @param at where the stream stands
   * @param next an id in [0, V)
   * @return whether the rules allow it (special tokens other than an allowed {@code <eos>} are
   *     never proposed)
   * @throws IllegalArgumentException if next lies outside the vocabulary
   */
  public boolean allows(Cursor at, int next) {
    TokenKind kind = codec.kind(next);
    TokenKind before = at.previous() < 0 ? TokenKind.SPECIAL : codec.kind(at.previous());
    return switch (before) {
      case SPECIAL, DURATION -> kind == TokenKind.SHIFT
          ? !(next == shift0 && before == TokenKind.DURATION && at.lastPitch() == highestPitch)
          : allowEnd && next == codec.vocabulary().eosId();
      case SHIFT -> codec.value(at.previous()) == codec.grid().maxShift()
          ? kind == TokenKind.SHIFT : kind == TokenKind.PITCH && next >= at.floor();
      case PITCH -> kind == TokenKind.DURATION;
    };
  }

  /**
   * The cursor after one more token.
   *
   * @param at where the stream stands
   * @param next the token read; a special token starts a new piece
   * @return the new cursor
   * @throws IllegalArgumentException if the rules do not allow a note token there, naming both
   */
  public Cursor advance(Cursor at, int next) {
    TokenKind kind = codec.kind(next);
    if (kind == TokenKind.SPECIAL) {
      return new Cursor(next, NO_NOTE, 0);
    }
    if (!allows(at, next)) {
      throw new IllegalArgumentException("token " + codec.vocabulary().token(next)
          + " breaks the note grammar after " + (at.previous() < 0 ? "the start"
          : codec.vocabulary().token(at.previous())) + (at.floor() > 0 ? " (a chord continues"
          + " above " + codec.vocabulary().token(at.floor() - 1) + ")" : ""));
    }
    boolean chord = next == shift0 && at.previous() >= 0
        && codec.kind(at.previous()) == TokenKind.DURATION;
    return switch (kind) {
      case SHIFT -> new Cursor(next, at.lastPitch(), chord ? at.lastPitch() + 1 : 0);
      case PITCH -> new Cursor(next, next, 0);
      default -> new Cursor(next, at.lastPitch(), 0);
    };
  }
}
