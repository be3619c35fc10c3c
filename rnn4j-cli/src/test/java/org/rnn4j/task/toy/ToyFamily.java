package org.rnn4j.task.toy;

import static org.rnn4j.task.TaskOption.Use.TRAIN;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.rnn4j.data.Split;
import org.rnn4j.data.format.TextLines;
import org.rnn4j.io.ModelFile;
import org.rnn4j.loss.CrossEntropy;
import org.rnn4j.task.AbstractTaskFamily;
import org.rnn4j.task.Evaluation;
import org.rnn4j.task.Prediction;
import org.rnn4j.task.TaskModel;
import org.rnn4j.task.TaskOption;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.task.TrainedModel;
import org.rnn4j.task.TrainingJob;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.train.BatchSource;
import org.rnn4j.train.Objective;
import org.rnn4j.train.TrainingResult;

/** The toy family: data is one "text TAB label" per line. */
public final class ToyFamily extends AbstractTaskFamily {
  static final TaskOption ALPHABET = TaskOption.value("toy-alphabet", "LETTERS",
      "The letters whose frequencies the toy model reads.", "ab", TRAIN);

  public ToyFamily() {
    super(ToyConfig.TASK, "a toy letter counter over \"text TAB label\" lines (test only).",
        List.of(ALPHABET), ToyConfig::fromJson, ToyFamily::loadModel);
  }

  static TaskModel loadModel(Path file) throws IOException {
    ModelFile.Loaded<ToyModel> loaded = ModelFile.load(file,
        json -> new ToyModel(ToyConfig.fromJson(json, file), new SplittableRandom(0)));
    return new Loaded(loaded.model());
  }

  /** A batch: texts and their class ids. */
  record Batch(List<String> texts, int[] labels) {}

  /** Text and label of each line of a file. */
  static List<String[]> read(Path data) throws IOException {
    List<String[]> rows = new ArrayList<>();
    List<String> lines = TextLines.read(data, true);
    for (int i = 0; i < lines.size(); i++) {
      String[] row = lines.get(i).split("\t");
      if (row.length != 2) {
        throw new IllegalArgumentException(data + ": line " + (i + 1) + ": expected text TAB"
            + " label, got " + lines.get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  @Override
  public TrainedModel train(TrainingJob job) throws IOException {
    Split<String[]> split = Split.random(read(job.data()), job.validationFraction(), 0,
        new SplittableRandom(job.seed()));
    List<String> labels = split.train().stream().map(r -> r[1]).distinct().sorted().toList();
    ToyModel model = new ToyModel(new ToyConfig(job.options().string(ALPHABET), labels),
        new SplittableRandom(job.seed()));
    job.log().printf(Locale.ROOT, "training a toy model on %s%n", job.data());
    TrainingResult result = job.fit(new ToyObjective(model),
        batches(split.train(), labels, job.batchSize()),
        batches(split.validation(), labels, job.batchSize()));
    return new TrainedModel(model, model.config(), Optional.empty(), result);
  }

  static BatchSource<Batch> batches(List<String[]> rows, List<String> labels, int size) {
    List<Batch> batches = new ArrayList<>();
    for (int from = 0; from < rows.size(); from += size) {
      List<String[]> part = rows.subList(from, Math.min(rows.size(), from + size));
      batches.add(new Batch(part.stream().map(r -> r[0]).toList(),
          part.stream().mapToInt(r -> labels.indexOf(r[1])).toArray()));
    }
    return BatchSource.of(batches);
  }

  /** Cross-entropy of each text's label. */
  record ToyObjective(ToyModel model) implements Objective<Batch> {
    @Override
    public Tensor trainLoss(Batch batch, RandomGenerator rng) {
      return CrossEntropy.loss(model.forward(batch.texts()), batch.labels(),
          CrossEntropy.Options.DEFAULT);
    }

    @Override
    public long tokens(Batch batch) {
      return batch.labels().length;
    }

    @Override
    public Map<String, Double> evaluate(BatchSource<Batch> source) {
      double[] sums = new double[3]; // nats, right, examples
      Objective.forEachInEvaluation(model, source, batch -> {
        Tensor logits = model.forward(batch.texts());
        int[] predicted = logits.argmax();
        sums[0] += CrossEntropy.loss(logits, batch.labels(), CrossEntropy.Options.DEFAULT)
            .item() * predicted.length;
        for (int b = 0; b < predicted.length; b++) {
          sums[1] += predicted[b] == batch.labels()[b] ? 1 : 0;
        }
        sums[2] += predicted.length;
      });
      return Map.of("loss", sums[0] / sums[2], "accuracy", sums[1] / sums[2]);
    }
  }

  /** The label of a text. */
  record Label(String input, String label) implements Prediction {
    @Override
    public String text() {
      return label;
    }

    @Override
    public ObjectNode toJson() {
      return new ObjectMapper().createObjectNode().put("text", input).put("label", label);
    }
  }

  /** Accuracy on a file. */
  record Accuracy(Path data, int right, int total) implements Evaluation {
    @Override
    public String report() {
      return String.format(Locale.ROOT, "%s: %d of %d right%n", data, right, total);
    }

    @Override
    public ObjectNode toJson() {
      return new ObjectMapper().createObjectNode().put("accuracy", (double) right / total);
    }
  }

  /** The loaded model: immutable, in evaluation mode. */
  record Loaded(ToyModel model) implements TaskModel {
    @Override
    public ToyConfig config() {
      return model.config();
    }

    List<String> labels(List<String> texts) {
      try (NoGrad scope = NoGrad.enter()) {
        return java.util.Arrays.stream(model.forward(texts).argmax())
            .mapToObj(model.config().labels()::get).toList();
      }
    }

    @Override
    public Evaluation evaluate(Path data, TaskOptions options) throws IOException {
      List<String[]> rows = read(data);
      List<String> predicted = labels(rows.stream().map(r -> r[0]).toList());
      int right = 0;
      for (int i = 0; i < rows.size(); i++) {
        right += predicted.get(i).equals(rows.get(i)[1]) ? 1 : 0;
      }
      return new Accuracy(data, right, rows.size());
    }

    @Override
    public List<Label> predict(List<String> inputs, TaskOptions options) {
      List<String> labels = labels(inputs);
      List<Label> out = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        out.add(new Label(inputs.get(i), labels.get(i)));
      }
      return out;
    }
  }
}
