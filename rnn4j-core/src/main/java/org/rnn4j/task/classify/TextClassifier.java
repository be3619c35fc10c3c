package org.rnn4j.task.classify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.rnn4j.data.ClassifyBatch;
import org.rnn4j.data.LengthOrder;
import org.rnn4j.data.format.LabelledText;
import org.rnn4j.data.format.LabelledTexts;
import org.rnn4j.io.ModelFile;
import org.rnn4j.metrics.ConfusionMatrix;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TaskModel;
import org.rnn4j.text.TextCodec;
import org.rnn4j.train.BatchSource;

/**
 * A trained text classifier ready for use: texts in, labels and probabilities out.
 *
 * <pre>{@code
 * TextClassifier sentiment = TextClassifier.load(Path.of("sentiment.safetensors"));
 * ClassPrediction p = sentiment.predict("a warm, funny film");
 * p.label();          // "pos"
 * p.probabilities();  // (C) in the order of sentiment.labels()
 * }</pre>
 *
 * <p>Immutable and thread-safe: the classifier inside stays in evaluation mode, is never
 * exposed, and every call works on its own batches. Texts are batched {@value #BATCH} at a time;
 * a text's result does not depend on the others in its call.
 */
public final class TextClassifier implements TaskModel {
  static final int BATCH = 64;
  private final Classifier model;
  private final TextCodec codec;

  private TextClassifier(Classifier model, TextCodec codec) {
    if (!model.config().input().tokens()) {
      throw new IllegalArgumentException("a text classifier reads token ids; this classifier"
          + " reads feature vectors");
    }
    model.eval();
    model.freeze(); // weights fixed: every product reuses one packing of them
    this.model = model;
    this.codec = codec;
  }

  /**
   * Loads a classifier trained on texts, with its tokenizer and vocabulary.
   *
   * @param file a model file of the classify family
   * @return the classifier
   * @throws org.rnn4j.io.ModelFormatException if the file is not a text classifier
   * @throws IOException if it cannot be read
   */
  public static TextClassifier load(Path file) throws IOException {
    ModelFile.Loaded<Classifier> loaded = Classifier.load(file);
    return new TextClassifier(loaded.model(), loaded.textCodec(file));
  }

  @Override
  public ClassifierConfig config() {
    return model.config();
  }

  /** The class names, C, in the order of every prediction's probabilities. */
  public List<String> labels() {
    return model.config().labels();
  }

  /** The tokenizer and vocabulary the classifier was trained with. */
  public TextCodec codec() {
    return codec;
  }

  /**
   * @param text one text; tokens outside the vocabulary read as {@code <unk>}
   * @return its label and probabilities
   */
  public ClassPrediction predict(String text) {
    return predict(List.of(text)).get(0);
  }

  /**
   * @param texts the texts
   * @return one prediction per text, in order
   */
  public List<ClassPrediction> predict(List<String> texts) {
    int[] order = LengthOrder.longestFirst(texts.stream()
        .mapToInt(t -> codec.tokenizer().tokenize(t).size()).toArray());
    List<String> sorted = Arrays.stream(order).mapToObj(texts::get).toList();
    BatchSource<ClassifyBatch> batches =
        ClassifierData.batches(sorted, new int[texts.size()], codec, BATCH);
    ClassPrediction[] out = new ClassPrediction[texts.size()];
    int c = labels().size();
    int done = 0;
    try (NoGrad scope = NoGrad.enter()) {
      for (int i = 0; i < batches.size(); i++) {
        float[] p = model.forward(batches.batch(i).inputs()).softmax().data(); // (B, C)
        for (int row = 0; row < p.length / c; row++, done++) {
          out[order[done]] = new ClassPrediction(sorted.get(done), labels(),
              Arrays.copyOfRange(p, row * c, row * c + c));
        }
      }
    }
    return List.of(out);
  }

  /**
   * Accuracy, macro-F1 and the confusion matrix on labelled texts.
   *
   * @param source what the records are, for the report (a file name)
   * @param records texts with gold labels, each one of {@link #labels()}
   * @return the evaluation
   * @throws IllegalArgumentException naming the first record whose label the model does not know
   */
  public ClassificationEvaluation evaluate(String source, List<LabelledText> records) {
    List<ClassPrediction> predicted = predict(records.stream().map(LabelledText::text).toList());
    ConfusionMatrix confusion = new ConfusionMatrix(labels());
    for (int i = 0; i < records.size(); i++) {
      int gold = labels().indexOf(records.get(i).label());
      if (gold < 0) {
        throw new IllegalArgumentException(source + ": record " + (i + 1) + " has label '"
            + records.get(i).label() + "', which the model does not know; its labels are "
            + labels());
      }
      confusion.add(gold, predicted.get(i).classId());
    }
    return new ClassificationEvaluation(source, confusion);
  }

  @Override
  public ClassificationEvaluation evaluate(Path data, TaskOptions options) throws IOException {
    return evaluate(data.toString(), ClassifyFamily.read(data, options));
  }

  @Override
  public List<ClassPrediction> predict(List<String> inputs, TaskOptions options) {
    return predict(inputs);
  }
}
