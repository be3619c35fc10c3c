package org.rnn4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rnn4j.io.ModelFile;
import org.rnn4j.io.Safetensors;
import org.rnn4j.io.SafetensorsHeader;
import org.rnn4j.io.TensorInfo;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.TextCodecPair;
import org.rnn4j.text.WordTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rnn4j info}: what a model file holds. Reads only the header, so it also describes any
 * safetensors file, such as a PyTorch state dict. With {@code --json} the same facts are one JSON
 * object.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = {"Show what a model file (or any safetensors file) holds.",
        "With --json it is one JSON object: file, rnn4j_model, format_version, config,"
            + " vocabulary (or vocabularies), provenance, tensors, parameters."})
final class InfoCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(index = "0", paramLabel = "MODEL", description = "The file.")
  Path file;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    new RunPaths().input("", file).check();
    SafetensorsHeader header = Safetensors.readHeader(file);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(JSON.writeValueAsString(toJson(header)));
    } else {
      print(header, out);
    }
    out.flush();
    return 0;
  }

  private void print(SafetensorsHeader header, PrintWriter out) throws IOException {
    Map<String, String> meta = header.metadata();
    boolean ours = ModelFile.FORMAT.equals(meta.get("format"));
    out.printf("%s: %s%n", file, ours ? "rnn4j model, format version " + meta.get("format_version")
        : "safetensors file (not an rnn4j model file)");
    if (meta.containsKey("config")) {
      out.println("config: " + JSON.readTree(meta.get("config")).toPrettyString());
    }
    if (meta.containsKey("vocabulary")) {
      try {
        String vocabulary = meta.get("vocabulary");
        if (TextCodecPair.isPair(vocabulary)) {
          TextCodecPair pair = TextCodecPair.fromJson(vocabulary);
          out.printf("vocabularies: source %,d tokens, %s; target %,d tokens, %s%n",
              pair.source().vocabulary().size(), pair.source().tokenizer(),
              pair.target().vocabulary().size(), pair.target().tokenizer());
        } else {
          TextCodec codec = TextCodec.fromJson(vocabulary);
          out.printf("vocabulary: %,d tokens, %s%n", codec.vocabulary().size(),
              codec.tokenizer());
        }
      } catch (IllegalArgumentException e) {
        out.println("vocabulary: unreadable (" + e.getMessage() + ")");
      }
    }
    if (meta.containsKey("provenance")) {
      out.println("provenance: " + meta.get("provenance"));
    }
    out.println("tensors:");
    for (TensorInfo t : header.tensors().values()) {
      out.printf(Locale.ROOT, "  %-32s %-4s %s%n", t.name(), t.dtype(), Arrays.toString(t.shape()));
    }
    out.printf(Locale.ROOT, "%,d tensors, %,d parameters%n", header.tensors().size(),
        parameters(header));
  }

  /** The facts of {@link #print} as one object; the config and provenance as JSON, not text. */
  private ObjectNode toJson(SafetensorsHeader header) {
    Map<String, String> meta = header.metadata();
    ObjectNode root = JSON.createObjectNode().put("file", file.toString())
        .put("rnn4j_model", ModelFile.FORMAT.equals(meta.get("format")));
    if (meta.containsKey("format_version")) {
      root.put("format_version", meta.get("format_version"));
    }
    if (meta.containsKey("config")) {
      root.set("config", jsonOrText(meta.get("config")));
    }
    if (meta.containsKey("vocabulary")) {
      try {
        String vocabulary = meta.get("vocabulary");
        if (TextCodecPair.isPair(vocabulary)) {
          TextCodecPair pair = TextCodecPair.fromJson(vocabulary);
          ObjectNode both = root.putObject("vocabularies");
          both.set("source", codec(pair.source()));
          both.set("target", codec(pair.target()));
        } else {
          root.set("vocabulary", codec(TextCodec.fromJson(vocabulary)));
        }
      } catch (IllegalArgumentException e) {
        root.putObject("vocabulary").put("error", e.getMessage());
      }
    }
    if (meta.containsKey("provenance")) {
      root.set("provenance", jsonOrText(meta.get("provenance")));
    }
    ArrayNode tensors = root.putArray("tensors");
    for (TensorInfo t : header.tensors().values()) {
      ArrayNode shape = tensors.addObject().put("name", t.name()).put("dtype", t.dtype().toString())
          .putArray("shape");
      Arrays.stream(t.shape()).forEach(shape::add);
    }
    return root.put("parameters", parameters(header));
  }

  /** {@code {"size": V, "tokens": "char"}} or {@code {…, "tokens": "word", "lower_case": …}}. */
  private static ObjectNode codec(TextCodec codec) {
    ObjectNode node = JSON.createObjectNode().put("size", codec.vocabulary().size());
    if (codec.tokenizer() instanceof WordTokenizer w) {
      return node.put("tokens", "word").put("lower_case", w.lowerCase());
    }
    return node.put("tokens", "char");
  }

  /** A metadata value as JSON when it is JSON, else as a string. */
  private static JsonNode jsonOrText(String value) {
    try {
      return JSON.readTree(value);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(value);
    }
  }

  private static long parameters(SafetensorsHeader header) {
    return header.tensors().values().stream().mapToLong(TensorInfo::elementCount).sum();
  }
}
