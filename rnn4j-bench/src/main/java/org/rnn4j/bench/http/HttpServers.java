package org.rnn4j.bench.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.Executors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP server candidates for {@code rnn4j serve}, each answering the same JSON request with
 * the same work, so that a load generator (bench/serve-load) measures what the server itself
 * costs per request: the JDK's {@code com.sun.net.httpserver} (what rnn4j-serve uses) and Jetty
 * 12.
 *
 * <pre>
 * java -cp rnn4j-bench/target/benchmarks.jar org.rnn4j.bench.http.HttpServers jdk|jetty PORT
 * POST /echo {"texts": [...]}  →  {"texts": n, "chars": total characters}
 * </pre>
 *
 * Both run their handlers on a pool of 264 threads, as rnn4j serve's default does (256 requests
 * at once, and 8 threads more to refuse the rest).
 */
public final class HttpServers {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int THREADS = 264;

  private HttpServers() {}

  /** The work of one request: parse the JSON body, answer a small JSON object. */
  static byte[] answer(byte[] body) throws IOException {
    JsonNode request = JSON.readTree(body);
    int chars = 0;
    for (JsonNode text : request.path("texts")) {
      chars += text.asText().length();
    }
    return JSON.createObjectNode().put("texts", request.path("texts").size()).put("chars", chars)
        .toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2 || !(args[0].equals("jdk") || args[0].equals("jetty"))) {
      System.err.println("usage: HttpServers jdk|jetty PORT");
      System.exit(2);
    }
    int port = Integer.parseInt(args[1]);
    if (args[0].equals("jdk")) {
      jdk(port);
    } else {
      jetty(port);
    }
    System.err.println(args[0] + " server on http://127.0.0.1:" + port + "/echo");
    Thread.currentThread().join();
  }

  private static void jdk(int port) throws IOException {
    // as rnn4j serve sets it: without TCP_NODELAY every response waits 40 ms for a delayed ACK
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
    server.setExecutor(Executors.newFixedThreadPool(THREADS));
    server.createContext("/echo", exchange -> {
      byte[] out;
      try (InputStream in = exchange.getRequestBody()) {
        out = answer(in.readAllBytes());
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(200, out.length);
      try (OutputStream o = exchange.getResponseBody()) {
        o.write(out);
      }
    });
    server.start();
  }

  private static void jetty(int port) throws Exception {
    Server server = new Server(new QueuedThreadPool(THREADS));
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback)
          throws Exception {
        byte[] out;
        try (InputStream in = Content.Source.asInputStream(request)) {
          out = answer(in.readAllBytes());
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(out), callback);
        return true;
      }
    });
    server.start();
  }
}
