package org.rnn4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.rnn4j.cli.demo.CharRnnDemo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rnn4j demo [NAME]}: runs a demo end to end. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Train a model on built-in data and show what it learned.",
        "Demos: chars (default): a character-level vanilla RNN on a short built-in text,"
            + " trained with backpropagation through time; prints its loss and samples."})
final class DemoCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", defaultValue = "chars", paramLabel = "NAME",
      description = "Which demo (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--iterations", defaultValue = "600",
      description = "Training iterations (default: ${DEFAULT-VALUE}).")
  int iterations;

  @Option(names = "--hidden", defaultValue = "96",
      description = "Hidden units of the RNN (default: ${DEFAULT-VALUE}).")
  int hidden;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (!name.equals("chars")) {
      throw new IllegalArgumentException(
          "unknown demo '" + name + "': expected one of [chars]");
    }
    new CharRnnDemo(new CharRnnDemo.Settings(hidden, iterations, seed)).run(out);
    return 0;
  }
}
