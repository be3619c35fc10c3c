package org.rnn4j.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.rnn4j.kernel.Gemm;
import org.rnn4j.task.TaskOption;
import org.rnn4j.task.TaskOptionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The {@code rnn4j} command. Errors become one line on stderr and a non-zero exit code; the stack
 * trace appears only with {@code --verbose}.
 */
@Command(
    name = "rnn4j",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Recurrent neural networks (RNN, GRU, LSTM) on the JVM.",
    subcommands = {TrainCommand.class, EvalCommand.class, PredictCommand.class,
        TranslateCommand.class, TranscribeCommand.class, GenerateCommand.class, ScoreCommand.class, ForecastCommand.class,
        InfoCommand.class, ExportCommand.class, ServeCommand.class, DemoCommand.class,
        BenchCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @Option(names = "--verbose", description = "Print stack traces of errors.", scope =
      CommandLine.ScopeType.INHERIT)
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a command");
  }

  /**
   * Runs the command line.
   *
   * @param args the arguments
   * @return the exit code: 0 on success, 1 on a failure, 2 on a usage error
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    Main main = new Main();
    CommandLine cmd = new CommandLine(main);
    FamilyOptions.addTo(cmd.getSubcommands().get("train").getCommandSpec(), TaskOption.Use.TRAIN);
    FamilyOptions.addTo(cmd.getSubcommands().get("eval").getCommandSpec(), TaskOption.Use.EVAL);
    FamilyOptions.addTo(cmd.getSubcommands().get("predict").getCommandSpec(),
        TaskOption.Use.PREDICT);
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setParameterExceptionHandler((e, arguments) -> usageError(e.getMessage(),
        e.getCommandLine(), err));
    cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof TaskOptionException) {
        return usageError(e.getMessage(), commandLine, err);
      }
      if (main.verbose) {
        e.printStackTrace(err);
      } else {
        err.println("rnn4j: " + oneLine(e) + " (run with --verbose for the stack trace)");
      }
      err.flush();
      return 1;
    });
    int code;
    try {
      code = cmd.execute(args);
    } catch (OutOfMemoryError e) {
      err.printf("rnn4j: out of memory: the JVM's heap of %,d MB is too small for this run; use"
          + " a smaller --batch or --max-length (or --hidden), or give the JVM more heap"
          + " (RNN4J_JAVA_OPTS=-Xmx…)%n", Runtime.getRuntime().maxMemory() >> 20);
      code = 1;
    }
    out.flush();
    err.flush();
    return code;
  }

  /** "path: not found", "path: not readable (…)", or the path with the system's reason. */
  private static String fileProblem(FileSystemException f) {
    if (f instanceof NoSuchFileException) {
      return f.getFile() + ": not found";
    }
    if (f instanceof AccessDeniedException) {
      return f.getFile() + ": not readable or writable here (permission denied)";
    }
    return f.getFile() + ": " + (f.getReason() != null ? f.getReason()
        : f.getClass().getSimpleName());
  }

  /** A usage error: one line naming the option, a pointer to help, exit code 2. */
  private static int usageError(String message, CommandLine command, PrintWriter err) {
    err.println("rnn4j: " + message);
    err.println("(see " + command.getCommandSpec().qualifiedName() + " --help)");
    err.flush();
    return 2;
  }

  /** The message, followed by its deepest cause's when that says something the message does not. */
  static String oneLine(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof FileSystemException f && f.getFile() != null) {
        return fileProblem(f);
      }
    }
    String message = e.getMessage();
    String line = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String rootMessage = root.getMessage() == null ? ""
        : root.getMessage().lines().findFirst().orElse("");
    if (root != e && !rootMessage.isEmpty() && !line.contains(rootMessage)) {
      line += ": " + root.getClass().getSimpleName() + " " + rootMessage;
    }
    return line;
  }

  /**
   * Runs the command line with UTF-8 standard output and error, whatever the platform's default
   * charset (under {@code LANG=C} the JVM would write every other character as '?').
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
        StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
        StandardCharsets.UTF_8);
    System.setOut(out);
    System.setErr(err);
    System.exit(execute(args, utf8(out), utf8(err)));
  }

  private static PrintWriter utf8(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }

  /**
   * The version from the jar manifest (or "development" when run from classes), the JVM, and the
   * kernels with the JIT setting their speed depends on (see bin/rnn4j).
   */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"rnn4j " + (v == null ? "development" : v),
          "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
              + ")",
          "Kernels: " + Gemm.backend() + ", JIT PerMethodTrapLimit "
              + vmOption("PerMethodTrapLimit")};
    }

    /** A HotSpot option's value in this JVM, or "unknown" on a JVM without it. */
    private static String vmOption(String name) {
      try {
        return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
            .getVMOption(name).getValue();
      } catch (IllegalArgumentException | LinkageError e) {
        return "unknown";
      }
    }
  }
}
