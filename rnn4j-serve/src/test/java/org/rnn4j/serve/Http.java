package org.rnn4j.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A test client of a {@link ModelServer}: JSON in, status and JSON out. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;

  /** A response: its status, headers' Retry-After, and body as JSON (or text). */
  record Reply(int status, String body, String retryAfter) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    /** The field an error names. */
    String field() {
      return json().path("error").path("field").asText(null);
    }
  }

  Http(URI base) {
    this.base = base;
  }

  Reply get(String path) throws IOException, InterruptedException {
    return reply(client.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
  }

  Reply post(String path, String body) throws IOException, InterruptedException {
    return reply(client.send(request(path, body), HttpResponse.BodyHandlers.ofString(
        StandardCharsets.UTF_8)));
  }

  Reply post(String path, JsonNode body) throws IOException, InterruptedException {
    return post(path, body.toString());
  }

  CompletableFuture<Reply> postAsync(String path, String body) {
    return client.sendAsync(request(path, body), HttpResponse.BodyHandlers.ofString(
        StandardCharsets.UTF_8)).thenApply(Http::reply);
  }

  private HttpRequest request(String path, String body) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
  }

  private static Reply reply(HttpResponse<String> r) {
    return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Retry-After")
        .orElse(null));
  }
}
