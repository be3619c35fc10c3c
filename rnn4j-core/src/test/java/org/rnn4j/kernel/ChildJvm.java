package org.rnn4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the tests in a fresh JVM on the tests' class path. */
final class ChildJvm {
  private ChildJvm() {}

  /**
   * @param options JVM options before the class path
   * @param main the class whose main method runs
   * @param timeoutSeconds how long the child may take
   * @return what the child printed on standard output and error, after it exited with 0
   */
  static String output(List<String> options, Class<?> main, long timeoutSeconds)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertTrue(process.waitFor(timeoutSeconds, TimeUnit.SECONDS), "child JVM timed out");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output);
    return output;
  }
}
