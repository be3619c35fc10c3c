package org.rnn4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rnn4j completion bash}: prints a bash completion script for every command and option,
 * the task families' options included, as picocli's {@link AutoComplete} generates it. The
 * script is the result, so it goes to standard output.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {"Print a shell completion script for rnn4j's commands and options.",
        "Load it in the current shell with: source <(bin/rnn4j completion bash)",
        "or keep it: bin/rnn4j completion bash > ~/.local/share/bash-completion/completions/rnn4j"})
final class CompletionCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "SHELL", completionCandidates = Shells.class,
      description = "The shell: ${COMPLETION-CANDIDATES}.")
  String shell;

  @Spec CommandSpec spec;

  /** The shells a script can be printed for. */
  static final class Shells extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Shells() {
      super(List.of("bash"));
    }
  }

  @Override
  public Integer call() {
    if (!new Shells().contains(shell)) {
      throw new ParameterException(spec.commandLine(), "SHELL must be one"
          + " of " + new Shells() + ", got '" + shell + "'");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(AutoComplete.bash("rnn4j", spec.root().commandLine()));
    out.flush();
    return 0;
  }
}
