package org.rnn4j.speech.ctc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rnn4j.data.Collate;
import org.rnn4j.data.Features;
import org.rnn4j.data.PaddedFeatures;
import org.rnn4j.decode.ctc.CtcGreedy;
import org.rnn4j.decode.ctc.CtcHypothesis;
import org.rnn4j.decode.ctc.CtcLexicon;
import org.rnn4j.decode.ctc.CtcPrefixBeamSearch;
import org.rnn4j.loss.CtcLoss;
import org.rnn4j.speech.audio.Waveform;
import org.rnn4j.task.TaskModel;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

/**
 * A trained CTC recognizer loaded for use: recordings in, transcripts out, by best-path
 * decoding or prefix beam search, optionally constrained to a word list.
 *
 * <p>Immutable and safe to call from many threads at once: the model stays in evaluation mode.
 */
public final class SpeechRecognizer implements TaskModel {
  /** Recordings decoded in one batch. */
  static final int BATCH = 16;

  private final Recognizer model;

  /** Wraps a trained model, switching it to evaluation mode. */
  public SpeechRecognizer(Recognizer model) {
    this.model = model;
    model.eval();
  }

  /**
   * @param file a recognizer's model file
   * @return the recognizer
   * @throws IOException if the file cannot be read or is not a recognizer's
   */
  public static SpeechRecognizer load(Path file) throws IOException {
    return new SpeechRecognizer(Recognizer.load(file).model());
  }

  @Override
  public RecognizerConfig config() {
    return model.config();
  }

  /** How to turn frame scores into symbols. */
  public record Decoding(int beam, Optional<CtcLexicon> lexicon) {
    /** Best path: the most likely class of each step, repeats merged, blanks dropped. */
    public static final Decoding BEST_PATH = new Decoding(1, Optional.empty());

    /** Checks the beam. */
    public Decoding {
      if (beam < 1) {
        throw new IllegalArgumentException("--beam must be at least 1, got " + beam);
      }
    }

    boolean bestPath() {
      return beam == 1 && lexicon.isEmpty();
    }
  }

  /**
   * A decoding from the family's options: {@code --beam} and {@code --lexicon}.
   *
   * @throws IOException if the word list cannot be read
   * @throws IllegalArgumentException if a word holds a symbol the model lacks, or the model has
   *     no space to separate words
   */
  public Decoding decoding(TaskOptions options) throws IOException {
    int beam = options.integer(CtcFamily.BEAM, 1);
    Optional<String> list = options.get(CtcFamily.LEXICON);
    if (list.isEmpty()) {
      return new Decoding(beam, Optional.empty());
    }
    return new Decoding(beam,
        Optional.of(lexicon(Files.readAllLines(Path.of(list.get()), StandardCharsets.UTF_8),
            Path.of(list.get()))));
  }

  /**
   * A word list over this model's symbols.
   *
   * @param words one word per entry (blank entries are skipped)
   * @param file for messages
   * @return the lexicon
   * @throws IllegalArgumentException when the model does not spell words in characters with
   *     spaces, or a word uses a character it lacks
   */
  public CtcLexicon lexicon(List<String> words, Path file) {
    RecognizerConfig config = model.config();
    int space = config.symbols().indexOf(" ") + 1;
    if (config.units() != Units.CHARACTERS || space == 0) {
      throw new IllegalArgumentException("--lexicon " + file + ": a word list constrains a model"
          + " that spells words in characters separated by spaces; this one's symbols are "
          + config.symbols());
    }
    SymbolIds symbols = new SymbolIds(config);
    List<int[]> ids = new ArrayList<>();
    for (String word : words) {
      if (!word.isBlank()) {
        ids.add(symbols.of(word.strip()));
      }
    }
    return new CtcLexicon(space, ids.toArray(new int[0][]));
  }

  /**
   * @param file a recording (or Sphinx cepstra, see {@link AudioFiles})
   * @param decoding how to decode
   * @return what was said
   * @throws IOException if the file cannot be read
   */
  public Transcription transcribe(Path file, Decoding decoding) throws IOException {
    return transcribeSteps(List.of(file.toString()),
        List.<float[][]>of(AudioFiles.steps(model.config().frontEnd(), file)), decoding).get(0);
  }

  /**
   * @param audio a recording at any rate
   * @param decoding how to decode
   * @return what was said
   */
  public Transcription transcribe(Waveform audio, Decoding decoding) {
    return transcribeWaveforms(List.of("audio"), List.of(audio), decoding).get(0);
  }

  /**
   * Transcribes recordings held in memory (read with {@link
   * org.rnn4j.speech.audio.WavReader#read(byte[], String)}, say), a batch at a time. The front end
   * runs on the calling thread, one recording after another, so that many callers (the tasks of
   * a cluster's executor) can share the cores without contending.
   *
   * @param sources a name for each, for the transcriptions
   * @param recordings the recordings, at any rate
   * @param decoding how to decode
   * @return one transcription per recording, in order; each equal to what {@link
   *     #transcribe(Waveform, Decoding)} gives for it alone
   * @throws IllegalArgumentException if the lists differ in length
   */
  public List<Transcription> transcribeWaveforms(List<String> sources, List<Waveform> recordings,
      Decoding decoding) {
    if (sources.size() != recordings.size()) {
      throw new IllegalArgumentException("sources and recordings must be as many: got "
          + sources.size() + " sources and " + recordings.size() + " recordings");
    }
    FrontEnd frontEnd = model.config().frontEnd();
    List<float[][]> steps = new ArrayList<>(recordings.size());
    for (Waveform w : recordings) {
      steps.add(frontEnd.steps(w));
    }
    return transcribeSteps(sources, steps, decoding);
  }

  /**
   * Transcribes the front end's steps of several recordings, a batch at a time.
   *
   * @param sources a name for each, for the transcriptions
   * @param steps (T, F) steps of each
   * @param decoding how to decode
   * @return one transcription per recording, in order
   */
  public List<Transcription> transcribeSteps(List<String> sources, List<float[][]> steps,
      Decoding decoding) {
    RecognizerConfig config = model.config();
    List<Transcription> out = new ArrayList<>();
    for (int from = 0; from < steps.size(); from += BATCH) {
      int to = Math.min(steps.size(), from + BATCH);
      List<Features> inputs = new ArrayList<>();
      for (int i = from; i < to; i++) {
        float[][] s = steps.get(i);
        inputs.add(Features.of(s.length > 0 ? s : new float[1][config.frontEnd().size()]));
      }
      PaddedFeatures batch = (PaddedFeatures) Collate.pad(inputs, 0);
      Tensor y;
      try (NoGrad scope = NoGrad.enter()) {
        y = model.logProbs(batch);
      }
      for (int b = 0; b < to - from; b++) {
        Tensor frames = utterance(y, b, batch.lengths()[b]);
        int[] labels = decode(frames, decoding);
        List<String> symbols = new ArrayList<>();
        for (int label : labels) {
          symbols.add(config.symbols().get(label - 1));
        }
        out.add(new Transcription(sources.get(from + b), config.units().join(symbols), symbols,
            CtcLoss.logLikelihood(frames, labels, RecognizerConfig.BLANK),
            steps.get(from + b).length));
      }
    }
    return out;
  }

  private static int[] decode(Tensor frames, Decoding decoding) {
    if (decoding.bestPath()) {
      return CtcGreedy.decode(frames, RecognizerConfig.BLANK);
    }
    List<CtcHypothesis> best = new CtcPrefixBeamSearch(decoding.beam(), RecognizerConfig.BLANK,
        decoding.lexicon().orElse(null)).searchRescored(frames);
    return best.isEmpty() ? new int[0] : best.get(0).labels();
  }

  /** Frames 0 … length−1 of sequence b of y (T, B, C), as (length, C). */
  private static Tensor utterance(Tensor y, int b, int length) {
    int batch = y.dim(1);
    int c = y.dim(2);
    float[] out = new float[length * c];
    for (int t = 0; t < length; t++) {
      System.arraycopy(y.data(), (t * batch + b) * c, out, t * c, c);
    }
    return Tensor.of(out, length, c);
  }

  /**
   * Measures the recognizer on transcribed recordings.
   *
   * @param source a name for the report
   * @param utterances the recordings and transcripts
   * @param decoding how to decode
   * @return symbol (and word) error rates
   * @throws IOException if a recording cannot be read
   * @throws IllegalArgumentException if a transcript holds a symbol the model lacks
   */
  public RecognitionEvaluation evaluate(String source, List<Utterance> utterances,
      Decoding decoding) throws IOException {
    return score(source, utterances, transcribe(utterances, decoding));
  }

  /**
   * Scores transcriptions against their references.
   *
   * @param source a name for the report
   * @param utterances the references, in the transcriptions' order
   * @param transcriptions what the recognizer heard
   * @return the evaluation
   */
  public RecognitionEvaluation score(String source, List<Utterance> utterances,
      List<Transcription> transcriptions) {
    RecognizerConfig config = model.config();
    SymbolIds ids = new SymbolIds(config);
    RecognitionScore symbols = new RecognitionScore();
    RecognitionScore words = new RecognitionScore();
    Map<String, Integer> wordIds = new HashMap<>();
    for (int i = 0; i < utterances.size(); i++) {
      String reference = utterances.get(i).transcript();
      int[] gold;
      try {
        gold = ids.of(reference);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(utterances.get(i).audio() + ": " + e.getMessage(), e);
      }
      symbols.add(ids.of(transcriptions.get(i).symbols()), gold);
      if (config.units() == Units.CHARACTERS && config.symbols().contains(" ")) {
        words.add(wordIds(transcriptions.get(i).text(), wordIds),
            wordIds(reference, wordIds));
      }
    }
    return new RecognitionEvaluation(source, config.units(), symbols, words);
  }

  private static int[] wordIds(String text, Map<String, Integer> ids) {
    return Units.WORDS.split(text).stream()
        .mapToInt(w -> ids.computeIfAbsent(w, k -> ids.size())).toArray();
  }

  @Override
  public RecognitionEvaluation evaluate(Path data, TaskOptions options) throws IOException {
    return evaluate(data.toString(), CtcFamily.read(data, options), decoding(options));
  }

  /**
   * Transcribes recordings, reading them on all cores.
   *
   * @param recordings the files (their transcripts are not read)
   * @param decoding how to decode
   * @return one transcription per file, in order
   * @throws IOException naming the first file that cannot be read
   */
  public List<Transcription> transcribe(List<Utterance> recordings, Decoding decoding)
      throws IOException {
    return transcribeSteps(recordings.stream().map(u -> u.audio().toString()).toList(),
        CtcData.steps(model.config().frontEnd(), recordings), decoding);
  }

  /** Transcribes recordings named by their paths, one per input. */
  @Override
  public List<Transcription> predict(List<String> inputs, TaskOptions options) {
    try {
      return transcribe(inputs.stream().map(p -> new Utterance(Path.of(p.strip()), "")).toList(),
          decoding(options));
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
