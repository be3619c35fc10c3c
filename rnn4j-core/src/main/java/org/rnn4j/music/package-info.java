/**
 * Music as tokens for a language model: MIDI notes ({@link org.rnn4j.data.format.NoteSequence})
 * quantised to a grid ({@link org.rnn4j.music.NoteGrid}, {@link org.rnn4j.music.Quantiser}),
 * encoded as a few event tokens per note and decoded back ({@link org.rnn4j.music.NoteCodec}),
 * the token grammar and a model view that only proposes grammatical tokens ({@link
 * org.rnn4j.music.NoteGrammar}, {@link org.rnn4j.music.GrammarMask}), generation of a given
 * number of notes ({@link org.rnn4j.music.NoteGenerator}) and note-level perplexity ({@link
 * org.rnn4j.music.NoteScore}).
 *
 * <p>Each note is three facts: the time shift since the previous note's onset, the pitch (a
 * melodic key or a percussion key) and the duration, all in grid steps. A note becomes one or more
 * tokens {@code SHIFT_s}, then {@code PITCH_p} or {@code DRUM_p}, then {@code DUR_d}:
 *
 * <pre>
 * note  := SHIFT_max* SHIFT_s (PITCH_p | DRUM_p) DUR_d      0 ≤ s &lt; max, 0 ≤ p ≤ 127, 1 ≤ d ≤ maxDuration
 * piece := note*
 * </pre>
 *
 * Why several tokens per note rather than one token per (shift, pitch, duration) triple: the
 * triples of a small corpus are many and sparse (most occur a few times, so a combined vocabulary
 * needs an {@code <unk>} that cannot be played), while the factored vocabulary is small and fixed
 * (405 tokens with the default grid), covers every note exactly, and lets the model predict the
 * pitch knowing the shift and the duration knowing both. The price is about three model steps
 * per note; note-level perplexity sums the log-probabilities of a note's tokens (see {@link
 * org.rnn4j.music.NoteScore}), so it is comparable with a one-token-per-note model.
 *
 * <p>Belongs here: the note-event encoding and what scoring and sampling need to respect it. Does
 * not belong here: reading and writing MIDI files ({@code org.rnn4j.data.format.Midi}), the
 * language model itself ({@code org.rnn4j.task.lm}), or any dataset ({@code rnn4j-datasets}).
 */
package org.rnn4j.music;
