package org.rnn4j.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The playground page: plain HTML, CSS and JavaScript served from the jar. It asks {@code
 * /v1/model} what the model is and shows the form of its family.
 */
final class Playground {
  private static final String DIR = "/org/rnn4j/serve/playground/";
  private static final Map<String, String> FILES = Map.of(
      "/", "index.html",
      "/index.html", "index.html",
      "/playground.js", "playground.js",
      "/playground.css", "playground.css");

  private Playground() {}

  static boolean has(String path) {
    return FILES.containsKey(path);
  }

  static ModelServer.Response get(String path) {
    String name = FILES.get(path);
    try (InputStream in = Playground.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + DIR + name);
      }
      return ModelServer.Response.of(type(name), in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String type(String name) {
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    return "text/css; charset=utf-8";
  }
}
