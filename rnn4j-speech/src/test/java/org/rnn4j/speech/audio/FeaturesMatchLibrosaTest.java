package org.rnn4j.speech.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Log-mel energies and MFCCs of two committed recordings (16-bit mono, and float stereo) equal
 * librosa 0.11's, written by tools/fixtures/make_audio_fixtures.py with FeatureConfig.speech()'s
 * settings, within 10⁻⁵ (measured: at most 2·10⁻⁶; the Java side computes in double and keeps
 * floats).
 */
class FeaturesMatchLibrosaTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures/audio");
  private static final double TOLERANCE = 1e-5;

  @ParameterizedTest
  @ValueSource(strings = {"voiced.wav", "noisy-stereo.wav"})
  void logMelAndMfccMatch(String wav) throws IOException {
    JsonNode expected = new ObjectMapper().readTree(FIXTURES.resolve("features.json").toFile())
        .path("cases").path(wav);
    FeatureExtractor extractor = new FeatureExtractor(FeatureConfig.speech());
    Waveform audio = WavReader.read(FIXTURES.resolve(wav));
    assertEquals(16_000, audio.sampleRate());
    compare(expected.path("log_mel"), extractor.logMel(audio), wav + " log-mel");
    compare(expected.path("mfcc"), extractor.mfcc(audio), wav + " mfcc");
  }

  private static void compare(JsonNode expected, float[][] actual, String what) {
    assertEquals(expected.size(), actual.length, what + ": frames");
    assertTrue(actual.length > 40, what + ": a real number of frames");
    double worst = 0;
    for (int t = 0; t < actual.length; t++) {
      assertEquals(expected.get(t).size(), actual[t].length, what + ": width");
      for (int j = 0; j < actual[t].length; j++) {
        double e = expected.get(t).get(j).asDouble();
        worst = Math.max(worst, Math.abs(e - actual[t][j]));
        assertEquals(e, actual[t][j], TOLERANCE, what + " [" + t + ", " + j + "]");
      }
    }
    System.out.printf("%s: largest difference from librosa %.2g%n", what, worst);
  }
}
