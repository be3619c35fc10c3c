package org.rnn4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.io.ModelFile;
import org.rnn4j.speech.ctc.CtcFamily;
import org.rnn4j.speech.ctc.SpeechCorpus;
import org.rnn4j.speech.ctc.SpeechRecognizer;
import org.rnn4j.speech.ctc.Transcription;
import org.rnn4j.task.CommonOptions;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.task.TrainingJob;
import org.rnn4j.train.TrainingRecipe;

/**
 * The ctc family on Spark: a recognizer of tones (each symbol a, b, c a burst of its own pitch),
 * trained here in seconds, transcribes recordings given as bytes or as paths exactly as it does on
 * one machine, whatever the partitioning; bad cells get an error instead of failing the job.
 */
class TranscriptionColumnsTest {
  private static final int RATE = 16_000;
  private static final double[] PITCH = {400, 1_100, 2_600}; // a, b, c

  @TempDir static Path dir;
  static Path model;
  static Path recordings;

  private final SparkSession spark = TestSpark.session();

  /** A WAV file of the symbols: each 0.1 s of its tone, with 0.05 s of quiet around each. */
  static byte[] wav(String symbols, SplittableRandom rng) throws IOException {
    int burst = RATE / 10;
    int gap = RATE / 20;
    short[] x = new short[gap + symbols.length() * (burst + gap)];
    int n = 0;
    for (char s : symbols.toCharArray()) {
      n += gap;
      double f = PITCH[s - 'a'] * (0.95 + 0.1 * rng.nextDouble());
      for (int i = 0; i < burst; i++, n++) {
        x[n] = (short) (8_000 * Math.sin(Math.PI * i / burst) * Math.sin(2 * Math.PI * f * i
            / RATE));
      }
    }
    ByteBuffer b = ByteBuffer.allocate(2 * x.length).order(ByteOrder.LITTLE_ENDIAN);
    for (short s : x) {
      b.putShort((short) (s + rng.nextGaussian() * 30));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(b.array()),
        new AudioFormat(RATE, 16, 1, true, false), x.length), AudioFileFormat.Type.WAVE, out);
    return out.toByteArray();
  }

  /** A folder of {@code count} recordings of 1 to 3 symbols, with their transcripts. */
  static Path corpus(String name, int count, long seed) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(name));
    SplittableRandom rng = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder s = new StringBuilder();
      for (int k = 0, length = 1 + rng.nextInt(3); k < length; k++) {
        s.append((char) ('a' + rng.nextInt(3)));
      }
      String file = String.format("%02d.wav", i);
      Files.write(folder.resolve(file), wav(s.toString(), rng));
      lines.add(file + "\t" + s);
    }
    Files.write(folder.resolve(SpeechCorpus.TRANSCRIPTS), lines);
    return folder;
  }

  @BeforeAll
  static void train() throws Exception {
    Path train = corpus("train", 16, 1);
    TaskOptions options = TaskOptions.none().with(CommonOptions.CELL, "gru")
        .with(CommonOptions.HIDDEN, "12").with(CommonOptions.BIDIRECTIONAL, "true");
    TrainingRecipe recipe = TrainingRecipe.of(4, 7).withLearningRate(0.03).withClipNorm(5);
    TrainedModel trained = new CtcFamily().train(new TrainingJob(train, options, recipe, 8, 0.0,
        new PrintWriter(new StringWriter())));
    model = dir.resolve("tones.safetensors");
    trained.save(model, ModelFile.Provenance.of(7, train));
    recordings = corpus("test", 10, 2);
  }

  /** The recordings of the test folder, sorted by name. */
  private static List<Path> files() throws IOException {
    try (var list = Files.list(recordings)) {
      return list.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
    }
  }

  /** (id, input) rows in three partitions. */
  private Dataset<Row> rows(List<?> inputs, DataType type) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      rows.add(RowFactory.create((long) i, inputs.get(i)));
    }
    return spark.createDataFrame(rows, new StructType().add("id", DataTypes.LongType)
        .add("input", type, true)).repartition(3);
  }

  private static void assertTranscribed(Transcription expected, Row got, String what) {
    assertEquals(List.of(expected.text(), expected.symbols(), expected.logProbability(),
            expected.steps()),
        List.of(got.getString(0), got.getList(1), got.getDouble(2), got.getInt(3)), what);
  }

  @Test
  void aFolderReadAsBinaryFilesIsTranscribedAsOnOneMachine() throws Exception {
    SpeechRecognizer recognizer = SpeechRecognizer.load(model);
    Map<String, Transcription> expected = new HashMap<>();
    for (Path f : files()) {
      expected.put(f.getFileName().toString(),
          recognizer.transcribe(f, SpeechRecognizer.Decoding.BEST_PATH));
    }
    Dataset<Row> audio = spark.read().format("binaryFile").option("pathGlobFilter", "*.wav")
        .load(recordings.toString()).repartition(3);
    try (SparkPredictor p = SparkPredictor.load(spark, model)) {
      List<Row> out = p.withBatchSize(2).transform(audio) // the default input column: content
          .select("path", "prediction", "prediction_error").collectAsList();
      assertEquals(expected.size(), out.size());
      boolean heard = false;
      for (Row r : out) {
        String name = Path.of(java.net.URI.create(r.getString(0))).getFileName().toString();
        assertNull(r.get(2), name);
        assertTranscribed(expected.get(name), r.getStruct(1), name);
        heard |= !expected.get(name).text().isEmpty();
      }
      assertTrue(heard, "the recognizer hears something in some recording");
    }
  }

  @Test
  void pathsAreTranscribedAsOnOneMachineBestPathAndBeam() throws Exception {
    List<Path> files = files();
    List<String> paths = files.stream().map(Path::toString).toList();
    SpeechRecognizer recognizer = SpeechRecognizer.load(model);
    for (int beam : new int[] {1, 3}) {
      SpeechRecognizer.Decoding decoding =
          recognizer.decoding(TaskOptions.of(Map.of("beam", String.valueOf(beam))));
      try (SparkPredictor p = SparkPredictor.load(spark, model)) {
        List<Row> out = p.withInputColumn("input").withBatchSize(3)
            .withOption("beam", String.valueOf(beam))
            .transform(rows(paths, DataTypes.StringType)).orderBy("id").collectAsList();
        for (int i = 0; i < files.size(); i++) {
          assertNull(out.get(i).get(3), paths.get(i));
          assertTranscribed(recognizer.transcribe(files.get(i), decoding),
              out.get(i).getStruct(2), "beam " + beam + " " + paths.get(i));
        }
      }
    }
  }

  @Test
  void badCellsGetANullPredictionAndAnErrorWhileTheOthersAreTranscribed() throws Exception {
    byte[] good = Files.readAllBytes(files().get(0));
    List<byte[]> bytes = new ArrayList<>(Arrays.asList(good, new byte[0],
        "not a recording".getBytes(), Arrays.copyOf(good, 30), good));
    bytes.add(null);
    List<String> paths = new ArrayList<>(List.of(files().get(0).toString(),
        dir.resolve("nowhere.wav").toString(), " ", model.toString()));
    paths.add(null);
    paths.add("file:" + files().get(0)); // as binaryFile gives the path
    try (SparkPredictor p = SparkPredictor.load(spark, model).withInputColumn("input")
        .withBatchSize(2)) {
      List<Row> out = p.transform(rows(bytes, DataTypes.BinaryType)).orderBy("id")
          .collectAsList();
      assertNotNull(out.get(0).get(2));
      assertEquals(out.get(0).get(2), out.get(4).get(2));
      assertErrors(out, Map.of(
          1, "column 'input' holds no bytes: expected the bytes of a WAV, AIFF or AU file",
          2, "column 'input': not an audio file this reader knows (WAV, AIFF, AU)",
          3, "column 'input': ",
          5, "column 'input' is null: expected a recording (binary) or its path (string)"));
      List<Row> named = p.transform(rows(paths, DataTypes.StringType)).orderBy("id")
          .collectAsList();
      assertEquals(out.get(0).get(2), named.get(0).get(2), "the same recording by its path");
      assertEquals(out.get(0).get(2), named.get(5).get(2), "the same recording by its URI");
      assertErrors(named, Map.of(
          1, "column 'input': no file " + dir.resolve("nowhere.wav"),
          2, "column 'input' is an empty path: expected the path of a recording",
          3, "column 'input': " + model + ": not an audio file this reader knows",
          4, "column 'input' is null"));
      List<Row> numbers = p.transform(rows(List.of(5), DataTypes.IntegerType)).collectAsList();
      assertEquals("column 'input' holds the Integer 5: expected a recording (binary) or its path"
          + " (string)", numbers.get(0).getString(3));
    }
  }

  @Test
  void aLexiconTheExecutorsCannotUseGivesEveryRowAnErrorNamingIt() throws Exception {
    Path words = Files.writeString(dir.resolve("words.txt"), "ab\n");
    List<String> paths = List.of(files().get(0).toString(), files().get(1).toString());
    try (SparkPredictor p = SparkPredictor.load(spark, model).withInputColumn("input")) {
      for (Map.Entry<Path, String> lexicon : Map.of(words, "--lexicon " + words
          + ": a word list constrains a model that spells words in characters separated by"
          + " spaces", dir.resolve("none.txt"), "option 'lexicon': ").entrySet()) {
        List<Row> out = p.withOption("lexicon", lexicon.getKey().toString())
            .transform(rows(paths, DataTypes.StringType)).collectAsList();
        for (Row row : out) {
          assertNull(row.get(2));
          assertTrue(row.getString(3).startsWith("column 'input': the model rejected the input: "
              + lexicon.getValue()), row.getString(3));
        }
      }
    }
  }

  /** Each row of {@code errors} has a null prediction and an error starting as given. */
  private static void assertErrors(List<Row> out, Map<Integer, String> errors) {
    for (Map.Entry<Integer, String> e : errors.entrySet()) {
      Row row = out.get(e.getKey());
      assertNull(row.get(2), "row " + e.getKey());
      assertNotNull(row.get(3), "row " + e.getKey());
      assertTrue(row.getString(3).startsWith(e.getValue()), "row " + e.getKey() + ": "
          + row.getString(3));
    }
  }
}
