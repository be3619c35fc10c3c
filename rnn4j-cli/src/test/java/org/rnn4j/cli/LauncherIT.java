package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/rnn4j}, the launcher, run as a user runs it on the packaged jar: it drops the JVM's
 * one line about the incubator module and nothing else from standard error, keeps standard output
 * and the exit codes as they are, passes SIGTERM and SIGINT on, so that a signal stops training
 * as cleanly as without the launcher, starts the JVM with the JIT option the kernels' speed
 * depends on, and picks the JDK: 25 or later when one is found, the user's when named. Run by
 * Failsafe after {@code package}.
 */
class LauncherIT {
  private static final Path ROOT = Path.of(System.getProperty("rnn4j.root", "..")).normalize()
      .toAbsolutePath();
  private static final String WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

  @TempDir Path dir;

  /** One finished run: exit code and both streams. */
  private record Run(int code, String out, String err) {}

  private ProcessBuilder launcher(List<String> prefix, String... args) {
    assertTrue(Files.exists(ROOT.resolve("rnn4j-cli/target/rnn4j.jar")), "packaged first");
    List<String> command = new ArrayList<>(prefix);
    command.add(ROOT.resolve("bin/rnn4j").toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().remove("RNN4J_SHOW_JVM_WARNING");
    return pb;
  }

  private Run run(String... args) throws Exception {
    return run(launcher(List.of(), args));
  }

  private Run run(ProcessBuilder pb) throws Exception {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void theIncubatorWarningIsDroppedAndTheStreamsAndExitCodesKept() throws Exception {
    Path model = ROOT.resolve("rnn4j-cli/src/test/resources/golden/models/lm.safetensors");
    Run info = run("info", model.toString());
    assertEquals(0, info.code(), info.err());
    assertEquals("", info.err(), "nothing but the warning was on standard error");
    assertTrue(info.out().startsWith(model + ": rnn4j model, format version 1\n"), info.out());
    assertTrue(info.out().endsWith("7 tensors, 4,254 parameters\n"), info.out());

    Run missing = run("info", dir.resolve("nope.safetensors").toString());
    assertEquals(1, missing.code());
    assertEquals("rnn4j: " + dir.resolve("nope.safetensors") + ": not found (run with --verbose"
        + " for the stack trace)\n", missing.err(), "the error, whole and alone");

    Run usage = run("info");
    assertEquals(2, usage.code(), usage.err());
    assertFalse(usage.err().contains(WARNING), usage.err());
    assertTrue(usage.err().startsWith("rnn4j: Missing required parameter"), usage.err());

    Path texts = Files.writeString(dir.resolve("texts.txt"), "anabisetia\n");
    Run predict = run("predict", "--model", model.toString(), texts.toString());
    assertEquals(0, predict.code(), predict.err());
    assertEquals("", predict.err());
    assertTrue(predict.out().matches("-[0-9.]+\t[0-9.]+\n"), predict.out());
  }

  @Test
  void theVectorKernelsRunUnderTheJitTrapLimitUnlessTheUserSetsAnother() throws Exception {
    Run version = run("--version");
    assertEquals(0, version.code(), version.err());
    assertTrue(version.out().contains("\nKernels: vector-"), version.out());
    assertTrue(version.out().endsWith(", JIT PerMethodTrapLimit 10000\n"), version.out());

    ProcessBuilder pb = launcher(List.of(), "--version");
    pb.environment().put("RNN4J_JAVA_OPTS", "-XX:PerMethodTrapLimit=500");
    Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertTrue(out.endsWith(", JIT PerMethodTrapLimit 500\n"), out);
  }

  @Test
  void aJdk25OrLaterRunsRnn4jWhenOneIsFoundUnlessTheUserNamesAnother() throws Exception {
    Path newest = fakeJdk("99.0.1");
    ProcessBuilder pb = launcher(List.of(), "--version");
    pb.environment().put("JAVA_HOME", newest.toString());
    Run found = run(pb);
    assertEquals(0, found.code(), found.err());
    assertEquals("fake JDK 99.0.1 ran\n", found.err(), "the newest JDK, 25 or later, ran");

    pb.environment().put("RNN4J_JAVA_HOME", System.getProperty("java.home"));
    Run named = run(pb);
    assertEquals(0, named.code(), named.err());
    assertEquals("", named.err(), "the JDK of RNN4J_JAVA_HOME ran");
    assertTrue(named.out().contains("\nJava " + System.getProperty("java.version") + " ("),
        named.out());

    Path old = fakeJdk("11.0.2");
    pb.environment().put("RNN4J_JAVA_HOME", old.toString());
    Run tooOld = run(pb);
    assertEquals(1, tooOld.code(), tooOld.err());
    assertEquals("rnn4j: RNN4J_JAVA_HOME=" + old + ": Java 11, rnn4j needs 17 or newer\n",
        tooOld.err());

    pb.environment().remove("RNN4J_JAVA_HOME");
    pb.environment().put("JAVA_HOME", old.toString());
    pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin")
        + java.io.File.pathSeparator + pb.environment().getOrDefault("PATH", ""));
    Run skipped = run(pb);
    assertEquals(0, skipped.code(), skipped.err());
    assertTrue(skipped.err().startsWith("rnn4j: skipping " + old.resolve("bin/java")
        + ": Java 11, rnn4j needs 17 or newer\n"), skipped.err());
    assertFalse(skipped.err().contains("fake JDK 11"), skipped.err());
  }

  @Test
  void jdk25AndLaterRunTheSerialCollectorAndEarlierOnesTheParallelOne() throws Exception {
    ProcessBuilder pb = launcher(List.of(), "--version");
    pb.environment().put("RNN4J_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
    pb.environment().put("RNN4J_JAVA_HOME", fakeJdk("25.0.1").toString());
    Run newer = run(pb);
    assertEquals(0, newer.code(), newer.err());
    assertTrue(newer.out().contains(" -XX:+UseSerialGC"), newer.out());
    assertFalse(newer.out().contains("MaxNewSize"), newer.out());

    pb.environment().put("RNN4J_JAVA_HOME", fakeJdk("17.0.15").toString());
    Run older = run(pb);
    assertEquals(0, older.code(), older.err());
    assertTrue(older.out().startsWith("-XX:GCTimeRatio=4 "), older.out());
    assertTrue(older.out().contains(" -XX:MaxNewSize=134217728 "), older.out());
    assertTrue(older.out().contains(" -XX:+UseParallelGC"), older.out());
  }

  /**
   * A JDK directory whose release file says {@code version} and whose {@code bin/java} says that
   * it ran, on standard error, then runs this test's own java.
   */
  private Path fakeJdk(String version) throws IOException {
    Path home = Files.createDirectories(dir.resolve("jdk-" + version));
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path real = Path.of(System.getProperty("java.home"), "bin");
    for (String tool : List.of("java", "javac")) {
      Path script = bin.resolve(tool);
      Files.writeString(script, "#!/bin/sh\necho 'fake JDK " + version + " ran' >&2\nexec '"
          + real.resolve(tool) + "' \"$@\"\n");
      assertTrue(script.toFile().setExecutable(true), "executable");
    }
    return home;
  }

  @Test
  void theWarningIsShownWhenAskedFor() throws Exception {
    ProcessBuilder pb = launcher(List.of(), "--version");
    pb.environment().put("RNN4J_SHOW_JVM_WARNING", "1");
    Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(WARNING + "\n", err);
  }

  @Test
  void sigtermToTheLauncherStopsTrainingWithItsCheckpoint() throws Exception {
    Run r = interrupted(List.of(), p -> p.destroy()); // SIGTERM to the launcher's process
    assertEquals(143, r.code(), r.err());
    assertTrue(r.err().contains("rnn4j: interrupted after") && r.err().endsWith("run the same"
        + " command with --resume to continue it\n"), r.err());
    assertFalse(r.err().contains(WARNING), r.err());
    assertTrue(Files.exists(dir.resolve("run.ckpt")), "checkpoint written");
  }

  @Test
  void sigintToTheLauncherStopsTrainingWithItsCheckpoint() throws Exception {
    Run r = interrupted(List.of(), p -> signal("-INT", Long.toString(p.pid())));
    assertEquals(130, r.code(), r.err());
    assertTrue(r.err().contains("rnn4j: stopping after the current step"), r.err());
    assertTrue(r.err().endsWith("run the same command with --resume to continue it\n"), r.err());
    assertTrue(Files.exists(dir.resolve("run.ckpt")), "checkpoint written");
  }

  @Test
  void ctrlCOnATerminalReachesTheWholeProcessGroupAndStopsTrainingOnce() throws Exception {
    // setsid makes the launcher lead a process group of its own, as a shell's foreground job;
    // a Ctrl-C signals every process of that group: launcher, JVM and filter
    Run r = interrupted(List.of("setsid"), p -> signal("-INT", "--", "-" + p.pid()));
    assertEquals(130, r.code(), r.err());
    assertTrue(r.err().endsWith("run the same command with --resume to continue it\n"), r.err());
    assertEquals(1, r.err().lines().filter(l -> l.startsWith("rnn4j: interrupted after"))
        .count(), r.err());
  }

  /** Starts training with a checkpoint, signals the process once it is well under way. */
  private Run interrupted(List<String> prefix, Signaller signaller) throws Exception {
    Path data = Files.write(dir.resolve("names.txt"), TrainingNames.NAMES);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = launcher(prefix, "train", "--task", "lm", "--data", data.toString(), "--out",
        dir.resolve("m.safetensors").toString(), "--hidden", "32", "--batch", "4", "--epochs",
        "2000", "--checkpoint", dir.resolve("run.ckpt").toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    Path log = dir.resolve("m.metrics.jsonl.partial");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (lines(log) < 30 && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(p.isAlive(), "still training when the signal comes: "
        + Files.readString(err, StandardCharsets.UTF_8));
    signaller.signal(p);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "stopped");
    assertFalse(Files.exists(dir.resolve("m.safetensors")), "no model from an unfinished run");
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private interface Signaller {
    void signal(Process p) throws Exception;
  }

  private static void signal(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("kill"));
    command.addAll(List.of(args));
    assertEquals(0, new ProcessBuilder(command).start().waitFor(), command.toString());
  }

  private static long lines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    } catch (IOException e) {
      return 0; // being written
    }
  }
}
