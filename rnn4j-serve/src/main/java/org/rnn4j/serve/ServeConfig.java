package org.rnn4j.serve;

import java.time.Duration;

/**
 * How a {@link ModelServer} listens, batches and limits its requests.
 *
 * <p>Micro-batching: the first item of a batch waits at most {@code batchWindow} for others of
 * the same kind (same operation and decoding options) to join it, up to {@code maxBatch} items;
 * {@code workers} threads run batches. {@code maxBatch = 1} turns batching off: every item runs
 * alone, as soon as a worker is free.
 *
 * @param host the address to bind, e.g. 127.0.0.1
 * @param port the port, 0 for any free one
 * @param workers threads that run batches through the model, ≥ 1
 * @param batchWindow how long a batch's first item waits for others, ≥ 0
 * @param maxBatch the most items per batch, ≥ 1
 * @param maxQueue the most items waiting for a worker; beyond it requests get 503, ≥ 1
 * @param maxConcurrentRequests requests handled at once; beyond it requests get 503, ≥ 1
 * @param timeout the longest a request waits for its results; then 503, &gt; 0
 * @param maxBodyBytes the largest request body; larger gets 413, ≥ 1
 * @param maxTexts the most texts (or histories, or samples) in one request; more gets 413
 * @param maxTokens the most tokens in one text; more gets 413
 * @param maxNewTokens the most tokens generated or translated per output; a larger setting is 400
 * @param maxBeam the widest beam a request may ask for; wider is 400
 * @param maxHorizon the most steps a forecast may ask for; more is 400
 * @param shutdownGrace how long a stopping server lets requests in flight finish
 */
public record ServeConfig(String host, int port, int workers, Duration batchWindow, int maxBatch,
    int maxQueue, int maxConcurrentRequests, Duration timeout, int maxBodyBytes, int maxTexts,
    int maxTokens, int maxNewTokens, int maxBeam, int maxHorizon, Duration shutdownGrace) {

  /**
   * Loopback, port 8080, batches of up to 32 formed from what is waiting (no window: on the
   * development machine a 2 ms window cost a lone client 2 ms per request and gained nothing
   * under load; docs/serving.md), limits for a small public demo.
   */
  public static final ServeConfig DEFAULTS = new ServeConfig("127.0.0.1", 8080,
      Runtime.getRuntime().availableProcessors(), Duration.ZERO, 32, 4096, 256,
      Duration.ofSeconds(30), 1 << 20, 64, 1000, 1000, 16, 1000, Duration.ofSeconds(10));

  /** Checks every setting; the message names the setting, like the command line's option. */
  public ServeConfig {
    require(host != null && !host.isBlank(), "host", "a host name or address", host);
    require(port >= 0 && port <= 65535, "port", "0 … 65535", port);
    require(workers >= 1, "workers", "≥ 1", workers);
    require(batchWindow != null && !batchWindow.isNegative(), "batch-window-ms", "≥ 0",
        millis(batchWindow));
    require(maxBatch >= 1, "max-batch", "≥ 1", maxBatch);
    require(maxQueue >= 1, "max-queue", "≥ 1", maxQueue);
    require(maxConcurrentRequests >= 1, "max-concurrent", "≥ 1", maxConcurrentRequests);
    require(timeout != null && timeout.toMillis() > 0, "timeout-ms", "> 0", millis(timeout));
    require(maxBodyBytes >= 1, "max-body-bytes", "≥ 1", maxBodyBytes);
    require(maxTexts >= 1, "max-texts", "≥ 1", maxTexts);
    require(maxTokens >= 1, "max-tokens", "≥ 1", maxTokens);
    require(maxNewTokens >= 1, "max-new-tokens", "≥ 1", maxNewTokens);
    require(maxBeam >= 1, "max-beam", "≥ 1", maxBeam);
    require(maxHorizon >= 1, "max-horizon", "≥ 1", maxHorizon);
    require(shutdownGrace != null && !shutdownGrace.isNegative(), "shutdown-grace-s", "≥ 0",
        shutdownGrace == null ? null : millis(shutdownGrace) / 1000);
  }

  private static Double millis(Duration d) {
    return d == null ? null : d.toNanos() / 1e6;
  }

  private static void require(boolean ok, String name, String expected, Object actual) {
    if (!ok) {
      throw new IllegalArgumentException("--" + name + " must be " + expected + ", got " + actual);
    }
  }

  /** The same settings on another host and port. */
  public ServeConfig withAddress(String h, int p) {
    return new ServeConfig(h, p, workers, batchWindow, maxBatch, maxQueue,
        maxConcurrentRequests, timeout, maxBodyBytes, maxTexts, maxTokens, maxNewTokens, maxBeam,
        maxHorizon, shutdownGrace);
  }

  /** The same settings with another batching: {@code maxBatch = 1} turns it off. */
  public ServeConfig withBatching(Duration window, int batch) {
    return new ServeConfig(host, port, workers, window, batch, maxQueue, maxConcurrentRequests,
        timeout, maxBodyBytes, maxTexts, maxTokens, maxNewTokens, maxBeam, maxHorizon,
        shutdownGrace);
  }
}
