package org.rnn4j.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnn4j.cli.bench.GemmThroughput;
import org.rnn4j.cli.bench.RecurrentThroughput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rnn4j bench}: throughput benchmarks printing one JSON line per measurement, with the
 * field and metric names of the PyTorch peer benchmark so both can be compared side by side.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
        "Measure throughput; prints one JSON line per measurement.",
        "Configs: gemm (matrix products of RNN shapes, GFLOP/s),"
            + " C5 (LSTM 1024->1024, seq 50, batch 64: training and forward tokens/s).",
        "Run nothing else on the machine meanwhile: the figures are only as quiet as it is."})
final class BenchCommand implements Callable<Integer> {
  private static final List<String> CONFIGS = List.of("gemm", "C5");

  @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG",
      description = "What to measure: gemm or C5 (or use --config).")
  String positional;

  @Option(names = "--config", paramLabel = "CONFIG", description = "What to measure: gemm or C5.")
  String config;

  @Option(names = "--threads", split = ",", defaultValue = "1,2", paramLabel = "N[,N...]",
      description = "Thread counts to measure (default: ${DEFAULT-VALUE}).")
  List<Integer> threads;

  @Option(names = "--unpacked",
      description = "gemm only: let every call pack the weight, instead of packing it once.")
  boolean unpacked;

  @Override
  public Integer call() {
    String which = config != null ? config : positional;
    if (which == null) {
      throw new IllegalArgumentException("bench needs a config: one of " + CONFIGS);
    }
    if (config != null && positional != null && !config.equals(positional)) {
      throw new IllegalArgumentException(
          "two configs given: '" + positional + "' and --config " + config);
    }
    for (int t : threads) {
      if (t < 1) {
        throw new IllegalArgumentException("--threads must be at least 1, got " + t);
      }
    }
    PrintStream out = System.out;
    switch (which.toLowerCase(Locale.ROOT)) {
      case "gemm" -> GemmThroughput.run(GemmThroughput.SHAPES, threads, !unpacked, out);
      case "c5" -> RecurrentThroughput.runC5(threads, out);
      default -> throw new IllegalArgumentException(
          "unknown bench config '" + which + "': expected one of " + CONFIGS);
    }
    return 0;
  }
}
