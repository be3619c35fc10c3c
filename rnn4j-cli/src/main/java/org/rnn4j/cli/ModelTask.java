package org.rnn4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.rnn4j.io.ModelFile;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.io.Safetensors;
import org.rnn4j.text.TextCodec;

/** Which task a model file holds, read from its header alone. */
final class ModelTask {
  private ModelTask() {}

  static String of(Path model) throws IOException {
    var meta = Safetensors.readHeader(model).metadata();
    if (!ModelFile.FORMAT.equals(meta.get("format")) || !meta.containsKey("config")) {
      throw new ModelFormatException(model + ": not an rnn4j model file");
    }
    return new ObjectMapper().readTree(meta.get("config")).path("task").asText("?");
  }

  /** The text codec stored with a model, or a clear error when it has none. */
  static TextCodec codec(Path model, java.util.Optional<String> vocabulary)
      throws ModelFormatException {
    String json = vocabulary.orElseThrow(() -> new ModelFormatException(
        model + ": the model file holds no vocabulary, so text cannot be encoded for it"));
    try {
      return TextCodec.fromJson(json);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(model + ": " + e.getMessage(), e);
    }
  }
}
