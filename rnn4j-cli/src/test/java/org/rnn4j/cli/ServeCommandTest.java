package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.cli.CliRun.run;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rnn4j serve}: its options, and a real server process stopped by SIGTERM. */
class ServeCommandTest {
  private static final Path MODEL =
      Path.of("src/test/resources/golden/models/classify.safetensors").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void badSettingsAreUsageErrorsNamingTheOption() {
    CliRun zero = run("serve", "--model", MODEL.toString(), "--max-batch", "0");
    assertEquals(2, zero.code(), zero.err());
    assertTrue(zero.err().contains("--max-batch must be ≥ 1, got 0"), zero.err());
    CliRun window = run("serve", "--model", MODEL.toString(), "--batch-window-ms", "-3");
    assertEquals(2, window.code(), window.err());
    assertTrue(window.err().contains("--batch-window-ms must be a number of milliseconds ≥ 0"),
        window.err());
    CliRun missing = run("serve", "--model", "nowhere.safetensors");
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("nowhere.safetensors: not found"), missing.err());
  }

  @Test
  void sigtermLetsTheRequestInFlightFinishThenExits() throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules=jdk.incubator.vector", "-cp", classPath(), Main.class.getName(),
        "serve", "--model", MODEL.toString(), "--port", "0", "--batch-window-ms", "1500"));
    Path stderr = dir.resolve("stderr.txt");
    Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(stderr.toFile()).start();
    URI base = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (base == null && p.isAlive() && System.nanoTime() < deadline) {
      Matcher m = Pattern.compile("at (http://\\S+/) ").matcher(Files.readString(stderr));
      if (m.find()) {
        base = URI.create(m.group(1));
      } else {
        Thread.sleep(20);
      }
    }
    assertTrue(base != null, "the server says where it listens: " + Files.readString(stderr));
    HttpClient client = HttpClient.newHttpClient();
    CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
        HttpRequest.newBuilder(base.resolve("/v1/classify"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"superb cast\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    Thread.sleep(400); // the request waits in its 1.5 s batch window
    p.destroy(); // SIGTERM
    HttpResponse<String> reply = inFlight.get(30, TimeUnit.SECONDS);
    assertEquals(200, reply.statusCode(), reply.body());
    assertTrue(reply.body().contains("\"label\""), reply.body());
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    String said = Files.readString(stderr);
    assertEquals(143, p.exitValue(), said);
    assertTrue(said.contains("rnn4j serve: stopping") && said.contains("rnn4j serve: stopped"),
        said);
  }

  private static String classPath() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      entries.add(Path.of(entry).toAbsolutePath().toString());
    }
    return String.join(File.pathSeparator, entries);
  }
}
