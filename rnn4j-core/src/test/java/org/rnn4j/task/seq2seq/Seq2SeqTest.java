package org.rnn4j.task.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.Collate;
import org.rnn4j.data.Seq2SeqBatch;
import org.rnn4j.data.Seq2SeqExample;
import org.rnn4j.data.Seq2SeqIds;
import org.rnn4j.data.TokenIds;
import org.rnn4j.io.ModelFile;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.optim.Adam;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testing.GradientCheck;
import org.rnn4j.testing.SameLoss;
import org.rnn4j.train.BatchSource;
import org.rnn4j.train.Trainer;
import org.rnn4j.train.TrainerConfig;
import org.rnn4j.train.TrainingResult;

class Seq2SeqTest {
  /** Source: 0 = pad, tokens 1…6. Target: 0 = pad, 1 = bos, 2 = eos, tokens 3…8. */
  private static final int SOURCE_V = 7;
  private static final int TARGET_V = 9;
  private static final int BOS = 1;
  private static final int EOS = 2;
  private static final Seq2SeqIds IDS = new Seq2SeqIds(0, 0, BOS, EOS);

  @TempDir Path dir;

  /** Random sources of 3…6 tokens; the target is the source reversed (token k → k + 2). */
  private static List<Seq2SeqExample> reversal(int n, int minLength, int maxLength, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Seq2SeqExample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int[] x = rng.ints(rng.nextInt(minLength, maxLength + 1), 1, SOURCE_V).toArray();
      int[] y = new int[x.length];
      for (int j = 0; j < x.length; j++) {
        y[j] = x[x.length - 1 - j] + 2;
      }
      out.add(new Seq2SeqExample(new TokenIds(x), y));
    }
    return out;
  }

  private static BatchSource<Seq2SeqBatch> batches(List<Seq2SeqExample> examples, int size) {
    return new BatchSource<>() {
      @Override
      public int size() {
        return (examples.size() + size - 1) / size;
      }

      @Override
      public Seq2SeqBatch batch(int index) {
        int from = index * size;
        int[] indices = IntStream.range(from, Math.min(from + size, examples.size())).toArray();
        return Collate.seq2seq(examples, indices, IDS);
      }
    };
  }

  private static Seq2SeqBatch batch(List<Seq2SeqExample> examples) {
    return batches(examples, examples.size()).batch(0);
  }

  private static Seq2Seq model(CellKind cell, boolean bidirectional, int layers,
      AttentionKind attention, int size, long seed) {
    return new Seq2Seq(new Seq2SeqConfig(new RecurrentSpec(cell, size, layers, bidirectional, 0f),
        SOURCE_V, TARGET_V, size, size, attention), new SplittableRandom(seed));
  }

  private static float[] logits(Seq2Seq model, Seq2SeqBatch batch) {
    try (NoGrad scope = NoGrad.enter()) {
      return model.forward(batch.source(), batch.decoderInputs()).data();
    }
  }

  /** Ragged sources (4, 2, 3) and targets (1, 3, 2 tokens). */
  private static List<Seq2SeqExample> ragged() {
    return List.of(
        new Seq2SeqExample(new TokenIds(new int[] {1, 2, 3, 4}), new int[] {5}),
        new Seq2SeqExample(new TokenIds(new int[] {5, 6}), new int[] {3, 8, 4}),
        new Seq2SeqExample(new TokenIds(new int[] {2, 2, 6}), new int[] {7, 6}));
  }

  @Test
  void backwardMatchesFiniteDifferencesWithRaggedLengths() {
    Seq2SeqBatch b = batch(ragged());
    List<Seq2Seq> models = List.of(
        model(CellKind.LSTM, true, 1, AttentionKind.ADDITIVE, 3, 1),
        model(CellKind.GRU, false, 2, AttentionKind.MULTIPLICATIVE, 3, 2));
    for (Seq2Seq m : models) {
      Tensor[] params = m.parameters().values().toArray(Tensor[]::new);
      GradientCheck.check("seq2seq logits " + m.config(),
          in -> m.forward(b.source(), b.decoderInputs()), params);
      GradientCheck.check("seq2seq loss " + m.config(), in -> m.loss(b), params);
    }
  }

  /** The training loss fuses the output layer with the cross-entropy; same value, gradients. */
  @Test
  void lossEqualsCrossEntropyOnTheLogits() {
    Seq2SeqBatch b = batch(ragged());
    Seq2Seq m = new Seq2Seq(Seq2SeqConfig.of(new RecurrentSpec(CellKind.LSTM, 5, 2, true, 0.3f),
        SOURCE_V, TARGET_V), new SplittableRandom(6));
    SameLoss.assertSame(m, () -> {
      m.train(new SplittableRandom(3)); // the same dropout masks in both
      return Seq2Seq.loss(m.forward(b.source(), b.decoderInputs()), b);
    }, () -> {
      m.train(new SplittableRandom(3));
      return m.loss(b);
    }, 2e-5);
  }

  @Test
  void backwardMatchesFiniteDifferencesWithDropout() {
    Seq2SeqBatch b = batch(ragged());
    Seq2Seq m = new Seq2Seq(Seq2SeqConfig.of(new RecurrentSpec(CellKind.LSTM, 3, 2, true, 0.3f),
        SOURCE_V, TARGET_V).withEmbeddingSizes(3, 3), new SplittableRandom(4));
    Tensor[] params = m.parameters().values().toArray(Tensor[]::new);
    GradientCheck.check("seq2seq loss with dropout", in -> {
      m.train(new SplittableRandom(9)); // the same masks at every evaluation
      return m.loss(b);
    }, params);
  }

  @Test
  void dropoutActsOnlyInTrainingMode() {
    Seq2SeqBatch b = batch(ragged());
    Seq2Seq m = new Seq2Seq(Seq2SeqConfig.of(new RecurrentSpec(CellKind.GRU, 4, 1, true, 0.5f),
        SOURCE_V, TARGET_V), new SplittableRandom(5));
    float[] evaluated = logits(m, b);
    m.train(new SplittableRandom(1));
    float[] trained = logits(m, b);
    assertFalse(Arrays.equals(evaluated, trained), "dropout changes training-mode logits");
    m.eval();
    assertArrayEquals(evaluated, logits(m, b));
    m.train(new SplittableRandom(1));
    m.greedy(b.source(), 3, BOS, EOS);
    assertFalse(Arrays.equals(evaluated, logits(m, b)), "decoding leaves the mode alone");
    m.eval();
    m.greedy(b.source(), 3, BOS, EOS);
    assertArrayEquals(evaluated, logits(m, b), "decoding leaves evaluation mode alone");
    Seq2Seq none = model(CellKind.GRU, true, 1, AttentionKind.ADDITIVE, 4, 5);
    float[] before = logits(none, b);
    none.train(new SplittableRandom(1));
    assertArrayEquals(before, logits(none, b), "no dropout: training mode changes nothing");
  }

  /** A padded batch gives each example the logits and the decoding it gets alone. */
  @Test
  void paddingNeverChangesAResult() {
    List<Seq2SeqExample> examples = ragged();
    for (CellKind cell : CellKind.values()) {
      Seq2Seq m = model(cell, true, 2, AttentionKind.ADDITIVE, 4, 3);
      Seq2SeqBatch together = batch(examples);
      float[] all = logits(m, together);
      int t = together.decoderInputs().time();
      int[][] decoded = m.greedy(together.source(), 5, BOS, EOS);
      for (int i = 0; i < examples.size(); i++) {
        Seq2SeqBatch one = batch(examples.subList(i, i + 1));
        float[] alone = logits(m, one);
        int from = i * t * TARGET_V;
        assertArrayEquals(alone, Arrays.copyOfRange(all, from, from + alone.length), 1e-5f,
            cell + " example " + i);
        assertEquals(m.loss(one).item(), lossOfRow(m, together, i), 1e-5, cell + " loss " + i);
        assertArrayEquals(m.greedy(one.source(), 5, BOS, EOS)[0], decoded[i], cell + " " + i);
      }
    }
  }

  /** The batch's loss with every target but row {@code row}'s ignored. */
  private static float lossOfRow(Seq2Seq m, Seq2SeqBatch b, int row) {
    int[] targets = b.decoderTargets().clone();
    int t = b.decoderInputs().time();
    for (int r = 0; r < targets.length; r++) {
      if (r / t != row) {
        targets[r] = Collate.IGNORE_INDEX;
      }
    }
    try (NoGrad scope = NoGrad.enter()) {
      return m.loss(new Seq2SeqBatch(b.source(), b.decoderInputs(), targets, b.indices())).item();
    }
  }

  @Test
  void learnsToReverseASequence() {
    Seq2Seq m = model(CellKind.GRU, true, 1, AttentionKind.ADDITIVE, 24, 1);
    BatchSource<Seq2SeqBatch> train = batches(reversal(960, 3, 6, 21), 32);
    BatchSource<Seq2SeqBatch> validation = batches(reversal(200, 3, 6, 22), 50);
    TrainingResult r = new Trainer<>(TrainerConfig.builder(6, 2).build(),
        new Seq2SeqObjective(m, BOS, EOS), Adam.of(m.parameters(), 0.01), List.of())
        .fit(train, Optional.of(validation));
    Map<String, Double> metrics = r.lastValidation();
    // observed after 6 epochs: exact_match 0.95, token_accuracy 0.99, loss 0.03
    assertTrue(metrics.get("exact_match") >= 0.85, "validation " + metrics);
    assertTrue(metrics.get("token_accuracy") >= 0.95, "validation " + metrics);
    assertTrue(metrics.get("loss") < 0.2, "validation " + metrics);
  }

  @Test
  void greedyStopsAtEosAndReturnsOneAttentionRowPerToken() {
    Seq2Seq m = model(CellKind.LSTM, false, 1, AttentionKind.ADDITIVE, 4, 5);
    Seq2SeqBatch b = batch(ragged());
    float[] bias = m.parameters().get("out.bias").data();
    bias[EOS] = 100f; // <eos> wins the first step
    Seq2Seq.Decoded none = m.decode(b.source(), 7, BOS, EOS);
    for (int i = 0; i < 3; i++) {
      assertEquals(0, none.ids()[i].length);
      assertEquals(0, none.attention()[i].length);
    }
    bias[EOS] = 0f;
    bias[5] = 100f; // token 5 wins every step: rows run to maxLength
    Seq2Seq.Decoded full = m.decode(b.source(), 7, BOS, EOS);
    int[] lengths = b.source().lengths();
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(new int[] {5, 5, 5, 5, 5, 5, 5}, full.ids()[i]);
      for (float[] alpha : full.attention()[i]) {
        assertEquals(lengths[i], alpha.length);
        double sum = 0;
        for (float a : alpha) {
          sum += a;
        }
        assertEquals(1.0, sum, 1e-5);
      }
    }
  }

  @Test
  void savedModelLoadsWithTheSameOutputs() throws Exception {
    Seq2Seq m = model(CellKind.LSTM, true, 2, AttentionKind.MULTIPLICATIVE, 4, 12);
    Path file = dir.resolve("seq2seq.safetensors");
    ModelFile.write(file, m.parameters(), m.config().toJson(), Optional.of("{\"tokens\":[]}"),
        ModelFile.Provenance.now(12, ""));
    ModelFile.Loaded<Seq2Seq> loaded = Seq2Seq.load(file);
    assertEquals(m.config(), loaded.model().config());
    assertEquals(Optional.of("{\"tokens\":[]}"), loaded.vocabulary());
    assertEquals(m.parameters().keySet(), loaded.model().parameters().keySet());
    Seq2SeqBatch b = batch(reversal(5, 1, 6, 13));
    assertArrayEquals(logits(m, b), logits(loaded.model(), b));
    Seq2Seq.Decoded before = m.decode(b.source(), 8, BOS, EOS);
    Seq2Seq.Decoded after = loaded.model().decode(b.source(), 8, BOS, EOS);
    assertArrayEquals(before.ids(), after.ids());
    assertArrayEquals(before.attention(), after.attention());
  }

  @Test
  void configSurvivesAJsonRoundTrip() throws Exception {
    Seq2SeqConfig small = Seq2SeqConfig.of(RecurrentSpec.of(CellKind.RNN_TANH, 7), 30, 40);
    Seq2SeqConfig big = new Seq2SeqConfig(new RecurrentSpec(CellKind.LSTM, 9, 3, true, 0.25f),
        30, 40, 5, 6, AttentionKind.MULTIPLICATIVE);
    for (Seq2SeqConfig c : List.of(small, big)) {
      assertEquals(c, Seq2SeqConfig.fromJson(c.toJson(), Path.of("m.safetensors")));
    }
    ObjectNode older = (ObjectNode) big.toJson();
    older.remove("dropout");
    assertEquals(0f, Seq2SeqConfig.fromJson(older, Path.of("m.safetensors")).encoder().dropout(),
        "files written before dropout existed read as no dropout");
    List<String> keys = new ArrayList<>();
    big.toJson().fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("task", "cell", "source_vocabulary_size", "target_vocabulary_size",
        "source_embedding_size", "target_embedding_size", "hidden_size", "encoder_layers",
        "bidirectional", "attention", "dropout"), keys, "the order model files have always had");
  }

  @Test
  void badConfigsAreModelFormatErrorsNamingTheProblem() {
    Path file = Path.of("bad.safetensors");
    ObjectNode good = (ObjectNode) Seq2SeqConfig.of(RecurrentSpec.of(CellKind.GRU, 4), 10, 12)
        .toJson();
    ObjectNode noHidden = good.deepCopy();
    noHidden.remove("hidden_size");
    List<ObjectNode> bad = List.of(good.deepCopy().put("task", "lm"), noHidden,
        good.deepCopy().put("attention", "DOT_PRODUCT"), good.deepCopy().put("cell", "TRANSFORMER"),
        good.deepCopy().put("bidirectional", "yes"), good.deepCopy().put("encoder_layers", 0),
        good.deepCopy().put("target_vocabulary_size", "many"), good.deepCopy().put("dropout", 1.0));
    for (ObjectNode json : bad) {
      ModelFormatException e = assertThrows(ModelFormatException.class,
          () -> Seq2SeqConfig.fromJson(json, file));
      assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }
  }

  @Test
  void rejectsBadDecodingArguments() {
    Seq2Seq m = model(CellKind.GRU, false, 1, AttentionKind.ADDITIVE, 3, 1);
    Seq2SeqBatch b = batch(ragged());
    assertThrows(IllegalArgumentException.class, () -> m.greedy(b.source(), 0, BOS, EOS));
    assertThrows(IllegalArgumentException.class, () -> m.greedy(b.source(), 3, BOS, TARGET_V));
  }
}
