package org.rnn4j.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rnn4j.task.classify.TextClassifier;

/** Errors, limits, overload, timeouts, batching under load, metrics and a graceful stop. */
class ServerBehaviourTest {
  private static final ServeConfig LOCAL = ServeConfig.DEFAULTS.withAddress("127.0.0.1", 0);

  /** LOCAL with a few settings changed. */
  private static ServeConfig config(int maxConcurrent, Duration timeout, int maxBodyBytes,
      int maxTexts, int maxTokens) {
    ServeConfig d = LOCAL;
    return new ServeConfig(d.host(), d.port(), d.workers(), d.batchWindow(), d.maxBatch(),
        d.maxQueue(), maxConcurrent, timeout, maxBodyBytes, maxTexts, maxTokens,
        d.maxNewTokens(), d.maxBeam(), d.maxHorizon(), d.shutdownGrace());
  }

  private static void assertError(Http.Reply r, int status, String field, String inMessage) {
    assertEquals(status, r.status(), r.body());
    assertEquals(field, r.field(), r.body());
    String message = r.json().get("error").get("message").asText();
    assertTrue(message.contains(inMessage), message);
  }

  @Test
  void badRequestsGet400NamingTheField() throws Exception {
    try (ModelServer lm = ModelServer.start(Models.of("lm"), LOCAL);
        ModelServer seq = ModelServer.start(Models.of("seq2seq"), LOCAL);
        ModelServer fc = ModelServer.start(Models.of("forecast"), LOCAL);
        ModelServer tag = ModelServer.start(Models.of("tag"), LOCAL)) {
      Http l = new Http(lm.uri());
      assertError(l.post("/v1/generate", "{\"temperature\": \"hot\"}"), 400, "temperature",
          "expected a number");
      assertError(l.post("/v1/generate", "{\"top_k\": 0}"), 400, "top_k", "got 0");
      assertError(l.post("/v1/generate", "{\"max_tokens\": 5000}"), 400, "max_tokens",
          "1 … 1000");
      assertError(l.post("/v1/generate", "{\"greedy\": true, \"temperature\": 2}"), 400,
          "temperature", "greedy");
      assertError(l.post("/v1/generate", "{\"temprature\": 2}"), 400, "temprature",
          "unknown field");
      assertError(l.post("/v1/score", "{\"texts\": []}"), 400, "texts", "at least one");
      assertError(l.post("/v1/score", "{}"), 400, "texts", "missing");
      assertError(l.post("/v1/score", "[1, 2]"), 400, "body", "expected a JSON object");
      assertError(l.post("/v1/score", "{\"texts\": [\"a\"], \"texts\": [\"b\"]}"), 400, "body",
          "Duplicate field");
      Http s = new Http(seq.uri());
      assertError(s.post("/v1/translate", "{\"text\": \"c d\", \"beam\": 17}"), 400, "beam",
          "1 … 16");
      assertError(s.post("/v1/translate", "{\"text\": \"c d\", \"alpha\": -1}"), 400, "alpha",
          "got -1");
      Http f = new Http(fc.uri());
      assertError(f.post("/v1/forecast", "{\"history\": [1, \"x\", 3]}"), 400, "history[1]",
          "finite number");
      assertError(f.post("/v1/forecast", "{\"history\": [[1, 2], [3, 4]]}"), 400, "history[0]",
          "row of 1");
      assertError(f.post("/v1/forecast", "{\"history\": [1, 2, 3], \"steps\": 1001}"), 400,
          "steps", "1 … 1000");
      assertError(f.post("/v1/forecast", "{\"histories\": [[1, 2, 3, 4], [5]]}"), 400,
          "histories[1]", ""); // the model needs more than its differencing lag
      Http t = new Http(tag.uri());
      assertError(t.post("/v1/tag", "{\"tokens\": [[\"two words\"]]}"), 400, "tokens[0][0]",
          "without whitespace");
    }
  }

  @Test
  void oneBadHistoryFailsItsRequestButNotTheOthersInItsBatch() throws Exception {
    ServeConfig slow = LOCAL.withBatching(Duration.ofMillis(300), 32);
    try (ModelServer fc = ModelServer.start(Models.of("forecast"), slow)) {
      Http f = new Http(fc.uri());
      CompletableFuture<Http.Reply> good = f.postAsync("/v1/forecast",
          "{\"history\": [1, 2, 3, 4, 5, 6, 7, 8]}");
      CompletableFuture<Http.Reply> bad = f.postAsync("/v1/forecast", "{\"history\": [5]}");
      assertEquals(200, good.get(30, TimeUnit.SECONDS).status(), good.get().body());
      assertEquals(400, bad.get(30, TimeUnit.SECONDS).status(), bad.get().body());
      assertEquals("history", bad.get().field());
    }
  }

  @Test
  void oversizedRequestsGet413NamingWhatIsTooLarge() throws Exception {
    try (ModelServer server = ModelServer.start(Models.of("classify"),
        config(256, Duration.ofSeconds(30), 2000, 3, 5))) {
      Http http = new Http(server.uri());
      assertError(http.post("/v1/classify", "{\"text\": \"" + "a".repeat(3000) + "\"}"), 413,
          "body", "at most 2000 bytes");
      assertError(http.post("/v1/classify", "{\"texts\": [\"a\", \"b\", \"c\", \"d\"]}"), 413,
          "texts", "at most 3 elements");
      assertError(http.post("/v1/classify", "{\"texts\": [\"a\", \"a b c d e f\"]}"), 413,
          "texts[1]", "at most 5 tokens per text, got 6");
      assertEquals(200, http.post("/v1/classify", "{\"text\": \"a b c d e\"}").status());
    }
  }

  @Test
  void overloadGets503WithRetryAfterAndATimeoutGets503() throws Exception {
    ServeConfig one = config(1, Duration.ofSeconds(30), 1 << 20, 64, 1000)
        .withBatching(Duration.ofMillis(1500), 32);
    try (ModelServer server = ModelServer.start(Models.of("classify"), one)) {
      Http http = new Http(server.uri());
      CompletableFuture<Http.Reply> first = http.postAsync("/v1/classify", "{\"text\": \"a\"}");
      Thread.sleep(300); // the first waits in its batch window, holding the only slot
      Http.Reply second = http.post("/v1/classify", "{\"text\": \"b\"}");
      assertError(second, 503, null, "overloaded");
      assertEquals("1", second.retryAfter());
      assertEquals(200, first.get(30, TimeUnit.SECONDS).status());
      assertEquals(200, http.get("/health").status(), "health is not subject to the limit");
    }
    ServeConfig impatient = config(256, Duration.ofMillis(200), 1 << 20, 64, 1000)
        .withBatching(Duration.ofSeconds(5), 32);
    try (ModelServer server = ModelServer.start(Models.of("classify"), impatient)) {
      assertError(new Http(server.uri()).post("/v1/classify", "{\"text\": \"a\"}"), 503, null,
          "timed out");
    }
  }

  @Test
  void unknownPathsAndWrongMethodsGet404And405() throws Exception {
    try (ModelServer server = ModelServer.start(Models.of("classify"), LOCAL)) {
      Http http = new Http(server.uri());
      assertError(http.get("/v1/classfy"), 404, null, "/v1/classify");
      assertError(http.post("/v1/translate", "{}"), 404, null, "classify model");
      assertError(http.get("/v1/classify"), 405, null, "only POST");
      assertError(http.post("/health", "{}"), 405, null, "only GET");
    }
  }

  @Test
  void concurrentRequestsShareBatchesAndGetTheirOwnResults() throws Exception {
    TextClassifier classifier = TextClassifier.load(Models.of("classify"));
    String[] words = {"film", "story", "quite", "a", "very", "awful", "dull", "superb", "cast",
        "weak", "plot"};
    ServeConfig batching = LOCAL.withBatching(Duration.ofMillis(20), 32);
    ExecutorService clients = Executors.newFixedThreadPool(16);
    try (ModelServer server = ModelServer.start(Models.of("classify"), batching)) {
      Http http = new Http(server.uri());
      List<Future<Boolean>> results = new ArrayList<>();
      for (int c = 0; c < 16; c++) {
        int client = c;
        results.add(clients.submit(() -> {
          for (int i = 0; i < 10; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w <= (client * 7 + i) % 9; w++) {
              text.append(words[(client + i * 3 + w * 5) % words.length]).append(' ');
            }
            String t = text.toString().strip();
            Http.Reply r = http.post("/v1/classify", "{\"text\": \"" + t + "\"}");
            String label = r.json().get("predictions").get(0).get("label").asText();
            float p = r.json().get("predictions").get(0).get("probability").floatValue();
            if (r.status() != 200 || !label.equals(classifier.predict(t).label())
                || p != classifier.predict(t).probability()) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : results) {
        assertTrue(f.get(60, TimeUnit.SECONDS), "every reply equals the classifier's own");
      }
      String metrics = http.get("/metrics").body();
      double batches = metric(metrics, "rnn4j_batch_size_count");
      double items = metric(metrics, "rnn4j_batch_size_sum");
      assertEquals(160, items, metrics);
      assertTrue(batches < 160, "requests shared batches: " + batches + " batches");
      assertTrue(metric(metrics, "http_server_requests_seconds_count{method=\"POST\",status=\"200\","
          + "uri=\"/v1/classify\"}") == 160, metrics);
    } finally {
      clients.shutdownNow();
    }
  }

  private static double metric(String scrape, String name) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? (\\S+)$")
        .matcher(scrape);
    assertTrue(m.find(), name + " in " + scrape);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void healthModelAndMetricsDescribeTheServer() throws Exception {
    try (ModelServer server = ModelServer.start(Models.of("lm"), LOCAL)) {
      Http http = new Http(server.uri());
      Http.Reply health = http.get("/health");
      assertEquals(200, health.status());
      assertEquals("ok", health.json().get("status").asText());
      assertEquals("lm", health.json().get("task").asText());
      Http.Reply model = http.get("/v1/model");
      assertEquals("[\"/v1/generate\",\"/v1/score\"]", model.json().get("operations").toString());
      assertEquals(16, model.json().get("limits").get("max_beam").asInt());
      http.post("/v1/score", "{\"text\": \"abc\"}");
      String metrics = http.get("/metrics").body();
      for (String name : List.of("http_server_requests_seconds_bucket", "rnn4j_batch_size_count",
          "rnn4j_queue_wait_seconds_count", "rnn4j_queue_items", "rnn4j_requests_in_flight",
          "jvm_memory_used_bytes")) {
        assertTrue(metrics.contains(name), name + " in /metrics");
      }
      Http.Reply page = http.get("/");
      assertEquals(200, page.status());
      assertTrue(page.body().contains("<html") || page.body().contains("<!doctype"), page.body());
    }
  }

  @Test
  void stoppingLetsRequestsInFlightFinishAndThenRefusesConnections() throws Exception {
    ServeConfig slow = LOCAL.withBatching(Duration.ofMillis(800), 32);
    ModelServer server = ModelServer.start(Models.of("classify"), slow);
    Http http = new Http(server.uri());
    CompletableFuture<Http.Reply> inFlight = http.postAsync("/v1/classify",
        "{\"text\": \"superb cast\"}");
    Thread.sleep(200);
    Thread stopper = new Thread(server::stop);
    stopper.start();
    Http.Reply reply = inFlight.get(30, TimeUnit.SECONDS);
    assertEquals(200, reply.status(), reply.body());
    assertNotNull(reply.json().get("predictions"));
    stopper.join(30_000);
    server.awaitStop();
    assertThrows(ConnectException.class, () -> {
      try {
        http.get("/health");
      } catch (IOException e) {
        throw e instanceof ConnectException ? e : (e.getCause() instanceof ConnectException c
            ? c : e);
      }
    });
  }
}
