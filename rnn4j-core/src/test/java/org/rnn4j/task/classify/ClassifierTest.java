package org.rnn4j.task.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnn4j.data.ClassifyBatch;
import org.rnn4j.data.ClassifyExample;
import org.rnn4j.data.Collate;
import org.rnn4j.data.Features;
import org.rnn4j.data.Padded;
import org.rnn4j.data.PaddedFeatures;
import org.rnn4j.data.TokenIds;
import org.rnn4j.io.ModelFile;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.optim.Adam;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testing.GradientCheck;
import org.rnn4j.train.BatchSource;
import org.rnn4j.train.Trainer;
import org.rnn4j.train.TrainerConfig;
import org.rnn4j.train.TrainingResult;

class ClassifierTest {
  private static final List<String> LABELS = List.of("absent", "present");
  @TempDir Path dir;

  private static ClassifierConfig config(ClassifierInput input, CellKind cell, Pooling pooling) {
    return new ClassifierConfig(input, new RecurrentSpec(cell, 6, 2, true, 0f), pooling, LABELS);
  }

  private static float[] logits(Classifier model, Padded inputs) {
    model.eval();
    try (NoGrad scope = NoGrad.enter()) {
      return model.forward(inputs).data();
    }
  }

  /** Random sequences of ids in [1, V) with lengths 1…maxLength, label: does 3 occur? */
  private static List<ClassifyExample> containsThree(int n, int maxLength, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<ClassifyExample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int[] ids = rng.ints(rng.nextInt(1, maxLength + 1), 1, 10).toArray();
      out.add(new ClassifyExample(new TokenIds(ids),
          Arrays.stream(ids).anyMatch(id -> id == 3) ? 1 : 0));
    }
    return out;
  }

  private static BatchSource<ClassifyBatch> batches(List<ClassifyExample> examples, int size) {
    return new BatchSource<>() {
      @Override
      public int size() {
        return (examples.size() + size - 1) / size;
      }

      @Override
      public ClassifyBatch batch(int index) {
        int from = index * size;
        int[] indices = java.util.stream.IntStream
            .range(from, Math.min(from + size, examples.size())).toArray();
        return Collate.classify(examples, indices, 0);
      }
    };
  }

  /** A padded batch gives each sequence the logits it gets alone, for every pooling and cell. */
  @ParameterizedTest
  @EnumSource(Pooling.class)
  void paddingNeverChangesAResult(Pooling pooling) {
    for (CellKind cell : CellKind.values()) {
      Classifier model = new Classifier(config(ClassifierInput.tokens(10, 4), cell, pooling),
          new SplittableRandom(3));
      List<ClassifyExample> examples = containsThree(4, 7, 11);
      float[] together = logits(model, batches(examples, 4).batch(0).inputs());
      for (int i = 0; i < examples.size(); i++) {
        float[] alone = logits(model, batches(examples.subList(i, i + 1), 1).batch(0).inputs());
        assertArrayEquals(alone, Arrays.copyOfRange(together, 2 * i, 2 * i + 2), 1e-5f,
            cell + " " + pooling + " sequence " + i);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Pooling.class)
  void featureInputIsPaddingInvariantToo(Pooling pooling) {
    SplittableRandom rng = new SplittableRandom(5);
    List<ClassifyExample> examples = new ArrayList<>();
    for (int length : new int[] {5, 2, 7}) {
      float[] x = new float[length * 3];
      for (int k = 0; k < x.length; k++) {
        x[k] = (float) rng.nextGaussian();
      }
      examples.add(new ClassifyExample(new Features(x, 3), 0));
    }
    Classifier model = new Classifier(config(ClassifierInput.features(3), CellKind.GRU, pooling),
        new SplittableRandom(4));
    float[] together = logits(model, batches(examples, 3).batch(0).inputs());
    for (int i = 0; i < examples.size(); i++) {
      float[] alone = logits(model, batches(examples.subList(i, i + 1), 1).batch(0).inputs());
      assertArrayEquals(alone, Arrays.copyOfRange(together, 2 * i, 2 * i + 2), 1e-5f);
    }
  }

  /** The LAST pooling of a bidirectional layer: gradient through both directions' h_n. */
  @Test
  void lastPoolingBackwardMatchesFiniteDifferences() {
    Classifier model = new Classifier(ClassifierConfig.of(ClassifierInput.features(2),
        RecurrentSpec.of(CellKind.LSTM, 3).withBidirectional(true), LABELS),
        new SplittableRandom(8));
    Tensor x = Tensor.normal(new SplittableRandom(9), 0f, 1f, 2, 4, 2).requiresGrad(true);
    int[] lengths = {4, 2};
    GradientCheck.check("classifier LAST", in -> model.pool(
        new PaddedFeatures(in[0], lengths)), x);
  }

  @Test
  void learnsWhetherASequenceContainsTokenThree() {
    Classifier model = new Classifier(ClassifierConfig.of(ClassifierInput.tokens(10, 8),
        RecurrentSpec.of(CellKind.GRU, 16), LABELS).withPooling(Pooling.MAX),
        new SplittableRandom(1));
    BatchSource<ClassifyBatch> train = batches(containsThree(320, 10, 21), 16);
    BatchSource<ClassifyBatch> validation = batches(containsThree(200, 10, 22), 50);
    TrainingResult r = new Trainer<>(TrainerConfig.builder(10, 2).build(),
        new ClassifierObjective(model), Adam.of(model.parameters(), 0.02), List.of())
        .fit(train, Optional.of(validation));
    Map<String, Double> m = r.lastValidation();
    assertTrue(m.get("accuracy") >= 0.95, "validation " + m);
    assertTrue(m.get("macro_f1") >= 0.95, "validation " + m);
    assertTrue(m.get("loss") < 0.2, "validation " + m);
  }

  @Test
  void savedModelLoadsWithTheSameOutputsAndLabels() throws Exception {
    Classifier model = new Classifier(config(ClassifierInput.tokens(10, 4), CellKind.LSTM,
        Pooling.MEAN), new SplittableRandom(12));
    Path file = dir.resolve("classifier.safetensors");
    ModelFile.write(file, model.parameters(), model.config().toJson(),
        Optional.of("{\"tokens\":[]}"), ModelFile.Provenance.now(12, ""));
    ModelFile.Loaded<Classifier> loaded = Classifier.load(file);
    assertEquals(model.config(), loaded.model().config());
    assertEquals(LABELS, loaded.model().config().labels());
    assertEquals(Optional.of("{\"tokens\":[]}"), loaded.vocabulary());
    Padded inputs = batches(containsThree(5, 6, 13), 5).batch(0).inputs();
    assertArrayEquals(logits(model, inputs), logits(loaded.model(), inputs));
  }

  @Test
  void configSurvivesAJsonRoundTrip() throws Exception {
    ClassifierConfig tokens = new ClassifierConfig(ClassifierInput.tokens(30, 5),
        new RecurrentSpec(CellKind.RNN_TANH, 7, 3, false, 0.25f), Pooling.MAX,
        List.of("x", "y", "z"));
    ClassifierConfig features = config(ClassifierInput.features(4), CellKind.GRU, Pooling.LAST);
    for (ClassifierConfig c : List.of(tokens, features)) {
      assertEquals(c, ClassifierConfig.fromJson(c.toJson(), Path.of("m.safetensors")));
    }
  }

  @Test
  void badConfigsAreModelFormatErrorsNamingTheProblem() {
    Path file = Path.of("bad.safetensors");
    ObjectNode good = (ObjectNode) config(ClassifierInput.tokens(10, 4), CellKind.GRU,
        Pooling.LAST).toJson();
    ObjectNode wrongTask = good.deepCopy().put("task", "lm");
    ObjectNode noLabels = good.deepCopy();
    noLabels.remove("labels");
    ObjectNode oneLabel = good.deepCopy();
    oneLabel.putArray("labels").add("only");
    ObjectNode badPooling = good.deepCopy().put("pooling", "MEDIAN");
    ObjectNode badSize = good.deepCopy().put("hidden_size", "big");
    ObjectNode badInput = good.deepCopy().put("input", "pixels");
    for (ObjectNode bad : List.of(wrongTask, noLabels, oneLabel, badPooling, badSize, badInput)) {
      ModelFormatException e = assertThrows(ModelFormatException.class,
          () -> ClassifierConfig.fromJson(bad, file));
      assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }
  }

  @Test
  void rejectsTheWrongInputKind() {
    Classifier model = new Classifier(config(ClassifierInput.features(3), CellKind.GRU,
        Pooling.LAST), new SplittableRandom(1));
    Padded ids = batches(containsThree(2, 3, 1), 2).batch(0).inputs();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model.forward(ids));
    assertTrue(e.getMessage().contains("PaddedFeatures"), e.getMessage());
  }
}
