package org.rnn4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rnn4j.cli.bench.BenchConfigs;
import org.rnn4j.cli.bench.GemmThroughput;
import picocli.CommandLine;
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
        "Configs:",
        "  gemm  matrix products of RNN shapes: GFLOP/s",
        "  C1    character LM: Embedding(65,64), LSTM(64->512, 2 layers),",
        "        Linear(512,65); batch 32, seq 100; Adam, clip norm 5:",
        "        training and inference tokens/s",
        "  C2    sentiment: Embedding(20000,128), GRU(128->256), last state,",
        "        Linear(256,2); batch 64, seq 200; Adam: training and inference",
        "        sequences/s",
        "  C3    RNN(32->128, tanh), Linear(128,1) at every step; batch 64, seq 50;",
        "        MSE, SGD: training and inference sequences/s",
        "  C4    the C1 model at batch 1 sampling 2000 characters (temperature 1,",
        "        state carried): characters/s, median of 3 runs",
        "  C5    LSTM(1024->1024); batch 64, seq 50; loss = sum of outputs, SGD:",
        "        training and forward tokens/s",
        "Run nothing else on the machine meanwhile: the figures are only as quiet as it is."})
final class BenchCommand implements Callable<Integer> {
  static final String GEMM = "gemm";

  @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG",
      completionCandidates = ConfigNames.class,
      description = "What to measure: one of ${COMPLETION-CANDIDATES} (or use --config).")
  String positional;

  @Option(names = "--config", paramLabel = "CONFIG", completionCandidates = ConfigNames.class,
      description = "What to measure: one of ${COMPLETION-CANDIDATES}.")
  String config;

  @Option(names = "--threads", split = ",", defaultValue = "1,2", paramLabel = "N[,N...]",
      description = "Thread counts to measure (default: ${DEFAULT-VALUE}).")
  List<Integer> threads;

  @Option(names = "--seconds", paramLabel = "S",
      description = "C1-C5: time each measurement for at least S seconds, after a warm-up of"
          + " 2S/3 (default: 3; C4 times 3 runs and uses only the warm-up). Small values make a"
          + " quick check, not a measurement.")
  Optional<Double> seconds;

  @Option(names = "--unpacked",
      description = "gemm only: let every call pack the weight, instead of packing it once.")
  boolean unpacked;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Every name {@code bench} accepts: gemm, then the model configurations. */
  static List<String> configNames() {
    List<String> names = new ArrayList<>();
    names.add(GEMM);
    names.addAll(BenchConfigs.names());
    return names;
  }

  /** The names for the help text. */
  static final class ConfigNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return configNames().iterator();
    }
  }

  @Override
  public Integer call() {
    String which = config != null ? config : positional;
    if (which == null) {
      throw new IllegalArgumentException("bench needs a config: one of " + configNames());
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
    PrintWriter out = spec.commandLine().getOut();
    if (which.toLowerCase(Locale.ROOT).equals(GEMM)) {
      if (seconds.isPresent()) {
        throw new IllegalArgumentException("--seconds applies to C1-C5; gemm times each shape"
            + " for 1 s after a 0.5 s warm-up");
      }
      GemmThroughput.run(GemmThroughput.SHAPES, threads, !unpacked, out);
      return 0;
    }
    String name = BenchConfigs.find(which).orElseThrow(() -> new IllegalArgumentException(
        "unknown bench config '" + which + "': expected one of " + configNames()));
    if (unpacked) {
      throw new IllegalArgumentException("--unpacked applies to gemm only, not " + name);
    }
    BenchConfigs.run(name, threads, seconds.orElse(BenchConfigs.DEFAULT_SECONDS), out);
    return 0;
  }
}
