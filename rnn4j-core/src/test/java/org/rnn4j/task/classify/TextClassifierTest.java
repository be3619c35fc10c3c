package org.rnn4j.task.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.format.LabelledText;
import org.rnn4j.io.ModelFile;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.testing.ConcurrentCalls;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.WordTokenizer;

class TextClassifierTest {
  private static final List<String> WORDS = List.of("good", "bad", "film", "plot", "dull",
      "great", "acting", "the", "was", "very");

  @TempDir Path dir;

  /** A classifier with random weights, written as a model file the way training writes one. */
  private Path model() throws Exception {
    TextCodec codec = TextCodec.fit(WordTokenizer.standard(), WORDS);
    ClassifierConfig config = new ClassifierConfig(
        ClassifierInput.tokens(codec.vocabulary().size(), 6),
        new RecurrentSpec(CellKind.GRU, 8, 2, true, 0.2f), Pooling.MEAN,
        List.of("neg", "neutral", "pos"));
    Classifier classifier = new Classifier(config, new SplittableRandom(3));
    Path file = dir.resolve("clf.safetensors");
    ModelFile.write(file, classifier.parameters(), config.toJson(),
        Optional.of(codec.toJson()), ModelFile.Provenance.now(3, ""));
    return file;
  }

  private static List<String> texts(SplittableRandom rng, int count) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder s = new StringBuilder();
      for (int w = rng.nextInt(0, 30); w >= 0; w--) {
        s.append(WORDS.get(rng.nextInt(WORDS.size()))).append(rng.nextInt(9) == 0 ? "s " : " ");
      }
      texts.add(s.toString().strip());
    }
    return texts;
  }

  private static String render(List<ClassPrediction> predictions) {
    StringBuilder s = new StringBuilder();
    predictions.forEach(p -> s.append(p.label()).append(Arrays.toString(p.probabilities())));
    return s.toString();
  }

  @Test
  void eightThreadsGetTheSerialAnswersBitForBit() throws Exception {
    TextClassifier classifier = TextClassifier.load(model());
    SplittableRandom rng = new SplittableRandom(7);
    List<List<String>> requests = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      requests.add(texts(rng, rng.nextInt(1, 6)));
    }
    ConcurrentCalls.assertSameAsSerial(requests, texts -> render(classifier.predict(texts)));
  }

  @Test
  void aTextsAnswerDoesNotDependOnTheOthersInItsCall() throws Exception {
    TextClassifier classifier = TextClassifier.load(model());
    List<String> texts = texts(new SplittableRandom(2), 150); // three batches of mixed lengths
    List<ClassPrediction> together = classifier.predict(texts);
    for (int i = 0; i < texts.size(); i += 7) {
      assertEquals(render(List.of(together.get(i))),
          render(List.of(classifier.predict(texts.get(i)))), texts.get(i));
    }
  }

  @Test
  void evaluationCountsEveryRecordAndNamesUnknownLabels() throws Exception {
    TextClassifier classifier = TextClassifier.load(model());
    List<String> texts = texts(new SplittableRandom(4), 20);
    List<LabelledText> records = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      records.add(new LabelledText(texts.get(i), classifier.labels().get(i % 3)));
    }
    ClassificationEvaluation e = classifier.evaluate("mem", records);
    assertEquals(20, e.confusion().total());
    long right = 0;
    List<ClassPrediction> p = classifier.predict(texts);
    for (int i = 0; i < texts.size(); i++) {
      right += p.get(i).label().equals(records.get(i).label()) ? 1 : 0;
    }
    assertEquals(right / 20.0, e.accuracy(), 1e-12);
    assertEquals(20, e.toJson().get("records").asInt());
    assertTrue(e.report().startsWith("mem: 20 records, accuracy "), e.report());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> classifier.evaluate("mem", List.of(new LabelledText("good", "great"))));
    assertTrue(bad.getMessage().contains("record 1 has label 'great'"), bad.getMessage());
  }

  @Test
  void theRegistryLoadsItFromTheFileAlone() throws Exception {
    Path file = model();
    assertEquals("classify", TaskFamilies.of(file).name());
    assertTrue(TaskFamilies.load(file) instanceof TextClassifier);
  }
}
