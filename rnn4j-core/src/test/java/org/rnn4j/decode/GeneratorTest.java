package org.rnn4j.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.text.CharTokenizer;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.Vocabulary;

/**
 * The generation loop on a counting model whose next token is always (sum of the ids seen) mod V:
 * its state is the running sum, so any mistake in priming, carrying the state or feeding back a
 * token shows in the output.
 */
class GeneratorTest {
  private static final int V = 7;
  private static final RandomGenerator RNG = new SplittableRandom(0);

  /** Logits 0 everywhere but 10 at (running sum) mod V; state = running sum per row. */
  static final class CountingModel implements NextTokenModel<long[]> {
    final List<int[]> calls = new ArrayList<>(); // the lengths of every call

    @Override
    public long[] initialState(int batch) {
      return new long[batch];
    }

    @Override
    public Step<long[]> forward(int[] ids, int[] lengths, long[] state) {
      int b = lengths.length;
      int t = ids.length / b;
      calls.add(lengths.clone());
      long[] sum = state.clone();
      float[] logits = new float[b * t * V];
      for (int r = 0; r < b; r++) {
        for (int s = 0; s < lengths[r]; s++) {
          sum[r] += ids[r * t + s];
          logits[(r * t + s) * V + (int) (sum[r] % V)] = 10;
        }
      }
      return new Step<>(Tensor.of(logits, b, t, V), sum);
    }

    @Override
    public long[] select(long[] state, int[] rows) {
      long[] out = new long[rows.length];
      for (int i = 0; i < rows.length; i++) {
        out[i] = state[rows[i]];
      }
      return out;
    }
  }

  @Test
  void greedyFollowsTheCarriedState() {
    CountingModel model = new CountingModel();
    int[] out = new Generator<>(model, GenerationConfig.of(5, Sampler.greedy()))
        .generate(new int[] {2, 3}, RNG);
    // sums: 5 → 5, 10 → 3, 13 → 6, 19 → 5, 24 → 3
    assertArrayEquals(new int[] {5, 3, 6, 5, 3}, out);
    assertEquals(5, model.calls.size(), "one call for the prime, then one per fed token");
    assertArrayEquals(new int[] {2}, model.calls.get(0));
    assertArrayEquals(new int[] {1}, model.calls.get(1));
  }

  @Test
  void generationStopsAtTheStopTokenWithoutEmittingIt() {
    GenerationConfig config = GenerationConfig.of(50, Sampler.greedy()).stoppingAt(6);
    assertArrayEquals(new int[] {5, 3}, new Generator<>(new CountingModel(), config)
        .generate(new int[] {2, 3}, RNG));
  }

  @Test
  void batchRowsStopIndependentlyAndMatchSingleRows() {
    GenerationConfig config = GenerationConfig.of(6, Sampler.greedy()).stoppingAt(6);
    int[][] primes = {{2, 3}, {1}, {6}};
    CountingModel model = new CountingModel();
    int[][] batch = new Generator<>(model, config).generate(primes,
        List.of(new SplittableRandom(1), new SplittableRandom(2), new SplittableRandom(3)));
    for (int r = 0; r < primes.length; r++) {
      assertArrayEquals(new Generator<>(new CountingModel(), config).generate(primes[r], RNG),
          batch[r], "row " + r);
    }
    assertArrayEquals(new int[] {5, 3}, batch[0]);
    assertArrayEquals(new int[] {1, 2, 4, 1, 2, 4}, batch[1]);
    assertArrayEquals(new int[0], batch[2]);
    assertArrayEquals(new int[] {1, 1, 0}, model.calls.get(1), "row 2 stopped at once");
    assertArrayEquals(new int[] {0, 1, 0}, model.calls.get(3), "row 0 stopped after 2 tokens");
    assertEquals(6, model.calls.size(), "the prime, then row 1's first 5 tokens");
  }

  @Test
  void randomBatchRowsDrawOnlyFromTheirOwnGenerator() {
    NextTokenModel<long[]> noisy = new CountingModel();
    GenerationConfig config = GenerationConfig.of(20, Sampler.temperature(20)).stoppingAt(0);
    int[][] primes = {{1}, {2, 5}, {3}, {6, 6, 6, 6}};
    List<RandomGenerator> rngs = new ArrayList<>();
    for (int r = 0; r < primes.length; r++) {
      rngs.add(new SplittableRandom(100 + r));
    }
    int[][] batch = new Generator<>(noisy, config).generate(primes, rngs);
    for (int r = 0; r < primes.length; r++) {
      assertArrayEquals(new Generator<>(new CountingModel(), config)
          .generate(primes[r], new SplittableRandom(100 + r)), batch[r], "row " + r);
    }
  }

  @Test
  void textGenerationPrimesWithTheStartTokenAndDecodes() {
    // ids: 0–3 special, a = 4, b = 5, c = 6
    TextCodec codec = new TextCodec(new CharTokenizer(), Vocabulary.of(List.of("a", "b", "c")));
    Generator<long[]> generator =
        new Generator<>(new CountingModel(), GenerationConfig.of(3, Sampler.greedy()));
    // sums: 3 + 4 = 7 → 0 (<pad>, left out), 7 → 0, 7 → 0
    assertEquals("", generator.generate(codec, 3, "a", RNG));
    // sums: 2 + 5 = 7 → 0, …
    assertEquals("", generator.generate(codec, 2, "b", RNG));
    // sums: 2 + 4 + 4 = 10 → 3 (<eos>, left out), 13 → 6 = c, 19 → 5 = b
    assertEquals("cb", generator.generate(codec, 2, "aa", RNG));
  }

  @Test
  void argumentsAreChecked() {
    Generator<long[]> g = new Generator<>(new CountingModel(), GenerationConfig.of(3,
        Sampler.greedy()));
    assertThrows(IllegalArgumentException.class, () -> g.generate(new int[0], RNG));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> g.generate(new int[][] {{1}, {2}}, List.of(new SplittableRandom(1))));
    assertTrue(e.getMessage().contains("2 primes and 1 generators"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> GenerationConfig.of(0, Sampler.greedy()));
    assertThrows(IllegalArgumentException.class,
        () -> GenerationConfig.of(1, Sampler.greedy()).stoppingAt(-1));
  }
}
