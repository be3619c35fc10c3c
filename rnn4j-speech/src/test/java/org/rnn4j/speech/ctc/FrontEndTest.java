package org.rnn4j.speech.ctc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.speech.audio.Deltas;
import org.rnn4j.speech.audio.FeatureConfig;
import org.rnn4j.speech.audio.Waveform;

class FrontEndTest {

  @Test
  void deltasOfARampAreItsSlopeAwayFromTheEdges() {
    float[][] ramp = new float[10][1];
    for (int t = 0; t < 10; t++) {
      ramp[t][0] = 3f * t;
    }
    float[][] d = Deltas.of(ramp);
    for (int t = 2; t < 8; t++) {
      assertEquals(3f, d[t][0], 1e-6f, "t = " + t);
    }
    // at the edges the first and last frames repeat: (1·(3 − 0) + 2·(6 − 0)) / 10
    assertEquals(1.5f, d[0][0], 1e-6f);
    float[][] both = Deltas.append(ramp, 2);
    assertEquals(3, both[0].length);
    assertEquals(0f, both[5][2], 1e-6f, "the slope of a constant slope is 0");
  }

  @Test
  void stackingPutsSConsecutiveNormalisedFramesInOneStep() {
    FrontEnd frontEnd = new FrontEnd(FeatureConfig.speech(), FrontEnd.Kind.MFCC, 0, 3);
    float[][] c = new float[7][13];
    for (int t = 0; t < 7; t++) {
      for (int k = 0; k < 13; k++) {
        c[t][k] = t * (k + 1);
      }
    }
    float[][] steps = frontEnd.fromCoefficients(c);
    assertEquals(3, steps.length, "⌈7/3⌉ steps");
    assertEquals(39, steps[0].length);
    assertEquals(39, frontEnd.size());
    // frame 4 is the second frame of step 1; past the end the last step is zero
    float[][] normalised = new FrontEnd(FeatureConfig.speech(), FrontEnd.Kind.MFCC, 0, 1)
        .fromCoefficients(c);
    assertArrayEquals(normalised[4], java.util.Arrays.copyOfRange(steps[1], 13, 26));
    assertArrayEquals(new float[26], java.util.Arrays.copyOfRange(steps[2], 13, 39));
  }

  @Test
  void normalisationMakesAGainOrOffsetPerCoefficientVanish() {
    FrontEnd frontEnd = new FrontEnd(FeatureConfig.tidigits(), FrontEnd.Kind.MFCC, 2, 1);
    float[] x = new float[16_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 300 * i / 16_000.0)
          * Math.sin(Math.PI * i / x.length) + 0.01 * Math.sin(i * 1.7));
    }
    float[][] c = new org.rnn4j.speech.audio.FeatureExtractor(FeatureConfig.tidigits())
        .mfcc(new Waveform(x, 16_000));
    float[][] scaled = new float[c.length][13];
    for (int t = 0; t < c.length; t++) {
      for (int k = 0; k < 13; k++) {
        scaled[t][k] = 2.5f * c[t][k] + k - 4;
      }
    }
    float[][] a = frontEnd.fromCoefficients(c);
    float[][] b = frontEnd.fromCoefficients(scaled);
    for (int t = 0; t < a.length; t++) {
      assertArrayEquals(a[t], b[t], 2e-3f, "frame " + t);
    }
  }

  @Test
  void theSettingsSurviveAModelConfig() throws Exception {
    FrontEnd frontEnd = new FrontEnd(FeatureConfig.sphinx(), FrontEnd.Kind.LOGMEL, 1, 2);
    ObjectNode json = frontEnd.toJson(new ObjectMapper().createObjectNode());
    assertEquals(frontEnd, FrontEnd.fromJson(json, Path.of("m.safetensors")));
    json.put("stack", "two");
    ModelFormatException e = assertThrows(ModelFormatException.class,
        () -> FrontEnd.fromJson(json, Path.of("m.safetensors")));
    assertTrue(e.getMessage().contains("'stack' must be a number"), e.getMessage());
  }

  @Test
  void coefficientsOfAnotherWidthAreRefusedByName() {
    FrontEnd frontEnd = new FrontEnd(FeatureConfig.speech(), FrontEnd.Kind.MFCC, 2, 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> frontEnd.fromCoefficients(new float[][] {new float[12]}));
    assertTrue(e.getMessage().contains("frame 0 holds 12 coefficients, expected 13"),
        e.getMessage());
  }
}
