package org.rnn4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.format.Midi;
import org.rnn4j.data.format.NoteEvent;
import org.rnn4j.data.format.NoteSequence;
import org.rnn4j.datasets.DataCache;
import org.rnn4j.music.NoteCodec;
import org.rnn4j.music.NoteGrid;
import org.rnn4j.music.NoteScore;
import org.rnn4j.music.TokenKind;

class MusicDemoTest {
  private static final NoteCodec CODEC = new NoteCodec(NoteGrid.DEFAULT);

  @TempDir Path dir;

  @Test
  void theUnigramBaselineCountsWithinEachKindWithAddOneSmoothing() {
    int[] train = ids("SHIFT_0", "PITCH_60", "DUR_3", "SHIFT_0", "PITCH_60", "DUR_6");
    int[] heldOut = ids("SHIFT_2", "PITCH_60", "DUR_3");
    NoteScore s = NoteUnigramBaseline.score(CODEC, List.of(train), List.of(heldOut));
    // shift: 49 tokens, 2 seen (both SHIFT_0); pitch: 256 tokens, 2 seen; duration: 96, 2 seen
    assertEquals(1, s.notes());
    assertEquals(Math.log(1.0 / 51), s.shift(), 1e-12);
    assertEquals(Math.log(3.0 / 258), s.pitch(), 1e-12);
    assertEquals(Math.log(2.0 / 98), s.duration(), 1e-12);
  }

  /** The whole demo on ten small made-up pieces and a tiny model: wiring, not quality. */
  @Test
  void runsEndToEndAndWritesThePlayableSampleItReports() throws IOException {
    Path music = Files.createDirectories(dir.resolve("cache/music"));
    SplittableRandom rng = new SplittableRandom(11);
    for (int i = 0; i < 10; i++) {
      Midi.write(madeUpPiece(rng), music.resolve("piece" + i + ".mid"));
    }
    StringWriter text = new StringWriter();
    MusicDemo.Result r = new MusicDemo(3, dir.resolve("out"),
        new MusicDemo.Settings(8, 1, 0f, 1, 1e-2))
        .run(new DataCache(dir.resolve("cache")), new PrintWriter(text), List.of());
    assertEquals(dir.resolve("out/music-seed3.mid"), r.file());
    assertEquals(MusicDemo.SAMPLE_NOTES, r.written().noteOns());
    assertEquals(MusicDemo.SAMPLE_NOTES, r.written().noteOffs());
    assertEquals(1, r.written().tempos());
    assertEquals(MusicDemo.SAMPLE_NOTES, Midi.read(r.file()).notes().size());
    assertEquals(1, r.epochs());
    assertTrue(r.test().notes() > 0 && r.unigram().notes() == r.test().notes(), r.toString());
    assertTrue(text.toString().contains("test note perplexity"), text.toString());
    assertTrue(text.toString().contains(r.file().toAbsolutePath().toString()), text.toString());
  }

  /**
   * The demo as {@code rnn4j demo music} runs it, on the fetched openMSX set (slow profile;
   * skipped without data/fetch music; about 2.5 minutes on 2 shared cores). Seed 1 reached a
   * test note perplexity of 261.0 against the unigram baseline's 1,350.3 (factors: shift 1.78 vs
   * 2.96, pitch 27.0 vs 54.1, duration 5.43 vs 8.44); the bar asks for less than a third of the
   * baseline, and for each factor to beat the baseline's.
   */
  @Test
  @Tag("slow")
  void beatsTheUnigramBaselineClearlyAndWritesAPlayableMidiFile() throws IOException {
    DataCache cache = DataCache.locate();
    assumeTrue(Files.isDirectory(cache.root().resolve("music")),
        "data/cache/music is missing: run data/fetch music to run the music demo");
    StringWriter text = new StringWriter();
    MusicDemo.Result r = new MusicDemo(1, dir).run(cache, new PrintWriter(text), List.of());
    System.out.print(text);
    assertTrue(r.test().perplexity() < r.unigram().perplexity() / 3, r.toString());
    for (TokenKind kind : List.of(TokenKind.SHIFT, TokenKind.PITCH, TokenKind.DURATION)) {
      assertTrue(r.test().perplexity(kind) < r.unigram().perplexity(kind), kind + ": " + r);
    }
    assertEquals(MusicDemo.SAMPLE_NOTES, r.written().noteOns());
    assertEquals(MusicDemo.SAMPLE_NOTES, r.written().noteOffs());
    assertEquals(1, r.written().tempos());
    assertTrue(r.written().seconds() > 1, r.toString());
    assertEquals(MusicDemo.SAMPLE_NOTES, Midi.read(r.file()).notes().size());
  }

  /** A piece of 40–80 notes: a walk over a C major scale in eighths, with a drum each beat. */
  private static NoteSequence madeUpPiece(SplittableRandom rng) {
    int[] scale = {60, 62, 64, 65, 67, 69, 71, 72};
    List<NoteEvent> notes = new ArrayList<>();
    int degree = rng.nextInt(scale.length);
    int n = 40 + rng.nextInt(41);
    for (int i = 0; i < n; i++) {
      degree = Math.floorMod(degree + rng.nextInt(3) - 1, scale.length);
      notes.add(new NoteEvent(i * 240L, 240, 0, scale[degree], 90));
      if (i % 2 == 0) {
        notes.add(new NoteEvent(i * 240L, 60, 9, 36, 100));
      }
    }
    return new NoteSequence(480, 500_000, Collections.nCopies(16, 0), notes);
  }

  private static int[] ids(String... tokens) {
    int[] out = new int[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      out[i] = CODEC.vocabulary().id(tokens[i]);
    }
    return out;
  }
}
