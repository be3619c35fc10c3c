package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.rnn4j.cli.CliRun.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.io.Safetensors;
import org.rnn4j.task.lm.TextGenerator;
import org.rnn4j.tensor.Tensor;

/**
 * The command line as a real process: signals, sudden death and the C locale, which an
 * in-process test cannot show.
 */
class ChildProcessTest {
  private static final List<String> NAMES = TrainingNames.NAMES;

  @TempDir Path dir;

  /** {@code java … org.rnn4j.cli.Main args} with the test's class path, under the C locale. */
  private ProcessBuilder rnn4j(List<String> args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules=jdk.incubator.vector", "-cp", classPath(), Main.class.getName()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());

    pb.environment().put("LANG", "C");
    pb.environment().put("LC_ALL", "C");
    return pb;
  }

  /** The test's class path with every entry absolute: the child runs in another directory. */
  private static String classPath() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      entries.add(Path.of(entry).toAbsolutePath().toString());
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  private List<String> trainArgs(Path data, Path out, String... more) {
    return trainArgs(200, data, out, more);
  }

  private List<String> trainArgs(int epochs, Path data, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--task", "lm", "--data",
        data.toString(), "--out", out.toString(), "--hidden", "32", "--batch", "4",
        "--epochs", Integer.toString(epochs), "--seed", "5"));
    args.addAll(List.of(more));
    return args;
  }

  private static long lines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    } catch (IOException e) {
      return 0; // being written
    }
  }

  @Test
  void standardOutputIsUtf8UnderTheCLocale() throws Exception {
    Path texts = Files.writeString(dir.resolve("texts.jsonl"),
        "{\"text\":\"éclair\"}\n{\"text\":\"naïve\"}\n", StandardCharsets.UTF_8);
    Path model = Path.of("src/test/resources/golden/models/lm.safetensors").toAbsolutePath();
    Process p = rnn4j(List.of("predict", "--json", "--model", model.toString(),
        texts.toString())).redirectError(dir.resolve("err.txt").toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err.txt"))
        + new String(out, StandardCharsets.UTF_8));
    String text = new String(out, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("{\"text\":\"éclair\"") && text.contains("\"text\":\"naïve\""),
        text);
  }

  @Test
  void sigtermWritesACheckpointFromWhichResumeEndsAsAnUnbrokenRun() throws Exception {
    Path data = Files.write(dir.resolve("names.txt"), NAMES);
    Path checkpoint = dir.resolve("run.ckpt");
    Path model = dir.resolve("m.safetensors");
    Path stderr = dir.resolve("stderr.txt");
    Process p = rnn4j(trainArgs(data, model, "--checkpoint", checkpoint.toString()))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (lines(dir.resolve("m.metrics.jsonl.partial")) < 60 && p.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(p.isAlive(), "still training when the signal comes");
    p.destroy(); // SIGTERM
    awaitExit(p, "SIGTERM", stderr);
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    assertEquals(143, p.exitValue(), err);
    assertTrue(err.contains("rnn4j: interrupted after") && err.contains("run the same command"
        + " with --resume"), err);
    assertTrue(Files.exists(checkpoint), "checkpoint written");
    assertFalse(Files.exists(model), "no model from an unfinished run");

    CliRun resumed = run(trainArgs(data, model, "--checkpoint", checkpoint.toString(),
        "--resume").toArray(String[]::new));
    assertEquals(0, resumed.code(), resumed.err());
    assertEquals(0, run(trainArgs(data, dir.resolve("whole.safetensors"))
        .toArray(String[]::new)).code());
    Map<String, Tensor> whole = Safetensors.read(dir.resolve("whole.safetensors")).tensors();
    Map<String, Tensor> continued = Safetensors.read(model).tensors();
    for (Map.Entry<String, Tensor> e : whole.entrySet()) {
      assertArrayEquals(e.getValue().data(), continued.get(e.getKey()).data(), 0f, e.getKey());
    }
  }

  @Test
  void ctrlCWritesTheCheckpointAndSaysHowToResume() throws Exception {
    assumeFalse(sigintIgnored(), "SIGINT is ignored in this process (as in a job a non-interactive"
        + " shell started in the background), so the child would inherit that and never see it");
    Path data = Files.write(dir.resolve("names.txt"), NAMES);
    Path checkpoint = dir.resolve("run.ckpt");
    Path stderr = dir.resolve("stderr.txt");
    // far more epochs than run before the signal: on a busy machine this thread may poll late,
    // and a run that had already finished would have nothing left to interrupt
    Process p = rnn4j(trainArgs(20_000, data, dir.resolve("m.safetensors"), "--checkpoint",
        checkpoint.toString())).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(stderr.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (lines(dir.resolve("m.metrics.jsonl.partial")) < 30 && p.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(p.isAlive(), "still training when the signal comes");
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
    assertEquals(0, kill.waitFor());
    awaitExit(p, "SIGINT", stderr);
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    assertEquals(130, p.exitValue(), err);
    assertTrue(err.contains("rnn4j: stopping after the current step")
        && err.contains("run the same command with --resume"), err);
    assertTrue(Files.exists(checkpoint));
  }

  @Test
  void killedAtAnyMomentTheRunLeavesAWholeModelAndACheckpointThatResumes() throws Exception {
    Path data = Files.write(dir.resolve("names.txt"), NAMES);
    Path model = dir.resolve("m.safetensors");
    assertEquals(0, run(trainArgs(1, data, model).toArray(String[]::new)).code());
    byte[] previous = Files.readAllBytes(model);
    Path checkpoint = dir.resolve("run.ckpt");
    SplittableRandom rng = new SplittableRandom(11);
    for (int kill = 0; kill < 6; kill++) {
      List<String> args = trainArgs(data, model, "--checkpoint", checkpoint.toString());
      if (Files.exists(checkpoint)) {
        args.add("--resume");
      }
      Process p = rnn4j(args).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      Thread.sleep(rng.nextInt(300, 2500));
      p.destroyForcibly(); // SIGKILL
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      if (p.exitValue() == 0) {
        break; // it finished first: the new model replaced the old one whole
      }
      byte[] now = Files.readAllBytes(model);
      if (!java.util.Arrays.equals(previous, now)) { // killed after the new model was saved
        TextGenerator.load(model); // whole, never half written
        previous = now;
      }
      if (Files.exists(checkpoint)) {
        Safetensors.read(checkpoint); // a whole, valid file
      }
    }
    TextGenerator.load(model);
    List<String> last = trainArgs(data, model, "--checkpoint", checkpoint.toString());
    if (Files.exists(checkpoint)) {
      last.add("--resume");
    }
    CliRun finish = run(last.toArray(String[]::new));
    assertEquals(0, finish.code(), finish.err());
    TextGenerator.load(model);
  }

  /**
   * Waits up to 60 s for a signalled run to end; else kills it and fails with its standard error
   * so far.
   */
  private static void awaitExit(Process p, String signal, Path stderr) throws Exception {
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      fail("still running 60 s after " + signal + "; its standard error so far:\n"
          + Files.readString(stderr, StandardCharsets.UTF_8));
    }
  }

  /**
   * Whether this process ignores SIGINT ({@code SigIgn} in /proc/self/status, bit 1): an ignored
   * signal stays ignored across exec, and the JVM then installs no handler for it.
   */
  private static boolean sigintIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0;
      }
    }
    return false;
  }
}
