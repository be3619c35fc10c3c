package org.rnn4j.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.task.TaskModel;

/**
 * A trained model behind a JSON-over-HTTP API, on the JDK's own HTTP server ({@code
 * com.sun.net.httpserver}).
 *
 * <pre>
 * GET  /              the playground page
 * GET  /health        {"status": "ok", "task": …}; 503 while stopping
 * GET  /metrics       Prometheus text format (Micrometer)
 * GET  /v1/model      the task, its operations, labels or names, limits and batching
 * POST /v1/classify   classify models      POST /v1/tag        tag models
 * POST /v1/generate   lm models            POST /v1/score      lm models
 * POST /v1/translate  seq2seq models       POST /v1/forecast   forecast models
 * </pre>
 *
 * <p>Each request's inputs go through a {@link MicroBatcher}, so concurrent requests share batches.
 * Errors are JSON ({@link ApiException}): 400 naming the field, 404, 405, 413 over a limit, 503
 * when overloaded (more than {@link ServeConfig#maxConcurrentRequests()} requests, or a full
 * queue), while stopping, or past the timeout. {@link #stop()} lets requests in flight finish.
 *
 * <pre>{@code
 * try (ModelServer server = ModelServer.start(Path.of("clf.safetensors"), ServeConfig.DEFAULTS)) {
 *   System.out.println("listening on " + server.uri());
 *   server.awaitStop();
 * }
 * }</pre>
 */
public final class ModelServer implements AutoCloseable {
  private static final String JSON_TYPE = "application/json; charset=utf-8";

  private final ServeConfig config;
  private final String source;
  private final ModelApi api;
  private final Map<String, Route> routes = new LinkedHashMap<>();
  private final ServerMetrics metrics;
  private final MicroBatcher batcher;
  private final HttpServer http;
  private final ExecutorService handlers;
  private final Semaphore admission;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean draining;

  private ModelServer(TaskModel model, String source, ServeConfig config) throws IOException {
    this.config = config;
    this.source = source;
    this.metrics = new ServerMetrics();
    this.batcher = new MicroBatcher(config.workers(), config.batchWindow(), config.maxBatch(),
        config.maxQueue(), metrics.registry());
    this.api = ModelApis.of(model, config, new BatchCalls(batcher, config.timeout()));
    api.routes().forEach(r -> routes.put(r.path(), r));
    this.admission = new Semaphore(config.maxConcurrentRequests());
    metrics.registry().gauge("rnn4j.requests.in.flight", inFlight);
    // A client that sends its request slowly holds a thread: give it at most the timeout.
    setIfAbsent("sun.net.httpserver.maxReqTime", Long.toString(Math.max(1,
        config.timeout().toSeconds())));
    // Headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm holds
    // the body until the client's delayed ACK, 40 ms on Linux, for every response.
    setIfAbsent("sun.net.httpserver.nodelay", "true");
    this.http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 128);
    // Threads beyond the admission limit answer 503 at once instead of queueing.
    this.handlers = Executors.newFixedThreadPool(config.maxConcurrentRequests() + 8,
        daemonThreads("rnn4j-http-"));
    http.setExecutor(handlers);
    http.createContext("/", this::handle);
    http.start();
  }

  /** The JDK's HTTP server reads its settings from system properties, once. */
  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  /**
   * Loads a model file of any family and starts serving it.
   *
   * @param model the model file
   * @param config where to listen, batching and limits
   * @return the running server
   * @throws IOException if the model cannot be read or the address cannot be bound
   */
  public static ModelServer start(Path model, ServeConfig config) throws IOException {
    return start(TaskFamilies.load(model), model.getFileName().toString(), config);
  }

  /**
   * Starts serving a loaded model.
   *
   * @param model a model from {@link TaskFamilies#load} or a family's inference class
   * @param source what to call it in {@code /health} and {@code /v1/model}, e.g. its file name
   * @param config where to listen, batching and limits
   * @return the running server
   * @throws IOException if the address cannot be bound
   */
  public static ModelServer start(TaskModel model, String source, ServeConfig config)
      throws IOException {
    return new ModelServer(model, source, config);
  }

  /** The address the server listens on (the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return http.getAddress();
  }

  /** {@code http://host:port/}. */
  public URI uri() {
    InetSocketAddress a = address();
    return URI.create("http://" + hostForUri(config.host()) + ":" + a.getPort() + "/");
  }

  private static String hostForUri(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** The task family of the model served. */
  public String task() {
    return api.task();
  }

  /** Blocks until {@link #stop()} has finished. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /**
   * Stops gracefully: new requests get 503, requests in flight finish (up to {@link
   * ServeConfig#shutdownGrace()}), then the listener closes and the batch workers stop.
   */
  public void stop() {
    if (stopped.getCount() == 0) {
      return;
    }
    draining = true;
    long end = System.nanoTime() + config.shutdownGrace().toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < end) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    http.stop(0);
    batcher.close();
    try {
      batcher.awaitTermination(Duration.ofSeconds(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    handlers.shutdownNow();
    stopped.countDown();
  }

  @Override
  public void close() {
    stop();
  }

  private void handle(HttpExchange exchange) throws IOException {
    inFlight.incrementAndGet();
    long start = System.nanoTime();
    String path = exchange.getRequestURI().getPath();
    String uri = "unknown";
    int status = 500;
    try {
      Response response;
      try {
        Route route = routes.get(path);
        uri = route != null || isKnownGet(path) ? path : "unknown";
        response = route != null ? api(exchange, route) : get(exchange, path);
      } catch (ApiException e) {
        response = Response.json(e.status(), e.toJson());
      } catch (RuntimeException e) {
        System.err.println("rnn4j serve: " + exchange.getRequestMethod() + " " + path
            + " failed: " + e);
        response = Response.json(500, new ApiException(500, null, "internal error: "
            + e.getMessage()).toJson());
      }
      status = response.status();
      send(exchange, response);
    } finally {
      inFlight.decrementAndGet();
      metrics.request(exchange.getRequestMethod(), uri, status, System.nanoTime() - start);
      exchange.close();
    }
  }

  private Response api(HttpExchange exchange, Route route) throws IOException {
    requireMethod(exchange, "POST");
    if (draining) {
      throw ApiException.unavailable("the server is shutting down");
    }
    if (!admission.tryAcquire()) {
      throw ApiException.unavailable("overloaded: " + config.maxConcurrentRequests()
          + " requests are in progress (the limit); try again shortly");
    }
    try {
      JsonRequest request = JsonRequest.parse(body(exchange));
      return Response.json(200, route.handler().apply(request));
    } finally {
      admission.release();
    }
  }

  private byte[] body(HttpExchange exchange) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    int max = config.maxBodyBytes();
    if (length != null) {
      long declared;
      try {
        declared = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("Content-Length", "expected a number, got " + length);
      }
      if (declared > max) {
        throw ApiException.tooLarge("body", "at most " + max + " bytes, got " + declared);
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(max + 1);
      if (bytes.length > max) {
        throw ApiException.tooLarge("body", "at most " + max + " bytes, got more");
      }
      return bytes;
    }
  }

  private static boolean isKnownGet(String path) {
    return path.equals("/health") || path.equals("/metrics") || path.equals("/v1/model")
        || Playground.has(path);
  }

  private Response get(HttpExchange exchange, String path) {
    if (!isKnownGet(path)) {
      throw new ApiException(ApiException.NOT_FOUND, null, "no such path: " + path + "; the"
          + " operations of this " + api.task() + " model are " + String.join(", ",
              routes.keySet()) + " (GET /v1/model describes them)");
    }
    requireMethod(exchange, "GET");
    return switch (path) {
      case "/health" -> health();
      case "/metrics" -> new Response(200, "text/plain; version=0.0.4; charset=utf-8",
          metrics.scrape().getBytes(StandardCharsets.UTF_8));
      case "/v1/model" -> Response.json(200, describe());
      default -> Playground.get(path);
    };
  }

  private static void requireMethod(HttpExchange exchange, String method) {
    if (!exchange.getRequestMethod().equals(method)) {
      exchange.getResponseHeaders().set("Allow", method);
      throw new ApiException(ApiException.METHOD_NOT_ALLOWED, null, exchange.getRequestMethod()
          + " " + exchange.getRequestURI().getPath() + ": only " + method + " is allowed here");
    }
  }

  private Response health() {
    ObjectNode n = JsonRequest.JSON.createObjectNode()
        .put("status", draining ? "stopping" : "ok").put("task", api.task())
        .put("model", source).put("in_flight", inFlight.get() - 1)
        .put("queued", batcher.waiting());
    return Response.json(draining ? ApiException.UNAVAILABLE : 200, n);
  }

  private ObjectNode describe() {
    ObjectNode n = JsonRequest.JSON.createObjectNode().put("task", api.task())
        .put("model", source);
    ArrayNode operations = n.putArray("operations");
    routes.keySet().forEach(operations::add);
    api.describe(n);
    n.putObject("limits").put("max_body_bytes", config.maxBodyBytes())
        .put("max_texts", config.maxTexts()).put("max_tokens", config.maxTokens())
        .put("max_new_tokens", config.maxNewTokens()).put("max_beam", config.maxBeam())
        .put("max_horizon", config.maxHorizon()).put("timeout_ms", config.timeout().toMillis());
    n.putObject("batching").put("window_ms", config.batchWindow().toNanos() / 1e6)
        .put("max_batch", config.maxBatch()).put("workers", config.workers());
    return n;
  }

  private void send(HttpExchange exchange, Response response) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    if (response.status() == ApiException.UNAVAILABLE) {
      exchange.getResponseHeaders().set("Retry-After", "1");
    }
    if (draining || response.status() == ApiException.TOO_LARGE) {
      exchange.getResponseHeaders().set("Connection", "close"); // the body may be unread
    }
    exchange.sendResponseHeaders(response.status(), response.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(response.body());
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.getAndIncrement());
      t.setDaemon(true);
      return t;
    };
  }

  /** A response: status, content type and body. */
  record Response(int status, String contentType, byte[] body) {
    static Response json(int status, ObjectNode body) {
      return new Response(status, JSON_TYPE, (body.toString() + "\n")
          .getBytes(StandardCharsets.UTF_8));
    }

    /** Used by {@link Playground} for its files. */
    static Response of(String contentType, byte[] body) {
      return new Response(200, contentType, body);
    }
  }
}
