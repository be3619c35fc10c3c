package org.rnn4j.task.tag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.rnn4j.data.Padded;
import org.rnn4j.data.TagBatch;
import org.rnn4j.data.TagExample;
import org.rnn4j.data.TokenIds;
import org.rnn4j.io.ModelFile;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.loss.CrossEntropy;
import org.rnn4j.metrics.EntityScore;
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

/**
 * The tagger on "tag the odd words": word ids 1…V−1 (0 pads), tag B-ODD for an odd id, O for an
 * even one; each word is spelled by its decimal digits (char id = digit).
 */
class TaggerTest {
  private static final int V = 30;
  private static final List<String> TAGS = List.of("O", "B-ODD");
  private static final int[][] SPELLINGS = IntStream.range(0, V)
      .mapToObj(w -> Integer.toString(w).chars().map(c -> c - '0').toArray())
      .toArray(int[][]::new);
  @TempDir Path dir;

  private static TaggerConfig config(CellKind cell, boolean chars) {
    TaggerConfig c = TaggerConfig.of(V, 6, new RecurrentSpec(cell, 8, 2, true, 0f), TAGS);
    return chars ? c.withChars(new CharFeatures(10, 4, 3, SPELLINGS)) : c;
  }

  private static Tagger tagger(CellKind cell, boolean chars, long seed) {
    return new Tagger(config(cell, chars), new SplittableRandom(seed));
  }

  private static List<TagExample> parity(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<TagExample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int[] ids = rng.ints(rng.nextInt(1, 9), 1, V).toArray();
      out.add(new TagExample(new TokenIds(ids), Arrays.stream(ids).map(id -> id % 2).toArray()));
    }
    return out;
  }

  private static BatchSource<TagBatch> batches(List<TagExample> examples, int size) {
    return new BatchSource<>() {
      @Override
      public int size() {
        return (examples.size() + size - 1) / size;
      }

      @Override
      public TagBatch batch(int index) {
        int from = index * size;
        return Collate.tag(examples,
            IntStream.range(from, Math.min(from + size, examples.size())).toArray(), 0);
      }
    };
  }

  private static float[] logits(Tagger model, Padded inputs) {
    model.eval();
    try (NoGrad scope = NoGrad.enter()) {
      return model.forward(inputs).data();
    }
  }

  @Test
  void paddingNeverChangesATagScore() {
    List<TagExample> examples = parity(5, 3);
    TagBatch together = batches(examples, 5).batch(0);
    int t = together.inputs().time();
    for (CellKind cell : CellKind.values()) {
      Tagger model = tagger(cell, true, 4);
      float[] all = logits(model, together.inputs());
      for (int i = 0; i < examples.size(); i++) {
        float[] alone = logits(model, batches(examples.subList(i, i + 1), 1).batch(0).inputs());
        int n = alone.length;
        assertArrayEquals(alone, Arrays.copyOfRange(all, i * t * 2, i * t * 2 + n), 1e-5f,
            cell + " sentence " + i);
      }
    }
  }

  /** The character path (embedding → GRU over distinct words → gather) gets true gradients. */
  @Test
  void characterFeaturesBackwardMatchesFiniteDifferences() {
    Tagger model = new Tagger(TaggerConfig.of(V, 2,
        RecurrentSpec.of(CellKind.GRU, 3).withBidirectional(true), TAGS)
        .withChars(new CharFeatures(10, 2, 2, SPELLINGS)), new SplittableRandom(5));
    Padded inputs = batches(parity(2, 6), 2).batch(0).inputs();
    Tensor charWeight = model.parameters().get("char_embedding.weight");
    GradientCheck.check("tagger char embedding", in -> model.forward(inputs), charWeight);
  }

  /** The training loss fuses the output layer with the cross-entropy; same value, gradients. */
  @Test
  void lossEqualsCrossEntropyOnTheLogits() {
    TagBatch batch = batches(parity(6, 10), 6).batch(0);
    int[] targets = batch.targets().clone();
    targets[1] = Collate.IGNORE_INDEX;
    for (boolean chars : new boolean[] {true, false}) {
      TaggerConfig c = TaggerConfig.of(V, 6, new RecurrentSpec(CellKind.LSTM, 8, 2, true, 0.3f),
          TAGS);
      Tagger model = new Tagger(chars ? c.withChars(new CharFeatures(10, 4, 3, SPELLINGS)) : c,
          new SplittableRandom(11));
      SameLoss.assertSame(model, () -> {
        model.train(new SplittableRandom(4)); // the same dropout masks in both
        return CrossEntropy.loss(model.forward(batch.inputs()), targets,
            batch.inputs().lengths(), new CrossEntropy.Options(Collate.IGNORE_INDEX, 0f));
      }, () -> {
        model.train(new SplittableRandom(4));
        return model.loss(batch.inputs(), targets);
      }, 2e-5);
    }
  }

  @Test
  void learnsToTagTheOddWords() {
    Tagger model = new Tagger(TaggerConfig.of(V, 8,
        RecurrentSpec.of(CellKind.GRU, 12).withBidirectional(true), TAGS)
        .withChars(new CharFeatures(10, 4, 6, SPELLINGS)), new SplittableRandom(1));
    BatchSource<TagBatch> train = batches(parity(240, 21), 16);
    BatchSource<TagBatch> validation = batches(parity(100, 22), 50);
    TrainingResult r = new Trainer<>(TrainerConfig.builder(8, 2).build(),
        new TaggerObjective(model), Adam.of(model.parameters(), 0.02), List.of())
        .fit(train, Optional.of(validation));
    Map<String, Double> m = r.lastValidation();
    assertTrue(m.get("token_accuracy") >= 0.98, "validation " + m);
    assertTrue(m.get("f1") >= 0.97, "validation " + m);
    assertTrue(m.get("precision") >= 0.95 && m.get("recall") >= 0.95, "validation " + m);
  }

  /** Evaluation scores exactly the real tokens, as predict() tags them. */
  @Test
  void evaluationCountsOnlyRealTokens() {
    List<TagExample> examples = parity(7, 9);
    Tagger model = tagger(CellKind.LSTM, false, 2);
    BatchSource<TagBatch> source = batches(examples, 3);
    EntityScore expected = new EntityScore();
    for (int i = 0; i < source.size(); i++) {
      TagBatch batch = source.batch(i);
      int[][] predicted = model.predict(batch.inputs());
      for (int b = 0; b < predicted.length; b++) {
        int[] gold = examples.get(batch.indices()[b]).tags();
        assertEquals(gold.length, predicted[b].length);
        expected.add(names(gold), names(predicted[b]));
      }
    }
    Map<String, Double> m = new TaggerObjective(model).evaluate(source);
    assertEquals(expected.tokenAccuracy(), m.get("token_accuracy"), 1e-12);
    assertEquals(expected.precision(), m.get("precision"), 1e-12);
    assertEquals(expected.recall(), m.get("recall"), 1e-12);
    assertEquals(expected.f1(), m.get("f1"), 1e-12);
    assertTrue(m.get("loss") > 0, "metrics " + m);
  }

  private static List<String> names(int[] tags) {
    return Arrays.stream(tags).mapToObj(TAGS::get).toList();
  }

  @Test
  void savedModelLoadsWithTheSameOutputs() throws Exception {
    for (boolean chars : new boolean[] {true, false}) {
      Tagger model = tagger(CellKind.LSTM, chars, 7);
      Path file = dir.resolve("tagger-" + chars + ".safetensors");
      ModelFile.write(file, model.parameters(), model.config().toJson(), Optional.empty(),
          ModelFile.Provenance.now(7, ""));
      Tagger loaded = Tagger.load(file).model();
      assertEquals(model.config(), loaded.config());
      Padded inputs = batches(parity(4, 8), 4).batch(0).inputs();
      assertArrayEquals(logits(model, inputs), logits(loaded, inputs));
      assertEquals(model.parameters().keySet(), loaded.parameters().keySet());
    }
  }

  @Test
  void parameterNamesFollowPyTorch() {
    assertTrue(tagger(CellKind.GRU, true, 1).parameters().keySet().containsAll(List.of(
        "embedding.weight", "char_embedding.weight", "char_rnn.weight_ih_l0_reverse",
        "rnn.weight_hh_l1_reverse", "fc.weight", "fc.bias")));
    assertEquals(List.of("embedding", "char_embedding", "char_rnn", "rnn", "dropout", "fc"),
        List.copyOf(tagger(CellKind.GRU, true, 1).children().keySet()));
    assertEquals(List.of("embedding", "rnn", "dropout", "fc"),
        List.copyOf(tagger(CellKind.GRU, false, 1).children().keySet()));
  }

  @Test
  void configSurvivesAJsonRoundTrip() throws Exception {
    for (TaggerConfig c : List.of(config(CellKind.GRU, true), config(CellKind.RNN_RELU, false),
        TaggerConfig.of(5, 2, new RecurrentSpec(CellKind.LSTM, 3, 1, false, 0.5f), TAGS))) {
      assertEquals(c, TaggerConfig.fromJson(c.toJson(), Path.of("m.safetensors")));
    }
  }

  @Test
  void badConfigsAreModelFormatErrors() {
    Path file = Path.of("bad.safetensors");
    ObjectNode good = config(CellKind.GRU, true).toJson();
    ObjectNode wrongTask = good.deepCopy().put("task", "classify");
    ObjectNode noTags = good.deepCopy();
    noTags.remove("tags");
    ObjectNode badCell = good.deepCopy().put("cell", "TRANSFORMER");
    ObjectNode badChars = good.deepCopy();
    badChars.putObject("chars").put("vocabulary_size", 0).put("embedding_size", 1)
        .put("hidden_size", 1);
    for (ObjectNode bad : List.of(wrongTask, noTags, badCell, badChars)) {
      ModelFormatException e = assertThrows(ModelFormatException.class,
          () -> TaggerConfig.fromJson(bad, file));
      assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }
  }

  @Test
  void spellingsMustMatchTheConfig() {
    TaggerConfig c = config(CellKind.GRU, false);
    assertThrows(IllegalArgumentException.class,
        () -> c.withChars(new CharFeatures(10, 4, 3, new int[3][])));
    assertThrows(IllegalArgumentException.class,
        () -> c.withChars(new CharFeatures(10, 4, 3, new int[][] {{1}, {2}})));
    int[][] badChar = SPELLINGS.clone();
    badChar[4] = new int[] {10};
    assertThrows(IllegalArgumentException.class, () -> new CharFeatures(10, 4, 3, badChar));
  }

  /** The spellings travel in the config; its JSON holds them after the tags, as files did. */
  @Test
  void spellingsAreWrittenAfterTheTags() {
    ObjectNode json = config(CellKind.GRU, true).toJson();
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("task", "vocabulary_size", "embedding_size", "cell", "hidden_size",
        "layers", "bidirectional", "dropout", "chars", "tags", "spellings"), keys);
    assertEquals("[1,2]", json.get("spellings").get(12).toString());
    ObjectNode noBidirectional = json.deepCopy();
    noBidirectional.remove("bidirectional");
    assertTrue(assertDoesNotThrow(() -> TaggerConfig.fromJson(noBidirectional, Path.of("m")))
        .recurrent().bidirectional(), "a tagger file without bidirectional reads both ways");
  }
}
