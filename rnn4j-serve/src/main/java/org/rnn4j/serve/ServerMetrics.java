package org.rnn4j.serve;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The server's meters in a Micrometer registry, scraped in the Prometheus text format at {@code
 * /metrics}: requests ({@code http_server_requests_seconds} by method, uri and status), batches
 * ({@code rnn4j_batch_size}), the queue ({@code rnn4j_queue_items}, {@code
 * rnn4j_queue_wait_seconds}), requests in flight, and the JVM's memory, collections, threads and
 * CPU.
 */
final class ServerMetrics {
  private static final Duration[] LATENCY_BUCKETS = Stream.of(1, 2, 5, 10, 25, 50, 100, 250,
      500, 1000, 2500, 5000, 10000, 30000).map(Duration::ofMillis).toArray(Duration[]::new);
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  ServerMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  PrometheusMeterRegistry registry() {
    return registry;
  }

  /**
   * Counts a request and its time, by method, path ({@code unknown} for paths the server does not
   * have, so a scan of random paths cannot grow the registry) and status.
   */
  void request(String method, String uri, int status, long nanos) {
    Timer.builder("http.server.requests").description("HTTP requests and their time")
        .tag("method", method).tag("uri", uri).tag("status", Integer.toString(status))
        .serviceLevelObjectives(LATENCY_BUCKETS).register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Every meter, in the Prometheus text format. */
  String scrape() {
    return registry.scrape();
  }
}
