package org.rnn4j.cli.onnx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rnn4j.cli.onnx.proto.OnnxModel.Model;
import org.rnn4j.cli.onnx.proto.OnnxModel.StringEntry;
import org.rnn4j.cli.onnx.proto.OnnxModel.ValueInfo;
import org.rnn4j.io.AtomicFiles;
import org.rnn4j.io.ModelFile;
import org.rnn4j.task.classify.Classifier;
import org.rnn4j.task.classify.ClassifierConfig;
import org.rnn4j.task.forecast.Forecaster;
import org.rnn4j.task.forecast.ForecasterConfig;
import org.rnn4j.task.lm.LanguageModel;
import org.rnn4j.task.lm.LanguageModelConfig;
import org.rnn4j.task.seq2seq.Seq2Seq;
import org.rnn4j.task.seq2seq.Seq2SeqConfig;
import org.rnn4j.task.tag.Tagger;
import org.rnn4j.task.tag.TaggerConfig;

/**
 * Writes an rnn4j model file as an ONNX model of standard operators (operator set {@value
 * OnnxGraph#OPSET}), for ONNX Runtime and the other ONNX tools: the language model, classifier,
 * tagger, the forecaster's network, and the seq2seq encoder and decoder step. Each graph's inputs and outputs are described in its
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
   * One ONNX file written.
   *
   * @param file where
   * @param model what
   */
  public record Exported(Path file, Model model) {}

  /**
   * The ONNX models of a model file: one, or for seq2seq two, the encoder and the decoder step.
   *
   * @param file an rnn4j model file
   * @return part name ("" for a single graph, else "encoder", "decoder") → ONNX model
   * @throws IOException if the file cannot be read, or is not an rnn4j model
   */
  public static Map<String, Model> of(Path file) throws IOException {
    ModelFile.Contents contents = ModelFile.read(file);
    Map<String, Model> graphs = graphs(file, contents.config().path("task").asText());
    Map<String, Model> out = new LinkedHashMap<>();
    graphs.forEach((part, model) -> out.put(part, contents.vocabulary().map(v ->
        model.toBuilder().addMetadataProps(StringEntry.newBuilder().setKey(VOCABULARY_KEY)
            .setValue(v)).build()).orElse(model)));
    return out;
  }

  private static Map<String, Model> graphs(Path file, String task) throws IOException {
    String version = ModelFile.rnn4jVersion();
    return switch (task) {
      case LanguageModelConfig.TASK -> Map.of("", LanguageModelOnnx.export(
          LanguageModel.load(file).model(), version));
      case ClassifierConfig.TASK -> Map.of("", ClassifierOnnx.export(
          Classifier.load(file).model(), version));
      case TaggerConfig.TASK -> Map.of("", TaggerOnnx.export(Tagger.load(file).model(),
          version));
      case ForecasterConfig.TASK -> Map.of("", ForecasterOnnx.export(
          Forecaster.load(file).model(), version));
      case Seq2SeqConfig.TASK -> {
        Seq2SeqOnnx.Graphs g = Seq2SeqOnnx.export(Seq2Seq.load(file).model(), version);
        Map<String, Model> parts = new LinkedHashMap<>();
        parts.put("encoder", g.encoder());
        parts.put("decoder", g.step());
        yield parts;
      }
      default -> throw new IllegalArgumentException(file + ": unknown task \"" + task
          + "\"; expected lm, classify, tag, seq2seq or forecast");
    };
  }

  /**
   * Writes the ONNX models of a model file, each to a temporary file renamed into place. A
   * seq2seq model gives two files named after {@code onnx}: NAME.encoder.onnx and
   * NAME.decoder.onnx for NAME.onnx.
   *
   * @param file an rnn4j model file
   * @param onnx the ONNX file to write
   * @return the files written, in order
   * @throws IOException if a file cannot be read or written
   */
  public static List<Exported> write(Path file, Path onnx) throws IOException {
    List<Exported> out = new ArrayList<>();
    for (Map.Entry<String, Model> part : of(file).entrySet()) {
      Path target = part.getKey().isEmpty() ? onnx : partFile(onnx, part.getKey());
      AtomicFiles.write(target, part.getValue().toByteArray());
      out.add(new Exported(target, part.getValue()));
    }
    return out;
  }

  /** NAME.part.onnx beside NAME.onnx (NAME.onnx.part.onnx if it does not end in .onnx). */
  static Path partFile(Path onnx, String part) {
    String name = onnx.getFileName().toString();
    String stem = name.endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
    return onnx.resolveSibling(stem + "." + part + ".onnx");
  }

  /**
   * The graph's inputs or outputs in one line: "ids (batch, time) int64, lengths (batch) int32".
   *
   * @param values a graph's inputs or outputs
   * @return the line
   */
  public static String describe(List<ValueInfo> values) {
    return values.stream().map(v -> v.getName() + " (" + v.getType().getTensorType().getShape()
        .getDimList().stream().map(d -> d.hasDimValue() ? Long.toString(d.getDimValue())
            : d.getDimParam()).collect(Collectors.joining(", ")) + ") "
        + OnnxGraph.typeName(v.getType().getTensorType().getElemType()))
        .collect(Collectors.joining(", "));
  }
}
