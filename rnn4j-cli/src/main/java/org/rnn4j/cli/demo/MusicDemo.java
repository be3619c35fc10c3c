package org.rnn4j.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.rnn4j.data.Split;
import org.rnn4j.data.format.Midi;
import org.rnn4j.data.format.NoteSequence;
import org.rnn4j.datasets.DataCache;
import org.rnn4j.datasets.OpenMsxMusic;
import org.rnn4j.decode.Sampler;
import org.rnn4j.music.NoteCodec;
import org.rnn4j.music.NoteGenerator;
import org.rnn4j.music.NoteGrid;
import org.rnn4j.music.NoteScore;
import org.rnn4j.music.NoteScorer;
import org.rnn4j.music.TokenKind;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.lm.LanguageModel;
import org.rnn4j.task.lm.LanguageModelConfig;
import org.rnn4j.task.lm.LanguageModelObjective;
import org.rnn4j.train.EarlyStopping;
import org.rnn4j.train.TrainingListener;
import org.rnn4j.train.TrainingRecipe;
import org.rnn4j.train.TrainingResult;
import org.rnn4j.train.TruncatedBptt;

/**
 * An LSTM language model over the note events of the 31 openMSX pieces (OpenTTD's music, GPL-2.0;
 * {@code data/fetch music}) writes a new piece as a playable MIDI file.
 *
 * <p>Each note becomes its time shift, pitch and duration tokens on a grid of 12 steps a quarter
 * note ({@link NoteCodec}, {@link NoteGrid#DEFAULT}); melodic channels merge into one piano part
 * and percussion stays on channel 9. The pieces are split by piece, seeded: 25 train, 3 choose
 * the stopping epoch, 3 are the test. The training pieces form one stream, each piece after
 * {@code <eos>}, cut for truncated backpropagation through time. The test's note-level perplexity
 * ({@link NoteScore}: exp of minus the mean log-probability per note, a note's tokens summed) is
 * printed beside a unigram baseline that knows the token grammar ({@link NoteUnigramBaseline}),
 * with each factor (when, what, how long). Then {@value #SAMPLE_NOTES} notes are sampled at
 * temperature {@value #TEMPERATURE} from the grammar-masked model ({@link NoteGenerator}),
 * written with {@link Midi#write} at 120 beats a minute, and read back with javax.sound.midi.
 */
public final class MusicDemo {
  private static final double HELD_OUT_FRACTION = 0.1; // of 31 pieces: 3 validation, 3 test
  private static final int EMBEDDING = 64;
  private static final int BATCH = 32;
  private static final int CHUNK = 128; // truncated BPTT length, tokens
  private static final int SCORE_BATCH = 4; // pieces per scoring call
  private static final int PATIENCE = 2;
  static final int SAMPLE_NOTES = 200;
  static final float TEMPERATURE = 0.9f;

  /**
   * The model and its training.
   *
   * @param hidden H, LSTM units per layer
   * @param layers L, stacked LSTM layers
   * @param dropout dropout between the layers while training
   * @param epochs the most epochs (early stopping after 2 without a better validation loss)
   * @param learningRate Adam's step size
   */
  public record Settings(int hidden, int layers, float dropout, int epochs,
      double learningRate) {
    /** The settings of {@code rnn4j demo music}. */
    public static final Settings DEFAULT = new Settings(256, 1, 0f, 10, 3e-3);

    /** Checks the settings (the model checks layers and dropout). */
    public Settings {
      if (hidden < 1 || epochs < 1 || !(learningRate > 0)) {
        throw new IllegalArgumentException("settings must have hidden ≥ 1, epochs ≥ 1 and"
            + " learningRate > 0, got " + hidden + ", " + epochs + ", " + learningRate);
      }
    }
  }

  /**
   * What the demo measured and wrote.
   *
   * @param test the LSTM's scores on the test pieces
   * @param unigram the baseline's scores on the test pieces
   * @param file the MIDI file written
   * @param written what javax.sound.midi reads in it
   * @param epochs epochs trained
   * @param seconds the whole run, loading to writing
   */
  public record Result(NoteScore test, NoteScore unigram, Path file, WrittenMidi written,
      int epochs, double seconds) {}

  private final long seed;
  private final Path outDirectory;
  private final Settings settings;
  private final DemoProgress progress;

  /**
   * @param seed seeds the split, the initial weights and the sample
   * @param outDirectory where the MIDI file goes
   */
  public MusicDemo(long seed, Path outDirectory) {
    this(seed, outDirectory, Settings.DEFAULT);
  }

  /**
   * @param seed seeds the split, the initial weights and the sample
   * @param outDirectory where the MIDI file goes
   * @param settings the model and its training
   */
  public MusicDemo(long seed, Path outDirectory, Settings settings) {
    this(seed, outDirectory, settings, DemoProgress.BAR);
  }

  /**
   * @param seed seeds everything random
   * @param outDirectory where the sampled piece goes
   * @param settings the model and its training
   * @param progress a progress bar or none
   */
  public MusicDemo(long seed, Path outDirectory, Settings settings, DemoProgress progress) {
    this.seed = seed;
    this.outDirectory = outDirectory;
    this.settings = settings;
    this.progress = progress;
  }

  /** Trains, scores, samples and writes, printing to {@code out}. */
  public Result run(PrintWriter out) throws IOException {
    return run(DataCache.locate(), out, progress.listeners());
  }

  Result run(DataCache cache, PrintWriter out, List<TrainingListener> listeners)
      throws IOException {
    long start = System.nanoTime();
    NoteCodec codec = new NoteCodec(NoteGrid.DEFAULT);
    Split<OpenMsxMusic.Piece> split = Split.random(OpenMsxMusic.load(cache), HELD_OUT_FRACTION,
        HELD_OUT_FRACTION, new SplittableRandom(seed));
    List<int[]> train = encode(codec, split.train());
    List<int[]> validation = encode(codec, split.validation());
    List<int[]> test = encode(codec, split.test());
    int eos = codec.vocabulary().eosId();
    LanguageModel lm = new LanguageModel(new LanguageModelConfig(codec.vocabulary().size(),
        EMBEDDING, RecurrentSpec.of(CellKind.LSTM, settings.hidden())
            .withLayers(settings.layers()).withDropout(settings.dropout())),
        new SplittableRandom(seed));
    out.printf(Locale.ROOT, "openMSX music: %d pieces for training (%,d notes, %,d tokens), %d"
            + " for validation, %d for test (%s); %d tokens (shift, pitch, drum, duration) on a"
            + " grid of 1/%d quarter note; an LSTM with %,d parameters.%n",
        train.size(), notes(codec, train), tokens(train), validation.size(), test.size(),
        String.join(", ", split.test().stream().map(OpenMsxMusic.Piece::name).toList()),
        codec.vocabulary().size(), NoteGrid.DEFAULT.stepsPerQuarter(), lm.parameterCount());
    out.flush();
    TrainingResult r = TrainingRecipe.of(settings.epochs(), seed)
        .withLearningRate(settings.learningRate())
        .withEarlyStopping(EarlyStopping.onLoss(PATIENCE)).withListeners(listeners)
        .fit(new LanguageModelObjective(lm), new TruncatedBptt(stream(train, eos), BATCH, CHUNK),
            Optional.of(new TruncatedBptt(stream(validation, eos), 1, CHUNK * 8)));
    lm.eval();
    NoteScore model = NoteScore.total(
        new NoteScorer<>(lm.asNextTokenModel(), codec).score(test, eos, SCORE_BATCH));
    NoteScore unigram = NoteUnigramBaseline.score(codec, train, test);
    report(out, model, unigram);
    Path file = write(lm, codec, eos, out);
    WrittenMidi written = WrittenMidi.inspect(file);
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "checked with javax.sound.midi: %d note-ons, %d note-offs, %d tempo,"
        + " %.1f s of music. The demo took %.0f s.%n", written.noteOns(), written.noteOffs(),
        written.tempos(), written.seconds(), seconds);
    out.flush();
    return new Result(model, unigram, file, written, r.epochsCompleted(), seconds);
  }

  private static void report(PrintWriter out, NoteScore model, NoteScore unigram) {
    out.printf(Locale.ROOT, "test note perplexity (%,d notes): LSTM %.1f, unigram baseline %.1f%n",
        model.notes(), model.perplexity(), unigram.perplexity());
    for (TokenKind kind : List.of(TokenKind.SHIFT, TokenKind.PITCH, TokenKind.DURATION)) {
      out.printf(Locale.ROOT, "  %-8s factor: LSTM %6.2f, unigram %6.2f%n",
          kind.name().toLowerCase(Locale.ROOT), model.perplexity(kind), unigram.perplexity(kind));
    }
    out.flush();
  }

  /** Samples SAMPLE_NOTES notes from the start of a piece and writes them as MIDI. */
  private Path write(LanguageModel lm, NoteCodec codec, int eos, PrintWriter out)
      throws IOException {
    int[] ids = new NoteGenerator<>(lm.asNextTokenModel(), codec,
        Sampler.temperature(TEMPERATURE)).generate(new int[] {eos}, SAMPLE_NOTES,
        new SplittableRandom(seed + 1));
    NoteSequence music = codec.decode(ids, NoteSequence.DEFAULT_MICROS_PER_QUARTER);
    Files.createDirectories(outDirectory);
    Path file = outDirectory.resolve("music-seed" + seed + ".mid");
    Midi.write(music, file);
    out.printf(Locale.ROOT, "wrote %d sampled notes (temperature %.1f, %d tokens) to %s%n",
        music.notes().size(), TEMPERATURE, ids.length, file.toAbsolutePath().normalize());
    return file;
  }

  private static List<int[]> encode(NoteCodec codec, List<OpenMsxMusic.Piece> pieces) {
    return pieces.stream().map(p -> codec.encode(p.notes())).toList();
  }

  /** The pieces as one stream: {@code <eos>} before each piece and after the last. */
  private static int[] stream(List<int[]> pieces, int eos) {
    int[] out = new int[tokens(pieces) + pieces.size() + 1];
    int n = 0;
    for (int[] piece : pieces) {
      out[n++] = eos;
      System.arraycopy(piece, 0, out, n, piece.length);
      n += piece.length;
    }
    out[n] = eos;
    return out;
  }

  private static int tokens(List<int[]> pieces) {
    return pieces.stream().mapToInt(p -> p.length).sum();
  }

  private static long notes(NoteCodec codec, List<int[]> pieces) {
    long n = 0;
    for (int[] piece : pieces) {
      for (int id : piece) {
        n += codec.kind(id) == TokenKind.DURATION ? 1 : 0;
      }
    }
    return n;
  }
}
