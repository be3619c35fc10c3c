package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Using a trained model from Java" program, compiled and run as a user would run
 * it, on the golden classifier: the example in the README cannot go stale.
 */
class ReadmeExampleTest {
  @TempDir Path dir;

  @Test
  void theReadmesJavaProgramCompilesAndRuns() throws Exception {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    int section = readme.indexOf("## Using a trained model from Java");
    assertTrue(section >= 0, "README has the section");
    Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(block.find(section), "the section has a Java block");
    String program = block.group(1);
    Matcher name = Pattern.compile("public final class (\\w+)").matcher(program);
    assertTrue(name.find(), "the block is a whole program");
    Path source = Files.writeString(dir.resolve(name.group(1) + ".java"), program);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int code = javac.run(null, null, errors, "-d", dir.toString(), "-cp",
        System.getProperty("java.class.path"), source.toString());
    assertEquals(0, code, errors.toString(StandardCharsets.UTF_8));

    Path model = Path.of("src/test/resources/golden/models/classify.safetensors").toAbsolutePath();
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
        getClass().getClassLoader())) {
      Method main = loader.loadClass(name.group(1)).getMethod("main", String[].class);
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[] {model.toString()});
    } finally {
      System.setOut(stdout);
    }
    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(2, lines.size(), printed.toString(StandardCharsets.UTF_8));
    for (String line : lines) {
      assertTrue(line.matches("(pos|neg|mixed) 0\\.\\d{3}"), line);
    }
  }
}
