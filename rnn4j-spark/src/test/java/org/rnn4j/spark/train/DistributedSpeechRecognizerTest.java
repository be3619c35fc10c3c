package org.rnn4j.spark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.io.ModelFile;
import org.rnn4j.spark.TestSpark;
import org.rnn4j.speech.ctc.SpeechCorpus;
import org.rnn4j.speech.ctc.SpeechRecognizer;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.task.TrainingJob;
import org.rnn4j.train.TrainingRecipe;

/**
 * Data-parallel training of a CTC speech recognizer (the ctc family) on local[2], on recordings
 * of tones (each symbol a, b, c a burst of its own pitch, as in the speech module's tests): about
 * as accurate as single-machine training at the same seed and epochs, reproducible to the bit,
 * bad input named.
 */
class DistributedSpeechRecognizerTest {
  private static final int RATE = 16_000;
  private static final double[] PITCH = {400, 1_100, 2_600}; // a, b, c
  private static final long SEED = 7;
  private static final int EPOCHS = 20;
  private static final int BATCH = 8;
  private static final Map<String, String> MODEL = Map.of("deltas", "1", "cell", "gru",
      "hidden", "24", "bidirectional", "true");

  private final SparkSession spark = TestSpark.session();
  @TempDir
  static Path dir;

  /** A WAV of the symbols, each 0.12 s of its tone, with 0.06 s of quiet around each. */
  private static byte[] wav(String symbols, SplittableRandom rng) throws Exception {
    int burst = (int) (0.12 * RATE);
    int gap = (int) (0.06 * RATE);
    ByteBuffer b = ByteBuffer.allocate(2 * (gap + symbols.length() * (burst + gap)))
        .order(ByteOrder.LITTLE_ENDIAN);
    int n = 0;
    for (int i = 0; i < gap; i++, n++) {
      b.putShort((short) (rng.nextGaussian() * 30));
    }
    for (char s : symbols.toCharArray()) {
      double f = PITCH[s - 'a'] * (0.95 + 0.1 * rng.nextDouble());
      for (int i = 0; i < burst; i++, n++) {
        double envelope = Math.sin(Math.PI * i / burst);
        b.putShort((short) (8_000 * envelope * Math.sin(2 * Math.PI * f * i / RATE)
            + rng.nextGaussian() * 30));
      }
      for (int i = 0; i < gap; i++, n++) {
        b.putShort((short) (rng.nextGaussian() * 30));
      }
    }
    AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(b.array()), format,
        n)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
    }
    return out.toByteArray();
  }

  /** A recording's bytes and its transcript. */
  private record Said(byte[] wav, String transcript) {}

  private static List<Said> corpus(int count, long seed) throws Exception {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Said> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder s = new StringBuilder();
      int length = 1 + rng.nextInt(4);
      for (int k = 0; k < length; k++) {
        s.append((char) ('a' + rng.nextInt(3)));
      }
      out.add(new Said(wav(s.toString(), rng), s.toString()));
    }
    return out;
  }

  /** The recordings as a folder with transcripts.tsv, as {@code rnn4j train --task ctc} reads. */
  private static Path folder(String name, List<Said> corpus) throws Exception {
    Path folder = Files.createDirectories(dir.resolve(name));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      String file = String.format("%03d.wav", i);
      Files.write(folder.resolve(file), corpus.get(i).wav());
      lines.add(file + "\t" + corpus.get(i).transcript());
    }
    Files.write(folder.resolve(SpeechCorpus.TRANSCRIPTS), lines);
    return folder;
  }

  private static List<Said> train;
  private static Path test;
  private static Double single;

  private Dataset<Row> rows(List<Said> corpus) {
    List<Object[]> rows = new ArrayList<>();
    corpus.forEach(s -> rows.add(new Object[] {s.wav(), s.transcript()}));
    return Corpora.frame(spark, rows, 2, new String[] {"content", "text"},
        new DataType[] {DataTypes.BinaryType, DataTypes.StringType});
  }

  private static synchronized void data() throws Exception {
    if (train == null) {
      train = corpus(60, 1);
      test = folder("test", corpus(20, 2));
    }
  }

  /** The symbol error rate on the test recordings of a model, saved and loaded. */
  private double errorRate(TrainedModel model, String name) throws Exception {
    Path file = dir.resolve(name + ".safetensors");
    model.save(file, ModelFile.Provenance.now(SEED, ""));
    return SpeechRecognizer.load(file).evaluate(test, TaskOptions.none()).score().errorRate();
  }

  @Test
  void gradientAveragingHearsAsWellAsSingleMachineTraining() throws Exception {
    data();
    if (single == null) {
      TrainedModel model = TaskFamilies.named("ctc").train(new TrainingJob(folder("train", train),
          TaskOptions.of(MODEL), TrainingRecipe.of(EPOCHS, SEED), BATCH, 0,
          new PrintWriter(new StringWriter())));
      single = errorRate(model, "single");
    }
    assertTrue(single < 0.2, "single-machine training learns the tones: error rate " + single);
    DistributedTrainingResult run = DistributedTrainer.of(spark,
        DistributedConfig.of(EPOCHS, SEED).withBatchSize(BATCH), "ctc", MODEL)
        .fit(rows(train), "content", "text");
    double distributed = errorRate(run.model(), "distributed");
    assertTrue(distributed <= single + 0.1, "distributed error rate " + distributed
        + ", single-machine " + single);
    assertTrue(run.epochLosses().get(EPOCHS - 1) < 0.5 * run.epochLosses().get(0),
        run.epochLosses().toString());
  }

  @Test
  void aRunIsReproducibleToTheBit() throws Exception {
    data();
    DistributedConfig config = DistributedConfig.of(2, SEED).withBatchSize(BATCH)
        .averagingParameters(2);
    Dataset<Row> few = rows(train.subList(0, 24));
    DistributedTrainer trainer = DistributedTrainer.of(spark, config, "ctc", MODEL);
    Corpora.assertSameWeights(trainer.fit(few, "content", "text").model().model().parameters(),
        trainer.fit(few, "content", "text").model().model().parameters());
  }

  @Test
  void recordingsMayBeGivenByPath() throws Exception {
    data();
    Path folder = folder("paths", train.subList(0, 16));
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      rows.add(new Object[] {folder.resolve(String.format("%03d.wav", i)).toString(),
          train.get(i).transcript()});
    }
    Dataset<Row> paths = Corpora.frame(spark, rows, 2, new String[] {"content", "text"},
        new DataType[] {DataTypes.StringType, DataTypes.StringType});
    DistributedConfig config = DistributedConfig.of(1, SEED).withBatchSize(BATCH);
    DistributedTrainer trainer = DistributedTrainer.of(spark, config, "ctc", MODEL);
    // the same recordings as bytes or by path: the same run
    Corpora.assertSameWeights(trainer.fit(paths, "content", "text").model().model().parameters(),
        trainer.fit(rows(train.subList(0, 16)), "content", "text").model().model()
            .parameters());
  }

  @Test
  void badInputIsNamed() {
    DistributedTrainer trainer = DistributedTrainer.of(spark, DistributedConfig.of(1, SEED),
        "ctc", MODEL);
    Dataset<Row> numbers = Corpora.frame(spark, List.<Object[]>of(new Object[] {3, "ab"}), 1,
        new String[] {"content", "text"},
        new DataType[] {DataTypes.IntegerType, DataTypes.StringType});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> trainer.fit(numbers, "content", "text"));
    assertEquals("column 'content' is of type int: expected binary (the bytes of a recording) or"
        + " string (its path)", e.getMessage());
    Dataset<Row> missing = Corpora.frame(spark, List.<Object[]>of(
            new Object[] {dir.resolve("no-such.wav").toString(), "ab"}), 1,
        new String[] {"content", "text"},
        new DataType[] {DataTypes.StringType, DataTypes.StringType});
    e = assertThrows(IllegalArgumentException.class, () -> trainer.fit(missing, "content",
        "text"));
    assertTrue(e.getMessage().startsWith("a training row cannot be encoded: ")
        && e.getMessage().contains("no-such.wav"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DistributedTrainer.of(spark,
        DistributedConfig.of(1, SEED), "ctc", Map.of("beam", "4")));
    assertTrue(e.getMessage().startsWith("option 'beam' is not a model or text option of"
        + " distributed speech recognizer training"), e.getMessage());
  }
}
