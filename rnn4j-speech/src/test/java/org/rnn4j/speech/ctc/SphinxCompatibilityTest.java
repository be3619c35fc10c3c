package org.rnn4j.speech.ctc;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.rnn4j.speech.audio.FeatureConfig;
import org.rnn4j.speech.audio.FeatureExtractor;
import org.rnn4j.speech.audio.SphinxFeatureFile;

/**
 * The sphinx front end, after per-utterance normalisation, tracks the cepstra CMU Sphinx itself
 * computed for the same recording (goforward.raw and goforward.mfc of Debian's
 * pocketsphinx-testdata, made with Sphinx's defaults). Skipped where that package is missing.
 */
class SphinxCompatibilityTest {
  private static final Path DATA = Path.of("/usr/share/pocketsphinx/test/data");

  @Test
  void normalisedCepstraFollowSphinxs() throws Exception {
    Path raw = DATA.resolve("goforward.raw");
    Path mfc = DATA.resolve("goforward.mfc");
    assumeTrue(Files.isRegularFile(raw) && Files.isRegularFile(mfc),
        "pocketsphinx-testdata is not installed (apt-get install pocketsphinx-testdata)");
    float[][] sphinx = SphinxFeatureFile.read(mfc, 13);
    float[][] cepstra = new FeatureExtractor(FeatureConfig.sphinx()).mfcc(AudioFiles.readRaw(raw));
    // Sphinx's file stops 12 frames before the recording ends: compare the frames both cover
    assertTrue(cepstra.length >= sphinx.length && cepstra.length - sphinx.length <= 12,
        "frames: ours " + cepstra.length + ", Sphinx's " + sphinx.length);
    FrontEnd frontEnd = new FrontEnd(FeatureConfig.sphinx(), FrontEnd.Kind.MFCC, 0, 1);
    float[][] ours = frontEnd.fromCoefficients(Arrays.copyOf(cepstra, sphinx.length));
    float[][] theirs = frontEnd.fromCoefficients(sphinx);
    int frames = sphinx.length;
    StringBuilder report = new StringBuilder();
    double worst = 1;
    for (int k = 0; k < 13; k++) {
      double r = correlation(ours, theirs, frames, k);
      report.append(String.format(Locale.ROOT, " c%d %.3f", k, r));
      worst = Math.min(worst, Math.abs(r));
    }
    System.out.println("goforward: correlation of normalised cepstra with Sphinx's:" + report);
    assertTrue(worst > 0.85, "every cepstrum should correlate above 0.85:" + report);
  }

  private static double correlation(float[][] a, float[][] b, int frames, int k) {
    double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
    for (int t = 0; t < frames; t++) {
      sa += a[t][k];
      sb += b[t][k];
      saa += a[t][k] * a[t][k];
      sbb += b[t][k] * b[t][k];
      sab += a[t][k] * b[t][k];
    }
    double cov = sab / frames - sa / frames * sb / frames;
    double va = saa / frames - sa / frames * sa / frames;
    double vb = sbb / frames - sb / frames * sb / frames;
    return cov / Math.sqrt(va * vb);
  }
}
