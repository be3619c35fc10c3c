package org.rnn4j.speech.ctc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.DataFormatException;
import org.rnn4j.io.ModelFile;
import org.rnn4j.speech.audio.WavReader;
import org.rnn4j.speech.audio.Waveform;
import org.rnn4j.task.CommonOptions;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.task.TrainingJob;
import org.rnn4j.train.TrainingRecipe;

/**
 * The ctc family end to end on recordings of tones: each symbol a, b, c is a burst of its own
 * pitch, so a recognizer must learn which burst is which and how many there are, with no
 * alignment given.
 */
class CtcFamilyTest {
  private static final int RATE = 16_000;
  private static final double[] PITCH = {400, 1_100, 2_600}; // a, b, c

  @TempDir static Path dir;
  static TrainedModel trained;
  static Path model;

  /** A recording of the symbols, each 0.12 s of its tone, with 0.06 s of quiet around each. */
  static void write(Path file, String symbols, SplittableRandom rng) throws Exception {
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
    try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(b.array()), format,
        n)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
    }
  }

  /** A folder of {@code count} recordings with transcripts.tsv. */
  static Path corpus(String name, int count, long seed) throws Exception {
    Path folder = Files.createDirectories(dir.resolve(name));
    SplittableRandom rng = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder s = new StringBuilder();
      int length = 1 + rng.nextInt(4);
      for (int k = 0; k < length; k++) {
        s.append((char) ('a' + rng.nextInt(3)));
      }
      String file = String.format("%03d.wav", i);
      write(folder.resolve(file), s.toString(), rng);
      lines.add(file + "\t" + s);
    }
    Files.write(folder.resolve(SpeechCorpus.TRANSCRIPTS), lines);
    return folder;
  }

  @BeforeAll
  static void train() throws Exception {
    Path train = corpus("train", 60, 1);
    TaskOptions options = TaskOptions.none().with(CtcFamily.DELTAS, "1")
        .with(CommonOptions.CELL, "gru").with(CommonOptions.HIDDEN, "24")
        .with(CommonOptions.BIDIRECTIONAL, "true");
    TrainingRecipe recipe = TrainingRecipe.of(25, 7).withLearningRate(0.01).withClipNorm(5);
    trained = new CtcFamily().train(new TrainingJob(train, options, recipe, 8, 0.1,
        new PrintWriter(new StringWriter())));
    model = dir.resolve("tones.safetensors");
    trained.save(model, ModelFile.Provenance.of(7, train));
  }

  @Test
  void aTrainedRecognizerHearsTonesItWasNotTrainedOn() throws Exception {
    Path test = corpus("test", 20, 2);
    SpeechRecognizer loaded = assertInstanceOf(SpeechRecognizer.class, TaskFamilies.load(model));
    RecognitionEvaluation e = loaded.evaluate(test, TaskOptions.none());
    assertEquals(20, e.score().utterances());
    assertTrue(e.score().errorRate() < 0.15, e.report());
    assertEquals(List.of("a", "b", "c"), loaded.config().symbols());
    // the model file gives the same transcriptions as the model that was trained
    SpeechRecognizer fresh = new SpeechRecognizer((Recognizer) trained.model());
    List<Utterance> files = SpeechCorpus.read(test, "0", "1");
    assertEquals(fresh.transcribe(files, SpeechRecognizer.Decoding.BEST_PATH).stream()
            .map(Transcription::text).toList(),
        loaded.transcribe(files, SpeechRecognizer.Decoding.BEST_PATH).stream()
            .map(Transcription::text).toList());
    // a beam search finds transcripts at least as probable as the best path's
    List<Transcription> greedy = loaded.transcribe(files, SpeechRecognizer.Decoding.BEST_PATH);
    List<Transcription> beam = loaded.transcribe(files,
        new SpeechRecognizer.Decoding(4, java.util.Optional.empty()));
    for (int i = 0; i < files.size(); i++) {
      assertTrue(beam.get(i).logProbability() >= greedy.get(i).logProbability() - 1e-4,
          files.get(i).audio() + ": " + beam.get(i) + " vs " + greedy.get(i));
    }
  }

  @Test
  void aListNamesItsColumnsByHeader() throws Exception {
    Path list = dir.resolve("named.csv");
    Files.writeString(list, "transcript,file\nab,train/000.wav\n");
    List<Utterance> u = SpeechCorpus.read(list, "file", "transcript");
    assertEquals(1, u.size());
    assertEquals("ab", u.get(0).transcript());
    assertEquals(dir.resolve("train/000.wav").toAbsolutePath(), u.get(0).audio());
  }

  @Test
  void aMissingRecordingIsNamedWithItsRecord() throws Exception {
    Path list = dir.resolve("missing.tsv");
    Files.writeString(list, "train/000.wav\tab\nnowhere.wav\tb\n");
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> SpeechCorpus.read(list, "0", "1"));
    assertTrue(e.getMessage().contains("missing.tsv:record 2: audio file")
        && e.getMessage().contains("nowhere.wav does not exist"), e.getMessage());
  }

  @Test
  void aSymbolTheModelDoesNotKnowIsNamed() throws Exception {
    Path list = dir.resolve("unknown.tsv");
    Files.writeString(list, "train/000.wav\tabd\n");
    SpeechRecognizer loaded = SpeechRecognizer.load(model);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> loaded.evaluate(list, TaskOptions.none()));
    assertTrue(e.getMessage().contains("000.wav") && e.getMessage().contains("symbol 'd'")
        && e.getMessage().contains("[a, b, c]"), e.getMessage());
  }

  @Test
  void aFileThatIsNotAudioIsNamed() throws Exception {
    Path notAudio = Files.writeString(dir.resolve("notes.wav"), "not a recording");
    IOException e = assertThrows(IOException.class,
        () -> SpeechRecognizer.load(model).transcribe(notAudio,
            SpeechRecognizer.Decoding.BEST_PATH));
    assertTrue(e.getMessage().contains("notes.wav"), e.getMessage());
  }

  @Test
  void recordingsInMemoryTranscribeAsTheirFiles() throws Exception {
    Path test = corpus("memory", 20, 3);
    SpeechRecognizer loaded = SpeechRecognizer.load(model);
    List<Utterance> files = SpeechCorpus.read(test, "0", "1");
    List<String> names = new ArrayList<>();
    List<Waveform> recordings = new ArrayList<>();
    for (Utterance u : files) {
      names.add(u.audio().getFileName().toString());
      recordings.add(WavReader.read(Files.readAllBytes(u.audio()), names.get(names.size() - 1)));
    }
    for (SpeechRecognizer.Decoding decoding : List.of(SpeechRecognizer.Decoding.BEST_PATH,
        new SpeechRecognizer.Decoding(3, java.util.Optional.empty()))) {
      List<Transcription> batched = loaded.transcribeWaveforms(names, recordings, decoding);
      assertEquals(files.size(), batched.size());
      for (int i = 0; i < files.size(); i++) {
        Transcription alone = loaded.transcribe(files.get(i).audio(), decoding);
        Transcription got = batched.get(i);
        assertEquals(names.get(i), got.source());
        assertEquals(List.of(alone.text(), alone.symbols(), alone.logProbability(), alone.steps()),
            List.of(got.text(), got.symbols(), got.logProbability(), got.steps()), names.get(i));
      }
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> loaded.transcribeWaveforms(names.subList(0, 2), recordings,
            SpeechRecognizer.Decoding.BEST_PATH));
    assertEquals("sources and recordings must be as many: got 2 sources and 20 recordings",
        e.getMessage());
  }

  @Test
  void aWordListNeedsAModelThatSpellsWords() throws Exception {
    SpeechRecognizer loaded = SpeechRecognizer.load(model);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> loaded.lexicon(List.of("ab"), Path.of("words.txt")));
    assertTrue(e.getMessage().contains("--lexicon words.txt"), e.getMessage());
  }
}
