package org.rnn4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The one local[2] Spark session of the test JVM (the first start costs seconds, later ones
 * nothing), listening on loopback only, and the test resources.
 */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  /** The shared session: local[2], no UI, driver on 127.0.0.1. */
  public static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2]")
          .appName("rnn4j-spark-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.default.parallelism", "2")
          .getOrCreate();
    }
    return session;
  }

  /** A model of the family on the test class path ({@code models/FAMILY.safetensors}). */
  public static Path model(String family) {
    return resource("/models/" + family + ".safetensors");
  }

  /** An input file on the test class path ({@code inputs/NAME}). */
  public static Path input(String name) {
    return resource("/inputs/" + name);
  }

  /** The non-blank lines of an input file. */
  public static List<String> lines(String name) {
    try {
      return Files.readAllLines(input(name)).stream().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path resource(String name) {
    try {
      return Path.of(TestSpark.class.getResource(name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("no test resource " + name, e);
    }
  }
}
