package org.rnn4j.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rnn4j.optim.Adam;
import org.rnn4j.optim.GradientClipping;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

/**
 * A character-level vanilla RNN, the textbook model, trained on a short built-in text with
 * backpropagation through time (through the autograd graph) and then sampled one character at a
 * time, feeding each sample back in.
 *
 * <pre>
 * a⟨t⟩ = tanh(Waa·a⟨t−1⟩ + Wax·x⟨t⟩ + ba)     Waa (H, H), Wax (H, V), ba (H)
 * ŷ⟨t⟩ = softmax(Wya·a⟨t⟩ + by)               Wya (V, H), by (V)
 * L = −(1/BT) Σ log ŷ⟨t⟩[x⟨t+1⟩]
 * </pre>
 * x⟨t⟩ is one-hot, so Wax·x⟨t⟩ is a column of Wax: it is looked up as a row of Waxᵀ (V, H).
 */
public final class CharRnnDemo {
  private static final int BATCH = 16;
  private static final int STEPS = 40;
  private static final float LEARNING_RATE = 0.01f;
  private static final float CLIP_NORM = 5f;
  private static final int SAMPLE_LENGTH = 160;
  private static final float TEMPERATURE = 0.6f;

  /**
   * @param hidden H, hidden units
   * @param iterations optimisation steps, each over a batch of BATCH windows of STEPS characters
   * @param seed seeds initialisation, batches and sampling
   */
  public record Settings(int hidden, int iterations, long seed) {
    /** Checks the ranges. */
    public Settings {
      if (hidden < 1) {
        throw new IllegalArgumentException("hidden must be at least 1, got " + hidden);
      }
      if (iterations < 0) {
        throw new IllegalArgumentException("iterations must be non-negative, got " + iterations);
      }
    }
  }

  private final Settings settings;
  private final String text;
  private final String alphabet; // the V distinct characters, sorted
  private final SplittableRandom rng;
  private final Tensor waxT; // (V, H)
  private final Tensor waa; // (H, H)
  private final Tensor ba; // (H)
  private final Tensor wya; // (V, H)
  private final Tensor by; // (V)

  public CharRnnDemo(Settings settings) {
    this.settings = settings;
    this.text = builtInText();
    this.alphabet = text.chars().distinct().sorted()
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
    this.rng = new SplittableRandom(settings.seed());
    int v = alphabet.length();
    int h = settings.hidden();
    float bound = (float) (1 / Math.sqrt(h));
    waxT = Tensor.uniform(rng, -bound, bound, v, h).requiresGrad(true);
    waa = Tensor.uniform(rng, -bound, bound, h, h).requiresGrad(true);
    ba = Tensor.zeros(h).requiresGrad(true);
    wya = Tensor.uniform(rng, -bound, bound, v, h).requiresGrad(true);
    by = Tensor.zeros(v).requiresGrad(true);
  }

  /** The built-in training text (public domain; see alice.txt.LICENSE). */
  static String builtInText() {
    try (InputStream in = CharRnnDemo.class.getResourceAsStream("alice.txt")) {
      if (in == null) {
        throw new IllegalStateException("the demo text alice.txt is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace('\n', ' ');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Trains, reporting the loss, then prints samples. */
  public void run(PrintWriter out) {
    int v = alphabet.length();
    out.printf("Character-level vanilla RNN: %d characters of text, vocabulary V=%d, hidden H=%d,"
        + " batch %d x %d steps%n", text.length(), v, settings.hidden(), BATCH, STEPS);
    out.printf("A uniform guess costs ln V = %.3f nats per character.%n", Math.log(v));
    Map<String, Tensor> parameters = new LinkedHashMap<>();
    parameters.put("waxT", waxT);
    parameters.put("waa", waa);
    parameters.put("ba", ba);
    parameters.put("wya", wya);
    parameters.put("by", by);
    Adam adam = Adam.of(parameters, LEARNING_RATE);
    long start = System.nanoTime();
    double smoothed = Math.log(v);
    for (int it = 1; it <= settings.iterations(); it++) {
      adam.zeroGrad();
      Tensor loss = batchLoss();
      loss.backward();
      GradientClipping.clipByGlobalNorm(parameters.values(), CLIP_NORM);
      adam.step();
      smoothed = 0.9 * smoothed + 0.1 * loss.item();
      if (it % 100 == 0 || it == settings.iterations()) {
        out.printf("iteration %5d  loss %.3f nats/char%n", it, smoothed);
        out.flush();
      }
    }
    out.printf("Trained in %.1f s.%n", (System.nanoTime() - start) / 1e9);
    for (String prime : new String[] {"Alice ", "The ", "s"}) {
      out.println("sample: " + prime + sample(prime, SAMPLE_LENGTH));
    }
  }

  /** Mean cross-entropy over a batch of random windows: unrolls the RNN through the graph. */
  Tensor batchLoss() {
    int[][] windows = new int[BATCH][];
    for (int b = 0; b < BATCH; b++) {
      windows[b] = encode(rng.nextInt(text.length() - STEPS - 1), STEPS + 1);
    }
    int v = alphabet.length();
    Tensor a = Tensor.zeros(BATCH, settings.hidden());
    List<Tensor> states = new ArrayList<>();
    float[] targets = new float[STEPS * BATCH * v]; // (T·B, V) one-hot of x⟨t+1⟩
    for (int t = 0; t < STEPS; t++) {
      int[] ids = new int[BATCH];
      for (int b = 0; b < BATCH; b++) {
        ids[b] = windows[b][t];
        targets[(t * BATCH + b) * v + windows[b][t + 1]] = 1f;
      }
      a = step(Tensor.embedding(waxT, ids, BATCH), a);
      states.add(a);
    }
    Tensor logits = Tensor.concat(0, states.toArray(Tensor[]::new)).matmulT(wya).add(by);
    Tensor logProbs = logits.logSoftmax(); // (T·B, V)
    return logProbs.mul(Tensor.of(targets, STEPS * BATCH, v)).sum().mul(-1f / (STEPS * BATCH));
  }

  /** a⟨t⟩ = tanh(Wax·x⟨t⟩ + Waa·a⟨t−1⟩ + ba), with Wax·x⟨t⟩ given: (B, H). */
  private Tensor step(Tensor waxX, Tensor aPrev) {
    return waxX.add(aPrev.matmulT(waa)).add(ba).tanh();
  }

  /** Primes the state with {@code prime}, then samples characters at temperature TEMPERATURE. */
  String sample(String prime, int length) {
    try (NoGrad scope = NoGrad.enter()) {
      Tensor a = Tensor.zeros(1, settings.hidden());
      int[] ids = encode(prime);
      for (int id : ids) {
        a = step(Tensor.embedding(waxT, new int[] {id}, 1), a);
      }
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < length; i++) {
        float[] p = a.matmulT(wya).add(by).mul(1f / TEMPERATURE).softmax().data();
        int next = draw(p);
        sb.append(alphabet.charAt(next));
        a = step(Tensor.embedding(waxT, new int[] {next}, 1), a);
      }
      return sb.toString();
    }
  }

  private int draw(float[] p) {
    double u = rng.nextDouble();
    double acc = 0;
    for (int i = 0; i < p.length; i++) {
      acc += p[i];
      if (u < acc) {
        return i;
      }
    }
    return p.length - 1;
  }

  private int[] encode(int from, int length) {
    return encode(text.substring(from, from + length));
  }

  private int[] encode(String s) {
    int[] ids = new int[s.length()];
    for (int i = 0; i < ids.length; i++) {
      int id = alphabet.indexOf(s.charAt(i));
      if (id < 0) {
        throw new IllegalArgumentException(
            "character '" + s.charAt(i) + "' is not in the demo's vocabulary " + alphabet);
      }
      ids[i] = id;
    }
    return ids;
  }
}
