package org.rnn4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rnn4j.speech.audio.WavReader;
import org.rnn4j.speech.ctc.AudioFiles;
import org.rnn4j.speech.ctc.FrontEnd;
import org.rnn4j.speech.ctc.SpeechRecognizer;
import org.rnn4j.speech.ctc.Transcription;
import org.rnn4j.task.TaskModel;
import org.rnn4j.task.TaskOptions;

/**
 * ctc: a recording → {@code struct<text: string, symbols: array<string>, log_probability: double,
 * steps: int>}, decoded as the options {@code beam} and {@code lexicon} say (best path by
 * default). A recording is either binary, the bytes of a WAV, AIFF or AU file (the {@code content}
 * column of {@code spark.read().format("binaryFile")}, the default input column), or a string, the
 * path of a recording every executor can read (a {@code .raw} or Sphinx {@code .mfc} file too, as
 * {@link AudioFiles} reads them). The lexicon, when given, is a path every executor can read.
 *
 * <p>Each row's recording is read and turned into the front end's steps when the row is read, so
 * that a cell that is not audio, or a file that is missing, fails only its own row.
 */
public final class TranscriptionColumns implements FamilyColumns {
  private static final long serialVersionUID = 1L;
  /** The input column by default: where {@code binaryFile} puts a file's bytes. */
  public static final String CONTENT = "content";

  /** One row's recording as the front end's steps, and what to call it. */
  private record Recording(String source, float[][] steps) {}

  @Override
  public String family() {
    return "ctc";
  }

  /** {@value #CONTENT}. */
  @Override
  public String defaultInputColumn() {
    return CONTENT;
  }

  @Override
  public StructType predictionType(TaskModel model) {
    return new StructType()
        .add("text", DataTypes.StringType)
        .add("symbols", DataTypes.createArrayType(DataTypes.StringType))
        .add("log_probability", DataTypes.DoubleType)
        .add("steps", DataTypes.IntegerType);
  }

  @Override
  public Object read(TaskModel model, String column, Object value) throws BadInputException {
    FrontEnd frontEnd = recognizer(model).config().frontEnd();
    String name = "column '" + column + "'";
    if (value == null) {
      throw new BadInputException(name + " is null: expected a recording (binary) or its path"
          + " (string)");
    }
    try {
      if (value instanceof byte[] bytes) {
        return fromBytes(frontEnd, name, bytes);
      }
      if (value instanceof String path) {
        return fromPath(frontEnd, name, path);
      }
    } catch (RuntimeException e) {
      throw new BadInputException(name + ": the recording's features cannot be computed: "
          + e.getMessage());
    }
    throw new BadInputException(name + " holds " + Inputs.describe(value) + ": expected a"
        + " recording (binary) or its path (string)");
  }

  private static Recording fromBytes(FrontEnd frontEnd, String name, byte[] bytes)
      throws BadInputException {
    if (bytes.length == 0) {
      throw new BadInputException(name + " holds no bytes: expected the bytes of a WAV, AIFF or"
          + " AU file");
    }
    try {
      return new Recording(name, frontEnd.steps(WavReader.read(bytes, name)));
    } catch (IOException e) {
      throw new BadInputException(e.getMessage()); // which begins with the column's name
    }
  }

  private static Recording fromPath(FrontEnd frontEnd, String name, String path)
      throws BadInputException {
    try {
      return new Recording(path, AudioFiles.steps(frontEnd, file(name, path)));
    } catch (IOException e) {
      throw new BadInputException(name + ": " + e.getMessage()); // which names the file
    }
  }

  /**
   * The file a cell names: a path, or a {@code file:} URI as the {@code path} column of {@code
   * binaryFile} gives.
   */
  private static Path file(String name, String path) throws BadInputException {
    String p = path.strip();
    if (p.isEmpty()) {
      throw new BadInputException(name + " is an empty path: expected the path of a recording");
    }
    Path file;
    try {
      file = p.startsWith("file:") ? Path.of(URI.create(p)) : Path.of(p);
    } catch (IllegalArgumentException | FileSystemNotFoundException e) {
      throw new BadInputException(name + " holds " + p + ", not a path: " + e.getMessage());
    }
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(name + ": no file " + file + " (the path must name a"
          + " recording that every executor can read)");
    }
    return file;
  }

  @Override
  public List<Row> predict(TaskModel model, List<Object> inputs, Map<String, String> options) {
    SpeechRecognizer recognizer = recognizer(model);
    SpeechRecognizer.Decoding decoding;
    try {
      decoding = recognizer.decoding(TaskOptions.of(options));
    } catch (IOException e) {
      throw new UncheckedIOException("option 'lexicon': " + e.getMessage(), e);
    }
    List<String> sources = new ArrayList<>(inputs.size());
    List<float[][]> steps = new ArrayList<>(inputs.size());
    for (Object input : inputs) {
      Recording r = (Recording) input;
      sources.add(r.source());
      steps.add(r.steps());
    }
    List<Row> out = new ArrayList<>(inputs.size());
    for (Transcription t : recognizer.transcribeSteps(sources, steps, decoding)) {
      out.add(RowFactory.create(t.text(), TagColumns.seq(t.symbols()), t.logProbability(),
          t.steps()));
    }
    return out;
  }

  private static SpeechRecognizer recognizer(TaskModel model) {
    if (!(model instanceof SpeechRecognizer recognizer)) {
      throw new IllegalArgumentException("expected a ctc model, got "
          + model.getClass().getName());
    }
    return recognizer;
  }
}
