package org.rnn4j.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.PaddedIds;
import org.rnn4j.loss.CrossEntropy;
import org.rnn4j.nn.CompositeModule;
import org.rnn4j.nn.Embedding;
import org.rnn4j.nn.Linear;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.classify.ClassifierConfig;
import org.rnn4j.task.classify.ClassifierInput;
import org.rnn4j.task.classify.Pooling;
import org.rnn4j.task.lm.LanguageModel;
import org.rnn4j.task.lm.LanguageModelConfig;
import org.rnn4j.task.seq2seq.Seq2Seq;
import org.rnn4j.task.seq2seq.Seq2SeqConfig;
import org.rnn4j.task.tag.CharFeatures;
import org.rnn4j.task.tag.Tagger;
import org.rnn4j.task.tag.TaggerConfig;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

/**
 * The task models read token ids through their embedding into the first recurrent layer wherever
 * nothing comes between the two in the current mode, and their results and gradients are those
 * of the lookup followed by the dense layer. Here, beside the layer, because whether the tables
 * were used is a count only this package can read.
 */
class EmbeddedInputModelsTest {
  /** As in {@link EmbeddedInputTest}: float rounding, summed in another order. */
  private static final double TOLERANCE = 1e-5;

  private static final int[] LENGTHS = {5, 2, 4}; // (B)
  private static final int STEPS = 5; // T; B·T = 15

  private static Recurrent rnn(CompositeModule model, String name) {
    return (Recurrent) model.children().get(name);
  }

  private static int[] ids(int vocabulary, long seed) {
    return new SplittableRandom(seed).ints(LENGTHS.length * STEPS, 0, vocabulary).toArray();
  }

  private static void assertClose(float[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      double allowed = TOLERANCE * Math.max(1, Math.abs(expected[i]));
      assertTrue(Math.abs(expected[i] - actual[i]) <= allowed,
          what + " element " + i + ": expected " + expected[i] + ", got " + actual[i]);
    }
  }

  private static void assertSameGradients(CompositeModule expected, CompositeModule actual) {
    Map<String, Tensor> e = expected.parameters();
    actual.parameters().forEach((name, p) -> assertClose(e.get(name).grad().data(),
        p.grad().data(), "gradient of " + name));
  }

  /**
   * Training loss and every gradient of a language model, dropout between its layers on, against
   * the loss computed the old way from its own layers: lookup, dense layer, output layer.
   */
  @Test
  void aLanguageModelTrainsAsWithTheLookup() {
    int v = 7; // V < B·T = 15
    LanguageModelConfig config =
        new LanguageModelConfig(v, 5, RecurrentSpec.of(CellKind.LSTM, 6).withLayers(2)
            .withDropout(0.3f));
    LanguageModel fused = new LanguageModel(config, new SplittableRandom(1));
    LanguageModel reference = new LanguageModel(config, new SplittableRandom(1));
    int[] ids = ids(v, 2);
    int[] targets = ids(v, 3);
    fused.train(new SplittableRandom(4));
    reference.train(new SplittableRandom(4)); // the same dropout masks
    Tensor loss = fused.loss(ids, targets, LENGTHS, fused.zeroState(3)).value();
    loss.backward();

    Embedding embedding = (Embedding) reference.children().get("embedding");
    Recurrent layer = rnn(reference, "rnn");
    Linear fc = (Linear) reference.children().get("fc");
    Tensor x = embedding.forward(ids, 3, STEPS); // (B, T, E)
    Tensor logits = fc.forward(layer.forward(x, LENGTHS, layer.zeroState(3)).output());
    Tensor expected = CrossEntropy.loss(logits, targets, LENGTHS, CrossEntropy.Options.DEFAULT);
    expected.backward();

    assertEquals(1, rnn(fused, "rnn").tableCalls(), "V = 7 < B·T = 15");
    assertEquals(0, layer.tableCalls());
    assertClose(expected.data(), loss.data(), "loss");
    assertSameGradients(reference, fused);
  }

  /** Decoding one token at a time from a frozen language model gathers from the kept table. */
  @Test
  void aFrozenLanguageModelDecodesFromItsKeptTable() {
    int v = 40; // V ≥ B·T of every call below
    LanguageModelConfig config = new LanguageModelConfig(v, 5, RecurrentSpec.of(CellKind.GRU, 6));
    LanguageModel model = new LanguageModel(config, new SplittableRandom(5));
    int[] prime = {3, 17, 17, 8};
    float[][] before = new float[prime.length][];
    float[][] after = new float[prime.length][];
    try (NoGrad scope = NoGrad.enter()) {
      decode(model, prime, before);
      assertEquals(0, rnn(model, "rnn").tableCalls(), "unfrozen: V ≥ B·T, the lookup");
      model.freeze();
      decode(model, prime, after);
    }
    assertEquals(prime.length, rnn(model, "rnn").tableCalls(), "frozen: every step");
    assertNotNull(rnn(model, "rnn").keptTable(0));
    for (int i = 0; i < prime.length; i++) {
      assertClose(before[i], after[i], "logits at step " + i);
    }
  }

  private static void decode(LanguageModel model, int[] prime, float[][] logits) {
    RecurrentState state = model.zeroState(1);
    for (int i = 0; i < prime.length; i++) {
      LanguageModel.Output out = model.forward(new int[] {prime[i]}, new int[] {1}, state);
      logits[i] = out.logits().data();
      state = out.state();
    }
  }

  /** A token classifier has no dropout before its layer: tables in either mode. */
  @Test
  void aTokenClassifierReadsIdsThroughItsEmbeddingInEitherMode() {
    int v = 6;
    ClassifierConfig config = new ClassifierConfig(ClassifierInput.tokens(v, 4),
        new RecurrentSpec(CellKind.GRU, 5, 1, false, 0.5f), Pooling.LAST, List.of("a", "b"));
    Classifier model = new Classifier(config, new SplittableRandom(6));
    int[] ids = ids(v, 7);
    PaddedIds batch = new PaddedIds(ids, 3, STEPS, LENGTHS, 0);
    float[] logits;
    try (NoGrad scope = NoGrad.enter()) {
      logits = model.forward(batch).data();
    }
    Embedding embedding = (Embedding) model.children().get("embedding");
    Recurrent layer = rnn(model, "rnn");
    Linear fc = (Linear) model.children().get("fc");
    Tensor h = layer.forward(embedding.forward(ids, 3, STEPS), LENGTHS).state().h(); // (1, B, H)
    assertClose(fc.forward(h.reshape(3, 5)).data(), logits, "logits");
    model.train(new SplittableRandom(8));
    model.forward(batch);
    assertEquals(2, layer.tableCalls(), "evaluation, then training: no dropout in between");
  }

  /** A tagger reads its word ids through the embedding, unless it adds character features. */
  @Test
  void aTaggerUsesTheTablesOnlyWithoutCharacterFeatures() {
    int v = 6;
    TaggerConfig plain = TaggerConfig.of(v, 4, new RecurrentSpec(CellKind.LSTM, 5, 1, true, 0f),
        List.of("O", "B-X", "I-X"));
    int[][] spellings = {{0}, {1}, {1, 2}, {2, 0}, {0, 0, 1}, {2}};
    TaggerConfig withChars = plain.withChars(new CharFeatures(3, 2, 2, spellings));
    PaddedIds batch = new PaddedIds(ids(v, 9), 3, STEPS, LENGTHS, 0);
    for (TaggerConfig config : List.of(plain, withChars)) {
      Tagger model = new Tagger(config, new SplittableRandom(10));
      model.train(new SplittableRandom(11));
      model.forward(batch);
      assertEquals(config.chars().isPresent() ? 0 : 1, rnn(model, "rnn").tableCalls(),
          config.chars().isPresent() ? "[E[w]; chars]: the dense layer" : "E[w]: the tables");
    }
  }

  /**
   * A seq2seq encoder reads the source ids through the embedding when dropout does not apply
   * (evaluation, or p = 0) and looks them up for dropout when it does. The decoder reads
   * [E_y[y]; ctx], never through tables.
   */
  @Test
  void aSeq2SeqEncoderUsesTheTablesWhenNoDropoutComesBetween() {
    int v = 6;
    PaddedIds source = new PaddedIds(ids(v, 12), 3, STEPS, LENGTHS, 0);
    PaddedIds decoderInputs = new PaddedIds(new int[] {1, 4, 1, 5, 1, 3}, 3, 2,
        new int[] {2, 2, 2}, 0);
    for (float dropout : new float[] {0f, 0.4f}) {
      Seq2SeqConfig config = Seq2SeqConfig.of(
          new RecurrentSpec(CellKind.GRU, 4, 1, true, dropout), v, 9).withEmbeddingSizes(3, 3);
      Seq2Seq model = new Seq2Seq(config, new SplittableRandom(13));
      Recurrent encoder = rnn(model, "encoder");
      try (NoGrad scope = NoGrad.enter()) {
        model.forward(source, decoderInputs);
        model.train(new SplittableRandom(14));
        model.forward(source, decoderInputs);
      }
      assertEquals(dropout == 0f ? 2 : 1, encoder.tableCalls(), "p = " + dropout);
      assertEquals(0, rnn(model, "decoder").tableCalls());
    }
  }
}
