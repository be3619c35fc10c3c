package org.rnn4j.task.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rnn4j.decode.GenerationConfig;
import org.rnn4j.decode.Sampler;
import org.rnn4j.decode.Score;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.optim.Adam;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.text.CharTokenizer;
import org.rnn4j.text.TextCodec;

/** Generation and scoring with a language model, through the decode package. */
class LanguageModelDecodingTest {
  private static final String TEXT = "hello world";
  private static TextCodec codec;
  private static LanguageModel memorised;

  /** Trains a small LSTM until it has learnt "&lt;eos&gt; hello world &lt;eos&gt;" by heart. */
  @BeforeAll
  static void memorise() {
    codec = new TextCodec(new CharTokenizer(), vocabulary());
    int eos = codec.vocabulary().eosId();
    int[] ids = codec.encode(TEXT, false);
    int[] inputs = new int[ids.length + 1]; // <eos> h e l l o … d
    int[] targets = new int[ids.length + 1]; // h e l l o … d <eos>
    inputs[0] = eos;
    System.arraycopy(ids, 0, inputs, 1, ids.length);
    System.arraycopy(ids, 0, targets, 0, ids.length);
    targets[ids.length] = eos;
    memorised = model(CellKind.LSTM, 1);
    Optimizer adam = Adam.of(memorised.parameters(), 0.03);
    for (int step = 0; step < 150; step++) {
      adam.zeroGrad();
      Tensor loss = memorised.loss(inputs, targets, new int[] {inputs.length},
          memorised.zeroState(1)).value();
      loss.backward();
      adam.step();
    }
  }

  private static org.rnn4j.text.Vocabulary vocabulary() {
    return TextCodec.fit(new CharTokenizer(), List.of(TEXT + "xyz")).vocabulary();
  }

  private static LanguageModel model(CellKind cell, long seed) {
    return new LanguageModel(new LanguageModelConfig(vocabulary().size(), 8,
        RecurrentSpec.of(cell, 32)),
        new SplittableRandom(seed));
  }

  @Test
  void greedyGenerationReproducesAMemorisedTextAndStopsAtEos() {
    int eos = codec.vocabulary().eosId();
    GenerationConfig config = GenerationConfig.of(40, Sampler.greedy()).stoppingAt(eos);
    RandomGenerator rng = new SplittableRandom(1);
    assertEquals(TEXT, memorised.generate(codec, eos, "", config, rng));
    assertEquals(" world", memorised.generate(codec, eos, "hello", config, rng));
    int[] ids = memorised.generate(new int[] {eos}, config, rng);
    assertArrayEquals(codec.encode(TEXT, false), ids, "stops at <eos> before 40 tokens");
    int[] unstopped = memorised.generate(new int[] {eos},
        GenerationConfig.of(TEXT.length() + 1, Sampler.greedy()), rng);
    assertEquals(eos, unstopped[TEXT.length()], "without a stop id, <eos> is generated");
  }

  @Test
  void aBatchOfSamplesEqualsTheSamplesGeneratedOneByOne() {
    for (CellKind cell : CellKind.values()) {
      LanguageModel m = model(cell, 5);
      GenerationConfig config = GenerationConfig.of(60, Sampler.temperature(1.5).withTopP(0.97))
          .stoppingAt(codec.vocabulary().eosId());
      int[][] primes = {{2}, {3, 5, 7, 9}, {4, 4}, {11, 6, 8}};
      List<RandomGenerator> rngs = new ArrayList<>();
      for (int r = 0; r < primes.length; r++) {
        rngs.add(new SplittableRandom(1000 + r));
      }
      int[][] batch = m.generate(primes, config, rngs);
      for (int r = 0; r < primes.length; r++) {
        int[] alone = m.generate(primes[r], config, new SplittableRandom(1000 + r));
        assertArrayEquals(alone, batch[r], cell + " row " + r);
      }
      assertTrue(Arrays.stream(batch).mapToInt(row -> row.length).distinct().count() > 1,
          cell + ": rows stop at different lengths " + Arrays.deepToString(batch));
    }
  }

  @Test
  void batchedScoresEqualIndividualScores() {
    LanguageModel m = model(CellKind.GRU, 3);
    SplittableRandom rng = new SplittableRandom(8);
    List<int[]> sequences = new ArrayList<>();
    for (int length : new int[] {5, 1, 12, 2, 7}) {
      sequences.add(rng.ints(length, 0, codec.vocabulary().size()).toArray());
    }
    List<Score> batched = m.score(sequences, 3);
    double sum = 0;
    for (int i = 0; i < sequences.size(); i++) {
      Score alone = m.score(List.of(sequences.get(i)), 1).get(0);
      assertEquals(alone.tokens(), batched.get(i).tokens());
      assertEquals(sequences.get(i).length - 1, alone.tokens());
      assertEquals(alone.logLikelihood(), batched.get(i).logLikelihood(), 1e-4, "sequence " + i);
      sum += alone.logLikelihood();
    }
    Score total = Score.total(batched);
    assertEquals(sum, total.logLikelihood(), 1e-4);
    assertEquals(Score.total(m.score(sequences, 5)).logLikelihood(), total.logLikelihood(), 1e-4);
    assertEquals(Math.exp(-total.logLikelihood() / total.tokens()), total.perplexity(), 1e-9);
    assertTrue(Double.isNaN(batched.get(1).perplexity()), "one id predicts nothing");
  }

  @Test
  void aScoreIsTheTrainingLossTimesTheTokenCount() {
    LanguageModel m = model(CellKind.LSTM, 4);
    int[] ids = {3, 7, 5, 9, 9, 4, 3};
    int n = ids.length - 1;
    float loss;
    try (NoGrad scope = NoGrad.enter()) {
      loss = m.loss(Arrays.copyOf(ids, n), Arrays.copyOfRange(ids, 1, ids.length),
          new int[] {n}, m.zeroState(1)).value().item();
    }
    Score score = m.score(List.of(ids), 1).get(0);
    assertEquals(-loss * n, score.logLikelihood(), 1e-4);
    assertEquals(Math.exp(loss), score.perplexity(), 1e-4);
  }

  @Test
  void textScoresCountEosAndFavourTheMemorisedText() {
    int eos = codec.vocabulary().eosId();
    List<Score> scores = memorised.score(codec, eos, List.of(TEXT, "world hello"), true);
    assertEquals(TEXT.length() + 1, scores.get(0).tokens(), "each character and <eos>");
    assertEquals(TEXT.length(),
        memorised.score(codec, eos, List.of(TEXT), false).get(0).tokens());
    assertTrue(scores.get(0).perplexity() < 1.5, "memorised: " + scores.get(0));
    assertTrue(scores.get(1).perplexity() > 3, "scrambled: " + scores.get(1));
    int[] ids = new int[TEXT.length() + 2];
    ids[0] = eos;
    System.arraycopy(codec.encode(TEXT, false), 0, ids, 1, TEXT.length());
    ids[ids.length - 1] = eos;
    Score fromIds = memorised.score(List.of(ids), 1).get(0);
    assertEquals(fromIds.tokens(), scores.get(0).tokens());
    assertEquals(fromIds.logLikelihood(), scores.get(0).logLikelihood(), 1e-4);
    assertFalse(scores.get(0).logLikelihood() > 0);
  }
}
