package org.rnn4j.cli.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.rnn4j.cli.onnx.proto.OnnxModel.Model;
import org.rnn4j.cli.onnx.proto.OnnxModel.StringEntry;
import org.rnn4j.io.ModelFile;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.classify.ClassifierConfig;
import org.rnn4j.task.forecast.Forecaster;
import org.rnn4j.task.forecast.ForecasterConfig;
import org.rnn4j.task.lm.LanguageModel;
import org.rnn4j.task.lm.LanguageModelConfig;
import org.rnn4j.task.seq2seq.Seq2SeqConfig;
import org.rnn4j.task.tag.Tagger;
import org.rnn4j.task.tag.TaggerConfig;

/**
 * Writes an rnn4j model file as an ONNX model of standard operators (operator set {@value
 * OnnxGraph#OPSET}), for ONNX Runtime and the other ONNX tools: the language model, classifier,
 * tagger and the forecaster's network. Each graph's inputs and outputs are described in its
 * family's exporter and in the model's doc string; the model's metadata holds the rnn4j config
 * ({@value OnnxGraph#CONFIG_KEY}) and the vocabulary ({@value #VOCABULARY_KEY}).
 */
public final class OnnxExport {
  /**
   * The metadata key of the model's vocabulary (or source and target vocabularies), as JSON in
   * the model file's format: the token of each id and the tokenizer that splits texts.
   */
  public static final String VOCABULARY_KEY = "rnn4j.vocabulary";

  private OnnxExport() {}

  /**
   * The ONNX model of a model file.
   *
   * @param file an rnn4j model file
   * @return the ONNX model
   * @throws IOException if the file cannot be read, or is not an rnn4j model
   * @throws IllegalArgumentException if its family has no ONNX export
   */
  public static Model of(Path file) throws IOException {
    ModelFile.Contents contents = ModelFile.read(file);
    Model model = graph(file, contents.config().path("task").asText());
    return contents.vocabulary().map(v -> model.toBuilder().addMetadataProps(
        StringEntry.newBuilder().setKey(VOCABULARY_KEY).setValue(v)).build()).orElse(model);
  }

  private static Model graph(Path file, String task) throws IOException {
    String version = ModelFile.rnn4jVersion();
    return switch (task) {
      case LanguageModelConfig.TASK -> LanguageModelOnnx.export(LanguageModel.load(file).model(),
          version);
      case ClassifierConfig.TASK -> ClassifierOnnx.export(Classifier.load(file).model(), version);
      case TaggerConfig.TASK -> TaggerOnnx.export(Tagger.load(file).model(), version);
      case ForecasterConfig.TASK -> ForecasterOnnx.export(Forecaster.load(file).model(),
          version);
      case Seq2SeqConfig.TASK -> throw new IllegalArgumentException(file + ": seq2seq models"
          + " have no ONNX export yet (their decoder runs step by step with attention); export"
          + " lm, classify, tag or forecast models, or rebuild seq2seq models in PyTorch with"
          + " tools/rnn4j_to_torch.py");
      default -> throw new IllegalArgumentException(file + ": unknown task \"" + task
          + "\"; expected lm, classify, tag or forecast");
    };
  }

  /**
   * Writes the ONNX model of a model file, to a temporary file renamed into place.
   *
   * @param file an rnn4j model file
   * @param onnx the ONNX file to write
   * @return the model written
   * @throws IOException if a file cannot be read or written
   */
  public static Model write(Path file, Path onnx) throws IOException {
    Model model = of(file);
    Path dir = onnx.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, onnx.getFileName().toString(), ".tmp");
    try {
      Files.write(tmp, model.toByteArray());
      Files.move(tmp, onnx, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return model;
  }
}
