package org.rnn4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.rnn4j.kernel.Parallelism;
import org.rnn4j.serve.ModelServer;
import org.rnn4j.serve.ServeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rnn4j serve}: a model of any family behind a JSON-over-HTTP API ({@link ModelServer}),
 * until Ctrl-C or SIGTERM, which let requests in flight finish.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Serve a model over HTTP: a JSON API for its family (POST /v1/classify, /v1/tag,"
        + " /v1/generate, /v1/score, /v1/translate or /v1/forecast), GET /v1/model, /health,"
        + " /metrics (Prometheus) and a playground page at /.",
        "Concurrent requests share batches (dynamic micro-batching). Ctrl-C or SIGTERM stops"
            + " after the requests in flight finish. docs/serving.md has the API."})
final class ServeCommand implements Callable<Integer> {
  private static final ServeConfig D = ServeConfig.DEFAULTS;

  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The model file.")
  Path model;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "The address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "8080",
      description = "The port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--workers", paramLabel = "N",
      description = "Threads that run batches through the model (default: the number of processors).")
  Integer workers;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads each batch's kernels may use (default: processors / workers, at"
          + " least 1: the workers already share the cores).")
  Integer threads;

  @Option(names = "--batch-window-ms", paramLabel = "MS", defaultValue = "0",
      description = "How long a batch's first input waits for others to join; 0 batches what is"
          + " already waiting (default: ${DEFAULT-VALUE}).")
  double batchWindowMs;

  @Option(names = "--max-batch", paramLabel = "N", defaultValue = "32",
      description = "The most inputs per batch; 1 turns batching off (default: ${DEFAULT-VALUE}).")
  int maxBatch;

  @Option(names = "--max-queue", paramLabel = "N", defaultValue = "4096",
      description = "The most inputs waiting; beyond it requests get 503 (default: ${DEFAULT-VALUE}).")
  int maxQueue;

  @Option(names = "--max-concurrent", paramLabel = "N", defaultValue = "256",
      description = "Requests handled at once; beyond it requests get 503 (default: ${DEFAULT-VALUE}).")
  int maxConcurrent;

  @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "30000",
      description = "The longest a request waits for its results, then 503 (default: ${DEFAULT-VALUE}).")
  long timeoutMs;

  @Option(names = "--max-body-bytes", paramLabel = "BYTES", defaultValue = "1048576",
      description = "The largest request body; larger gets 413 (default: ${DEFAULT-VALUE}).")
  int maxBodyBytes;

  @Option(names = "--max-texts", paramLabel = "N", defaultValue = "64",
      description = "The most texts, histories or samples per request; more gets 413 (default: ${DEFAULT-VALUE}).")
  int maxTexts;

  @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "1000",
      description = "The most tokens per text (steps per history); more gets 413 (default: ${DEFAULT-VALUE}).")
  int maxTokens;

  @Option(names = "--max-new-tokens", paramLabel = "N", defaultValue = "1000",
      description = "The most tokens generated or translated per output (default: ${DEFAULT-VALUE}).")
  int maxNewTokens;

  @Option(names = "--max-beam", paramLabel = "K", defaultValue = "16",
      description = "The widest beam a request may ask for (default: ${DEFAULT-VALUE}).")
  int maxBeam;

  @Option(names = "--max-horizon", paramLabel = "N", defaultValue = "1000",
      description = "The most steps a forecast may ask for (default: ${DEFAULT-VALUE}).")
  int maxHorizon;

  @Option(names = "--shutdown-grace-s", paramLabel = "S", defaultValue = "10",
      description = "On Ctrl-C or SIGTERM, how long requests in flight may take to finish (default: ${DEFAULT-VALUE}).")
  double shutdownGraceS;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    new RunPaths().input("--model", model).check();
    ServeConfig config = config();
    int kernelThreads = threads != null ? threads
        : Math.max(1, Runtime.getRuntime().availableProcessors() / config.workers());
    if (kernelThreads < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be ≥ 1, got "
          + kernelThreads);
    }
    Parallelism.setThreads(kernelThreads);
    ModelServer server;
    try {
      server = ModelServer.start(model, config);
    } catch (BindException e) {
      throw new IllegalArgumentException("--host " + host + " --port " + port + ": cannot listen"
          + " there (" + e.getMessage() + "); is another server on that port? --port 0 picks a"
          + " free one", e);
    }
    PrintWriter err = spec.commandLine().getErr();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      err.println("rnn4j serve: stopping; requests in flight may take up to " + trim(shutdownGraceS)
          + " s to finish");
      err.flush();
      server.stop();
      err.println("rnn4j serve: stopped");
      err.flush();
    }, "rnn4j-serve-stop"));
    err.printf("rnn4j serve: %s model %s at %s (playground there; API %sv1/model; %smetrics);"
        + " batching: window %s ms, up to %d inputs; Ctrl-C or SIGTERM stops%n", server.task(),
        model, server.uri(), server.uri(), server.uri(), trim(batchWindowMs), maxBatch);
    err.flush();
    server.awaitStop();
    return 0;
  }

  private ServeConfig config() {
    try {
      return new ServeConfig(host, port, workers != null ? workers : D.workers(),
          millis("--batch-window-ms", batchWindowMs), maxBatch, maxQueue, maxConcurrent, Duration.ofMillis(timeoutMs),
          maxBodyBytes, maxTexts, maxTokens, maxNewTokens, maxBeam, maxHorizon,
          millis("--shutdown-grace-s", shutdownGraceS * 1000));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** A duration of {@code ms} milliseconds; the option named when it is negative or not finite. */
  private Duration millis(String option, double ms) {
    if (!Double.isFinite(ms) || ms < 0 || ms > 1e12) {
      throw new ParameterException(spec.commandLine(), option + " must be a number of"
          + " milliseconds ≥ 0, got " + ms);
    }
    return Duration.ofNanos(Math.round(ms * 1e6));
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
