package org.rnn4j.spark.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.rnn4j.speech.audio.WavReader;
import org.rnn4j.speech.ctc.AudioFiles;
import org.rnn4j.speech.ctc.CtcBatch;
import org.rnn4j.speech.ctc.CtcData;
import org.rnn4j.speech.ctc.CtcFamily;
import org.rnn4j.speech.ctc.CtcObjective;
import org.rnn4j.speech.ctc.FrontEnd;
import org.rnn4j.speech.ctc.Recognizer;
import org.rnn4j.speech.ctc.RecognizerConfig;
import org.rnn4j.speech.ctc.Units;
import org.rnn4j.task.CommonOptions;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.train.Objective;

/**
 * The ctc family (speech recognition) in distributed training. A training row is one recording
 * and its transcript: an audio column, binary (the bytes of a WAV, AIFF or AU file, as the {@code
 * content} column of {@code spark.read().format("binaryFile")}) or a string (the path of a
 * recording every executor can read, {@code .raw} and Sphinx {@code .mfc} too), and a transcript
 * column (string). As in {@code rnn4j train --task ctc}, the symbols are every symbol of the
 * transcripts ({@code units} characters or words), sorted; the front end is {@code features},
 * {@code deltas} and {@code stack}; {@code spec-augment} masks the training recordings. The
 * executors compute each recording's steps once and cache them. A batch's weight is its rows
 * (the CTC loss is a mean over recordings).
 */
final class CtcTraining implements FamilyTraining {
  static final Set<String> OPTIONS = Collections.unmodifiableSet(new TreeSet<>(List.of("cell",
      "hidden", "layers", "dropout", "bidirectional", "features", "deltas", "stack", "units",
      "spec-augment")));

  @Override
  public String task() {
    return RecognizerConfig.TASK;
  }

  @Override
  public String noun() {
    return "speech recognizer";
  }

  @Override
  public Set<String> options() {
    return OPTIONS;
  }

  @Override
  public List<String> columns() {
    return List.of("audio", "transcript");
  }

  @Override
  public Prepared<Recording> prepare(Dataset<Row> data, List<String> columns,
      Map<String, String> options, long seed) {
    String audio = columns.get(0);
    String transcript = columns.get(1);
    TrainingData.check(data, audio, transcript);
    TrainingData.requireType(data, audio, "binary (the bytes of a recording) or string (its"
        + " path)", DataTypes.BinaryType, DataTypes.StringType);
    TrainingData.requireType(data, transcript, "string", DataTypes.StringType);
    TaskOptions o = TaskOptions.of(options);
    Units units = o.choice(CtcFamily.UNITS, Units.class);
    TreeSet<String> symbols = new TreeSet<>();
    symbols.addAll(data.select(functions.col(transcript)).javaRDD()
        .flatMap(r -> units.split(r.getString(0)).iterator()).distinct().collect());
    if (symbols.isEmpty()) {
      throw new IllegalArgumentException("column '" + transcript + "' holds empty transcripts"
          + " only: there is nothing to learn to recognize");
    }
    RecognizerConfig config = new RecognizerConfig(CtcFamily.frontEnd(o),
        CommonOptions.recurrent(o), units, new ArrayList<>(symbols));
    String configJson = config.toJson().toString();
    return new Prepared<>(new Recognizer(config, new SplittableRandom(seed)), config,
        Optional.empty(), encode(data, audio, transcript, configJson),
        new Replicas(configJson, o.flag(CtcFamily.SPEC_AUGMENT)));
  }

  static RecognizerConfig config(String json) {
    return ReplicaFamily.config(json, "recognizer", RecognizerConfig::fromJson);
  }

  /** The recordings' steps and the transcripts' class ids where they lie, cached. */
  private static JavaRDD<Recording> encode(Dataset<Row> data, String audio, String transcript,
      String configJson) {
    return data.select(functions.col(audio), functions.col(transcript)).javaRDD()
        .mapPartitions((Iterator<Row> rows) -> {
          RecognizerConfig config = config(configJson);
          FrontEnd frontEnd = config.frontEnd();
          Map<String, Integer> ids = new HashMap<>();
          for (int k = 0; k < config.symbols().size(); k++) {
            ids.put(config.symbols().get(k), k + 1); // 0 is the blank
          }
          List<Recording> out = new ArrayList<>();
          rows.forEachRemaining(r -> {
            Object cell = r.get(0);
            String name = cell instanceof String p ? p : "column '" + audio + "'";
            float[][] steps;
            try {
              steps = cell instanceof byte[] bytes ? frontEnd.steps(WavReader.read(bytes, name))
                  : AudioFiles.steps(frontEnd, ((String) cell).startsWith("file:")
                      ? Path.of(URI.create((String) cell)) : Path.of((String) cell));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            if (steps.length == 0) {
              throw new IllegalArgumentException(name + ": too short to make one frame of "
                  + frontEnd.audio().fftSize() + " samples");
            }
            List<String> symbols = config.units().split(r.getString(1));
            int[] labels = new int[symbols.size()];
            for (int i = 0; i < labels.length; i++) {
              labels[i] = ids.get(symbols.get(i));
            }
            out.add(new Recording(steps, labels));
          });
          return out.iterator();
        }).cache();
  }

  /**
   * The executors' recognizer.
   *
   * @param configJson the {@link RecognizerConfig} as JSON
   * @param specAugment whether training recordings are masked
   */
  record Replicas(String configJson, boolean specAugment)
      implements ReplicaFamily<Recording, CtcBatch> {
    @Override
    public Objective<CtcBatch> objective() {
      return new CtcObjective(new Recognizer(config(configJson), new SplittableRandom(0)),
          specAugment ? Optional.of(CtcFamily.MASKS) : Optional.empty());
    }

    /** Rows [from, to): steps padded to (b, T, F), the transcripts' ids concatenated. */
    @Override
    public CtcBatch batch(List<Recording> rows, int from, int to) {
      List<float[][]> steps = new ArrayList<>(to - from);
      List<int[]> labels = new ArrayList<>(to - from);
      int[] indices = new int[to - from];
      for (int i = from; i < to; i++) {
        steps.add(rows.get(i).steps());
        labels.add(rows.get(i).labels());
        indices[i - from] = i - from;
      }
      return CtcData.batch(steps, labels, indices);
    }

    /** The batch's rows: the CTC loss is a mean over recordings. */
    @Override
    public float weight(Objective<CtcBatch> objective, CtcBatch batch, int rows) {
      return rows;
    }
  }
}
