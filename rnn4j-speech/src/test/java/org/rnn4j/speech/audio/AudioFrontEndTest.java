package org.rnn4j.speech.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WAV reading, resampling, the mel scales, normalisation and masking. */
class AudioFrontEndTest {
  @TempDir Path dir;

  /** Writes 16-bit PCM with the JDK's own writer. */
  private Path wav16(String name, short[] interleaved, int channels, int rate, boolean bigEndian)
      throws IOException {
    ByteBuffer b = ByteBuffer.allocate(2 * interleaved.length)
        .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    for (short s : interleaved) {
      b.putShort(s);
    }
    AudioFormat f = new AudioFormat(rate, 16, channels, true, bigEndian);
    Path file = dir.resolve(name);
    AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(b.array()), f,
        interleaved.length / channels), bigEndian ? AudioFileFormat.Type.AIFF
        : AudioFileFormat.Type.WAVE, file.toFile());
    return file;
  }

  @Test
  void pcm16IsScaledAndChannelsAreAveraged() throws IOException {
    Waveform mono = WavReader.read(wav16("m.wav", new short[] {0, 16384, -32768, 32767}, 1,
        8000, false));
    assertEquals(8000, mono.sampleRate());
    assertArrayEquals(new float[] {0f, 0.5f, -1f, 32767f / 32768}, mono.samples());
    Waveform stereo = WavReader.read(wav16("s.aiff", new short[] {16384, -16384, 8192, 8192}, 2,
        22050, true));
    assertEquals(22050, stereo.sampleRate());
    assertArrayEquals(new float[] {0f, 0.25f}, stereo.samples());
  }

  @Test
  void aFileThatIsNotAudioIsNamedInTheError() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.wav"), "not audio at all");
    IOException e = assertThrows(IOException.class, () -> WavReader.read(text));
    assertTrue(e.getMessage().startsWith(text + ": not an audio file"), e.getMessage());
  }

  @Test
  void bytesInMemoryReadAsTheFileTheyCameFrom() throws IOException {
    for (Path file : new Path[] {
        wav16("m.wav", new short[] {0, 16384, -32768, 32767, 5, -5}, 1, 8000, false),
        wav16("s.aiff", new short[] {16384, -16384, 8192, 8192}, 2, 22050, true)}) {
      Waveform fromFile = WavReader.read(file);
      Waveform fromBytes = WavReader.read(Files.readAllBytes(file), "upload");
      assertEquals(fromFile.sampleRate(), fromBytes.sampleRate());
      assertArrayEquals(fromFile.samples(), fromBytes.samples(), file.toString());
    }
  }

  @Test
  void bytesThatAreNotAudioAreNamedInTheError() throws IOException {
    IOException notAudio = assertThrows(IOException.class,
        () -> WavReader.read("not audio at all".getBytes(), "row 7"));
    assertTrue(notAudio.getMessage().startsWith("row 7: not an audio file this reader knows"
        + " (WAV, AIFF, AU)"), notAudio.getMessage());
    IOException empty = assertThrows(IOException.class,
        () -> WavReader.read(new byte[0], "row 8"));
    assertEquals("row 8: no bytes: expected an audio file (WAV, AIFF, AU)", empty.getMessage());
    byte[] wav = Files.readAllBytes(wav16("t.wav", new short[] {1, 2, 3}, 1, 8000, false));
    IOException cut = assertThrows(IOException.class,
        () -> WavReader.read(java.util.Arrays.copyOf(wav, 20), "row 9"));
    assertTrue(cut.getMessage().startsWith("row 9: "), cut.getMessage());
  }

  private static Waveform tone(double hz, int rate, double seconds) {
    float[] x = new float[(int) (rate * seconds)];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.sin(2 * Math.PI * hz * i / rate);
    }
    return new Waveform(x, rate);
  }

  @Test
  void resamplingKeepsATonePassedAndRemovesOneAboveTheNewNyquist() {
    Waveform in = tone(1000, 44_100, 0.2);
    Waveform out = Resampler.resample(in, 16_000);
    assertEquals(16_000, out.sampleRate());
    assertEquals(3200, out.samples().length);
    double worst = 0;
    for (int i = 400; i < 2800; i++) { // away from the edges, where the kernel is cut
      worst = Math.max(worst, Math.abs(out.samples()[i] - Math.sin(2 * Math.PI * 1000 * i
          / 16_000.0)));
    }
    assertTrue(worst < 2e-3, "1 kHz passes: largest error " + worst);
    double rms = rms(Resampler.resample(tone(10_000, 44_100, 0.2), 16_000).samples(), 400,
        2800);
    assertTrue(20 * Math.log10(rms / Math.sqrt(0.5)) < -60, "10 kHz is removed: " + rms);
    assertEquals(4000, Resampler.resample(tone(440, 16_000, 0.5), 8_000).samples().length);
    Waveform same = tone(440, 16_000, 0.1);
    assertSame(same, Resampler.resample(same, 16_000));
  }

  private static double rms(float[] x, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += x[i] * x[i];
    }
    return Math.sqrt(sum / (to - from));
  }

  @Test
  void melScalesHaveTheirDefiningValuesAndInvert() {
    assertEquals(15, MelScale.SLANEY.mel(1000), 1e-12);
    assertEquals(15 + 27, MelScale.SLANEY.mel(6400), 1e-9, "a factor 6.4 is 27 mels");
    assertEquals(2595 * Math.log10(2), MelScale.HTK.mel(700), 1e-9);
    for (MelScale s : MelScale.values()) {
      for (double hz : new double[] {0, 133.33, 999, 1000, 4000, 8000}) {
        assertEquals(hz, s.hz(s.mel(hz)), 1e-6, s + " " + hz);
      }
    }
  }

  @Test
  void aFilterbankCoversTheBandAndEachSlaneyFilterHasTheSameArea() {
    MelFilterbank bank = new MelFilterbank(16_000, 512, 40, 0, 8000, MelScale.SLANEY, true);
    double[] flat = new double[257];
    java.util.Arrays.fill(flat, 1);
    double[] out = new double[40];
    bank.apply(flat, out);
    for (int m = 10; m < 40; m++) { // wide enough filters: area ≈ 1 in bins of 31.25 Hz
      assertEquals(1 / 31.25, out[m], 0.15 / 31.25, "filter " + m);
    }
    assertThrows(IllegalArgumentException.class,
        () -> new MelFilterbank(16_000, 512, 40, 0, 9000, MelScale.SLANEY, true));
  }

  @Test
  void framesFollowTheHop() {
    FeatureConfig c = FeatureConfig.speech();
    assertEquals(0, c.frames(511));
    assertEquals(1, c.frames(512));
    assertEquals(97, c.frames(16_000)); // 1 + ⌊(16000 − 512)/160⌋ = 1 + ⌊96.8⌋
    assertEquals(97, new FeatureExtractor(c).mfcc(tone(300, 16_000, 1)).length);
    assertEquals(13, new FeatureExtractor(FeatureConfig.sphinx()).mfcc(tone(300, 16_000, 1))[0]
        .length);
  }

  @Test
  void perUtteranceNormalisationGivesZeroMeanAndUnitVariance() {
    float[][] x = {{1, 10}, {3, 10}, {5, 10}};
    float[][] y = Normalisation.perUtterance(x);
    assertArrayEquals(new float[] {-1.2247449f, 0f}, y[0], 1e-6f);
    assertArrayEquals(new float[] {0f, 0f}, y[1], 1e-6f, "a constant column stays 0");
    assertEquals(1f, x[0][0], "the input is left alone");
  }

  @Test
  void specAugmentMasksBandsAndRunsWithinItsLimits() {
    float[][] x = new float[50][20];
    for (float[] row : x) {
      java.util.Arrays.fill(row, 1f);
    }
    SpecAugment augment = new SpecAugment(2, 5, 2, 8, 0.1, 0f);
    float[][] y = augment.apply(x, new SplittableRandom(3));
    int maskedColumns = 0;
    for (int j = 0; j < 20; j++) {
      boolean all = true;
      for (float[] row : y) {
        all &= row[j] == 0f;
      }
      maskedColumns += all ? 1 : 0;
    }
    assertTrue(maskedColumns <= 10, "at most 2 bands of 5: " + maskedColumns);
    int maskedRows = 0;
    for (float[] row : y) {
      boolean all = true;
      for (float v : row) {
        all &= v == 0f;
      }
      maskedRows += all ? 1 : 0;
    }
    assertTrue(maskedRows <= 10, "at most 2 runs of min(8, 0.1·50 = 5) frames: " + maskedRows);
    assertEquals(1f, x[0][0], "the input is left alone");
    float[][] again = augment.apply(x, new SplittableRandom(3));
    for (int t = 0; t < 50; t++) {
      assertArrayEquals(y[t], again[t], "seeded");
    }
  }
}
