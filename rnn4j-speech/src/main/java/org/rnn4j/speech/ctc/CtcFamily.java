package org.rnn4j.speech.ctc;

import static org.rnn4j.task.TaskOption.Use.EVAL;
import static org.rnn4j.task.TaskOption.Use.PREDICT;
import static org.rnn4j.task.TaskOption.Use.TRAIN;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.rnn4j.data.Split;
import org.rnn4j.speech.audio.FeatureConfig;
import org.rnn4j.speech.audio.SpecAugment;
import org.rnn4j.task.AbstractTaskFamily;
import org.rnn4j.task.CommonOptions;
import org.rnn4j.task.StartingModel;
import org.rnn4j.task.TaskOption;
import org.rnn4j.task.TaskOptionException;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.task.TrainingJob;
import org.rnn4j.train.BatchSource;
import org.rnn4j.train.TrainingResult;
import org.rnn4j.train.ValidationMetric;

/**
 * The ctc family: a speech recognizer trained with connectionist temporal classification on
 * recordings and their transcripts, where the frames and the symbols have different lengths and
 * no alignment is given. Loaded for use as a {@link SpeechRecognizer}.
 */
public final class CtcFamily extends AbstractTaskFamily {
  public static final TaskOption AUDIO = TaskOption.value("audio", "COLUMN",
      "The column of the list that names each recording, by index or header name.", "0", TRAIN,
      EVAL);
  public static final TaskOption TRANSCRIPT = TaskOption.value("transcript", "COLUMN",
      "The column of the list that holds each transcript.", "1", TRAIN, EVAL);
  public static final TaskOption FEATURES = TaskOption.value("features", "KIND",
      "mfcc (13 cepstra of 40 mel bands, 0–8 kHz), logmel (the 40 bands), sphinx (CMU Sphinx's"
          + " default MFCCs) or tidigits (13 cepstra of 20 bands, 1 Hz–4 kHz: the settings of"
          + " Sphinx's TIDIGITS .mfc files).", "mfcc", TRAIN);
  public static final TaskOption DELTAS = TaskOption.value("deltas", "N",
      "Append deltas (1) or deltas and delta-deltas (2) to each frame.", "2", TRAIN);
  public static final TaskOption STACK = TaskOption.value("stack", "S",
      "Frames stacked into one step of the recurrent layer (S = 2: 50 steps a second).", "2",
      TRAIN);
  public static final TaskOption UNITS = TaskOption.value("units", "UNITS",
      "characters or words: what one output symbol is.", "characters", TRAIN);
  public static final TaskOption SPEC_AUGMENT = TaskOption.flag("spec-augment",
      "Mask random bands and runs of frames of each training recording (SpecAugment).", TRAIN);
  public static final TaskOption BEAM = TaskOption.value("beam", "N",
      "Prefix beam search of width N (1: best path).", "1", EVAL, PREDICT);
  public static final TaskOption LEXICON = TaskOption.value("lexicon", "FILE",
      "Only words of this list, one per line (character models with spaces).", null, EVAL,
      PREDICT);

  /**
   * The masks of {@code --spec-augment}: 2 bands of up to 8 coefficients, 2 runs of up to 10
   * frames.
   */
  public static final SpecAugment MASKS = new SpecAugment(2, 8, 2, 10, 0.2, 0f);

  /** The front ends {@code --features} names. */
  enum Features {
    MFCC, LOGMEL, SPHINX, TIDIGITS;

    FeatureConfig audio() {
      return switch (this) {
        case MFCC, LOGMEL -> FeatureConfig.speech();
        case SPHINX -> FeatureConfig.sphinx();
        case TIDIGITS -> FeatureConfig.tidigits();
      };
    }
  }

  public CtcFamily() {
    super(RecognizerConfig.TASK, "a speech recognizer trained with CTC on recordings and their"
            + " transcripts (a folder with transcripts.tsv, or a TSV or CSV list: file, text).",
        options(List.of(AUDIO, TRANSCRIPT, FEATURES, DELTAS, STACK, UNITS, SPEC_AUGMENT, BEAM,
            LEXICON), CommonOptions.RECURRENT),
        RecognizerConfig::fromJson, SpeechRecognizer::load);
  }

  /** The utterances of a list, read as the options say. */
  static List<Utterance> read(Path data, TaskOptions options) throws IOException {
    return SpeechCorpus.read(data, options.string(AUDIO), options.string(TRANSCRIPT));
  }

  /** The front end the options ask for (also for distributed training). */
  public static FrontEnd frontEnd(TaskOptions options) {
    Features kind = options.choice(FEATURES, Features.class);
    int deltas = options.integer(DELTAS, 0);
    if (deltas > 2) {
      throw new TaskOptionException("--deltas must be 0, 1 or 2, got " + deltas);
    }
    return new FrontEnd(kind.audio(),
        kind == Features.LOGMEL ? FrontEnd.Kind.LOGMEL : FrontEnd.Kind.MFCC, deltas,
        options.integer(STACK, 1));
  }

  @Override
  public TrainedModel train(TrainingJob job) throws IOException {
    List<Utterance> all = read(job.data(), job.options());
    if (all.size() < 2) {
      throw new IllegalArgumentException(job.data() + ": needs at least 2 transcribed recordings"
          + " to train and validate, found " + all.size());
    }
    Split<Utterance> split = job.split(all, file -> read(file, job.options()));
    Optional<StartingModel> start = StartingModel.of(job, RecognizerConfig.TASK);
    RecognizerConfig config = start.isPresent() ? startingConfig(start.get(), job.options())
        : new RecognizerConfig(frontEnd(job.options()), CommonOptions.recurrent(job.options()),
            job.options().choice(UNITS, Units.class), symbols(split.train(),
                job.options().choice(UNITS, Units.class)));
    Recognizer recognizer =
        job.build(() -> new Recognizer(config, new SplittableRandom(job.seed())));
    if (start.isPresent()) {
      start.get().copyInto(recognizer);
    }
    job.log().printf(Locale.ROOT, "computing %s features of %,d recordings%n",
        config.frontEnd().kind().name().toLowerCase(Locale.ROOT),
        split.train().size() + split.validation().size());
    job.log().flush();
    SplittableRandom batching = new SplittableRandom(job.seed() ^ 0x5DEECE66DL);
    BatchSource<CtcBatch> train = batches(job, config, split.train(), batching);
    BatchSource<CtcBatch> validation = batches(job, config, split.validation(), batching);
    announce(job.log(), job, recognizer, split);
    TrainingResult result = job.fit(new CtcObjective(recognizer,
        job.options().flag(SPEC_AUGMENT) ? Optional.of(MASKS) : Optional.empty()), train,
        validation);
    return new TrainedModel(recognizer, config, Optional.empty(), result);
  }

  /** The symbols of the training transcripts, sorted. */
  private static List<String> symbols(List<Utterance> train, Units units) {
    TreeSet<String> symbols = new TreeSet<>();
    for (Utterance u : train) {
      symbols.addAll(units.split(u.transcript()));
    }
    if (symbols.isEmpty()) {
      throw new IllegalArgumentException("the training transcripts are all empty: there is"
          + " nothing to learn to recognize");
    }
    return new ArrayList<>(symbols);
  }

  private static BatchSource<CtcBatch> batches(TrainingJob job, RecognizerConfig config,
      List<Utterance> utterances, SplittableRandom rng) throws IOException {
    if (utterances.isEmpty()) {
      return BatchSource.of(List.of());
    }
    List<float[][]> steps = CtcData.steps(config.frontEnd(), utterances);
    SymbolIds ids = new SymbolIds(config);
    List<int[]> labels = new ArrayList<>();
    for (int i = 0; i < utterances.size(); i++) {
      Utterance u = utterances.get(i);
      if (steps.get(i).length == 0) {
        throw new IllegalArgumentException(u.audio() + ": too short to make one frame of "
            + config.frontEnd().audio().fftSize() + " samples");
      }
      try {
        labels.add(ids.of(u.transcript()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException((job.initFrom().isPresent() ? "--init-from "
            + job.initFrom().get() + ": " : job.data() + ": symbol only in the validation part: ")
            + u.audio() + ": " + e.getMessage(), e);
      }
    }
    return CtcData.batches(steps, labels, job.batchSize(), rng);
  }

  /** The model's config, after checking that the options given agree with it. */
  private static RecognizerConfig startingConfig(StartingModel start, TaskOptions options)
      throws IOException {
    RecognizerConfig config = RecognizerConfig.fromJson(start.config(), start.file());
    for (TaskOption o : List.of(FEATURES, DELTAS, STACK, UNITS)) {
      if (options.isGiven(o)) {
        throw new TaskOptionException("--init-from " + start.file() + ": " + o.flagName()
            + " is fixed by the model (" + config.frontEnd() + ", units "
            + config.units().label() + "); leave it out");
      }
    }
    start.requireRecurrent(options, config.recurrent());
    return config;
  }

  private static void announce(PrintWriter log, TrainingJob job, Recognizer recognizer,
      Split<Utterance> split) {
    RecognizerConfig config = recognizer.config();
    log.printf(Locale.ROOT, "training a %s%s CTC recognizer of %d %s %s on %s: %,d recordings for"
            + " training, %,d for validation, %d features a step, %,d parameters%n",
        config.recurrent().directions() == 2 ? "bidirectional " : "",
        config.recurrent().cell(), config.symbols().size(), config.units().label(),
        config.symbols(), job.data(), split.train().size(), split.validation().size(),
        config.frontEnd().size(), recognizer.parameterCount());
    log.flush();
  }

  /** A folder of recordings holding {@value SpeechCorpus#TRANSCRIPTS}. */
  @Override
  public boolean readsFolders() {
    return true;
  }

  @Override
  public List<ValidationMetric> validationMetrics() {
    return List.of(ValidationMetric.LOSS,
        ValidationMetric.lower("error_rate", "symbols wrong (edit distance) per reference symbol,"
            + " best-path decoding"),
        ValidationMetric.higher("utterance_accuracy", "the share of recordings decoded exactly"));
  }
}
