package org.rnn4j.spark.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rnn4j.io.Safetensors;
import org.rnn4j.spark.TestSpark;
import org.rnn4j.spark.job.SyntheticReviews;
import org.rnn4j.task.classify.ClassPrediction;
import org.rnn4j.task.classify.TextClassifier;
import org.rnn4j.tensor.Tensor;

/**
 * A real cluster on one machine: tools/spark-cluster starts a standalone master and two workers
 * as separate JVMs on 127.0.0.1; the shaded job jar goes in through spark-submit's entry point;
 * its predictions equal the single-machine ones; a training run during which one worker and its
 * executor are killed ends with the very weights of an undisturbed run, Spark having recomputed
 * the lost partitions and retried the lost tasks. Run with {@code mvn -B verify -pl rnn4j-spark
 * -am -Pspark-cluster}.
 */
@Tag("spark-cluster")
class StandaloneClusterIT {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path SCRIPT = ROOT.resolve("tools/spark-cluster");
  private static Path work;

  @BeforeAll
  static void start() throws Exception {
    work = Files.createTempDirectory("rnn4j-cluster-it");
    Process p = script("start").inheritIO().start();
    assertEquals(0, wait(p, 180), "tools/spark-cluster start");
  }

  @AfterAll
  static void stop() throws Exception {
    wait(script("stop").inheritIO().start(), 120);
  }

  private static ProcessBuilder script(String... args) {
    List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
    pb.environment().put("SPARK_CLUSTER_DIR", ROOT.resolve("rnn4j-spark/target/spark-cluster-it")
        .toString());
    return pb;
  }

  private static int wait(Process p, int seconds) throws InterruptedException {
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out after " + seconds + " s: " + p.info().commandLine()
          .orElse("?"));
    }
    return p.exitValue();
  }

  /** Submits a job, its output going to {@code log}; returns the running spark-submit. */
  private static Process submit(Path log, String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("submit"));
    all.addAll(List.of(args));
    return script(all.toArray(String[]::new)).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
  }

  @Test
  void predictionsOnTheClusterEqualTheSingleMachineOnes() throws Exception {
    Path model = TestSpark.model("classify");
    List<String> texts = TestSpark.lines("texts.txt");
    Path input = Files.write(work.resolve("texts.txt"), texts);
    Path output = work.resolve("predictions.jsonl");
    Path log = work.resolve("predict.log");
    Process p = submit(log, "predict", "--model", model.toString(), "--input", input.toString(),
        "--output", output.toString(), "--partitions", "3", "--batch", "2");
    assertEquals(0, wait(p, 300), Files.readString(log));
    List<ClassPrediction> expected = TextClassifier.load(model).predict(texts);
    List<String> lines = Files.readAllLines(output);
    assertEquals(texts.size(), lines.size());
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < texts.size(); i++) {
      JsonNode row = json.readTree(lines.get(i));
      assertEquals(texts.get(i), row.get("value").asText());
      assertEquals(expected.get(i).label(), row.get("prediction").get("label").asText());
      assertEquals(expected.get(i).probability(),
          row.get("prediction").get("probability").floatValue());
    }
  }

  @Test
  void trainingWithAWorkerKilledMidJobEndsWithTheWeightsOfAnUndisturbedRun() throws Exception {
    Path data = SyntheticReviews.writeCsv(SyntheticReviews.make(1000, 1),
        work.resolve("reviews.csv"));
    Path undisturbed = work.resolve("undisturbed.safetensors");
    Path disturbed = work.resolve("disturbed.safetensors");
    Path log = work.resolve("train.log");
    String[] args = {"train", "--data", data.toString(), "--text", "review", "--label",
        "sentiment", "--partitions", "4", "--epochs", "3", "--batch", "32", "--embedding", "8",
        "--hidden", "16", "--seed", "3", "--out"};
    assertEquals(0, wait(submit(log, concat(args, undisturbed.toString())), 600),
        Files.readString(log));

    Path killedLog = work.resolve("train-killed.log");
    Process p = submit(killedLog, concat(args, disturbed.toString()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (!Files.readString(killedLog).contains("epoch 1/3") && p.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertTrue(p.isAlive(), "the job is still running when the worker is killed: "
        + Files.readString(killedLog));
    assertEquals(0, wait(script("kill-worker", "2").inheritIO().start(), 60));
    assertEquals(0, wait(p, 600), Files.readString(killedLog));
    String out = Files.readString(killedLog);
    assertTrue(out.contains("Lost executor"), "Spark saw the executor go: " + out);

    Map<String, Tensor> a = Safetensors.read(undisturbed).tensors();
    Map<String, Tensor> b = Safetensors.read(disturbed).tensors();
    assertEquals(a.keySet(), b.keySet());
    for (String name : a.keySet()) {
      assertArrayEquals(a.get(name).data(), b.get(name).data(), name);
    }
  }

  private static String[] concat(String[] head, String last) {
    String[] all = java.util.Arrays.copyOf(head, head.length + 1);
    all[head.length] = last;
    return all;
  }
}
