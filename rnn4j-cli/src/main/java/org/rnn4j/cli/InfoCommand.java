package org.rnn4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rnn4j info}: what a model file holds. Reads only the header, so it also describes any
 * safetensors file, such as a PyTorch state dict.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "Show what a model file (or any safetensors file) holds.")
final class InfoCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "MODEL", description = "The file.")
  Path file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    new RunPaths().input("", file).check();
    SafetensorsHeader header = Safetensors.readHeader(file);
    Map<String, String> meta = header.metadata();
    PrintWriter out = spec.commandLine().getOut();
    ObjectMapper json = new ObjectMapper();
    boolean ours = ModelFile.FORMAT.equals(meta.get("format"));
    out.printf("%s: %s%n", file, ours ? "rnn4j model, format version " + meta.get("format_version")
        : "safetensors file (not an rnn4j model file)");
    if (meta.containsKey("config")) {
      out.println("config: " + json.readTree(meta.get("config")).toPrettyString());
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
    long total = 0;
    out.println("tensors:");
    for (TensorInfo t : header.tensors().values()) {
      out.printf(Locale.ROOT, "  %-32s %-4s %s%n", t.name(), t.dtype(), Arrays.toString(t.shape()));
      total += t.elementCount();
    }
    out.printf(Locale.ROOT, "%,d tensors, %,d parameters%n", header.tensors().size(), total);
    out.flush();
    return 0;
  }
}
