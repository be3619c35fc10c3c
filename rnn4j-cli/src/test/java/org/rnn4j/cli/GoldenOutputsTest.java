package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.io.Safetensors;
import org.rnn4j.io.SafetensorsFile;
import org.rnn4j.tensor.Tensor;

/**
 * The command line's outputs on small fixed models, held equal to the committed outputs in
 * {@code src/test/resources/golden}: training the same command again gives bit-identical weights
 * and the same config, and every inference command prints exactly what it printed when the
 * golden files were written. The cases are in {@code golden/cases.txt}.
 *
 * <p>Run with {@code -Dgolden.update=true} to rewrite the models and the expected outputs (only
 * after a change that is meant to change them).
 */
class GoldenOutputsTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TempDir Path out;

  /** One line of cases.txt. */
  private record Case(String name, List<String> args) {
    boolean trains() {
      return name.startsWith("train ");
    }

    String model() {
      return name.substring("train ".length()) + ".safetensors";
    }
  }

  @TestFactory
  Stream<DynamicTest> commandsPrintTheGoldenOutputs() throws IOException {
    List<Case> cases = cases();
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : cases) {
      tests.add(DynamicTest.dynamicTest(c.name(), () -> {
        if (c.trains()) {
          checkTraining(c);
        } else {
          checkOutput(c);
        }
      }));
    }
    return tests.stream();
  }

  private void checkTraining(Case c) throws IOException {
    CliRun run = run(c);
    assertEquals(0, run.code(), c.name() + " failed: " + run.err());
    Path trained = out.resolve(c.model());
    Path golden = GOLDEN.resolve("models").resolve(c.model());
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.copy(trained, golden, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    SafetensorsFile expected = Safetensors.read(golden);
    SafetensorsFile actual = Safetensors.read(trained);
    assertEquals(expected.metadata().get("config"), actual.metadata().get("config"), c.name());
    assertEquals(expected.metadata().get("vocabulary"), actual.metadata().get("vocabulary"),
        c.name());
    assertEquals(expected.tensors().keySet(), actual.tensors().keySet(), c.name());
    for (Map.Entry<String, Tensor> e : expected.tensors().entrySet()) {
      Tensor a = actual.tensors().get(e.getKey());
      assertArrayEquals(e.getValue().shape(), a.shape(), c.name() + " " + e.getKey());
      assertArrayEquals(e.getValue().data(), a.data(), 0f, c.name() + " " + e.getKey());
    }
  }

  private void checkOutput(Case c) throws IOException {
    CliRun run = run(c);
    String printed = "exit " + run.code() + "\n--- standard output\n" + normalise(run.out())
        + "--- standard error\n" + normalise(run.err());
    Path expected = GOLDEN.resolve("expected").resolve(c.name() + ".txt");
    if (UPDATE) {
      Files.createDirectories(expected.getParent());
      Files.writeString(expected, printed, StandardCharsets.UTF_8);
      return;
    }
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8), printed, c.name());
  }

  private CliRun run(Case c) {
    return CliRun.run(c.args().stream().map(a -> a.replace("$G", GOLDEN.toString())
        .replace("$OUT", out.toString())).toArray(String[]::new));
  }

  /** Paths as written in cases.txt, so the outputs do not depend on where the build runs. */
  private String normalise(String printed) {
    return printed.replace(out.toString(), "$OUT").replace(GOLDEN.toString(), "$G")
        .replace(System.lineSeparator(), "\n");
  }

  private static List<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    for (String line : Files.readAllLines(GOLDEN.resolve("cases.txt"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(": ");
      cases.add(new Case(line.substring(0, colon),
          List.of(line.substring(colon + 2).trim().split(" +"))));
    }
    return cases;
  }
}
