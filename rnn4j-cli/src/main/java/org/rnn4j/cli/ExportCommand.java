package org.rnn4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rnn4j.cli.onnx.OnnxExport;
import org.rnn4j.cli.onnx.proto.OnnxModel.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rnn4j export --onnx}: a model file as an ONNX model. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Write a model as an ONNX model of standard operators (operator set 17), for"
        + " ONNX Runtime and other ONNX tools: lm, classify, tag, the forecaster's network on"
        + " normalised values, and for seq2seq two graphs, NAME.encoder.onnx and"
        + " NAME.decoder.onnx (one decoder step). Prints each graph's inputs and outputs.",
        "The rnn4j config travels in the ONNX model's metadata (key rnn4j.config)."})
final class ExportCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The model file.")
  Path model;

  @Option(names = "--onnx", required = true, paramLabel = "FILE",
      description = "The ONNX file to write (replaced if it exists).")
  Path onnx;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    new RunPaths().input("--model", model).output("--onnx", onnx).check();
    PrintWriter out = spec.commandLine().getOut();
    for (OnnxExport.Exported e : OnnxExport.write(model, onnx)) {
      Model written = e.model();
      out.printf("%s: ONNX model (IR %d, opset %d), %,d bytes%n", e.file(),
          written.getIrVersion(), written.getOpsetImport(0).getVersion(), Files.size(e.file()));
      out.println("  " + written.getDocString());
      out.println("  inputs:  " + OnnxExport.describe(written.getGraph().getInputList()));
      out.println("  outputs: " + OnnxExport.describe(written.getGraph().getOutputList()));
    }
    out.flush();
    return 0;
  }
}
