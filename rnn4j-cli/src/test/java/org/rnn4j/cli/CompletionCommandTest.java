package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.cli.CliRun.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rnn4j completion bash}: a bash script that completes every command and option. */
class CompletionCommandTest {

  @Test
  void theBashScriptCompletesEveryCommandAndTheTrainingOptions() {
    CliRun completion = run("completion", "bash");
    assertEquals(0, completion.code(), completion.err());
    assertEquals("", completion.err(), "the script is the result: nothing else is printed");
    String script = completion.out();
    assertTrue(script.startsWith("#!/usr/bin/env bash"), script.lines().findFirst().orElse(""));
    assertTrue(script.contains("complete -F _complete_rnn4j"), "registers the completion");
    for (String command : List.of("train", "eval", "predict", "translate", "generate", "score",
        "forecast", "info", "serve", "demo", "bench", "completion")) {
      assertTrue(script.contains("_picocli_rnn4j_" + command + "()"), command);
    }
    for (String option : List.of("--optimizer", "--schedule", "--init-from", "--validation-data",
        "--early-stopping-metric", "--stream", "--seq-length", "--hidden")) {
      assertTrue(script.contains(option), option);
    }
  }

  @Test
  void bashCompletesCommandsAndTheValuesOfChoices(@TempDir Path dir) throws Exception {
    Path script = Files.writeString(dir.resolve("rnn4j.bash"), run("completion", "bash").out());
    assertEquals(List.of("train", "translate", "transcribe"), complete(script, "tr"));
    assertEquals(List.of("completion"), complete(script, "comp"));
    assertEquals(List.of("adam", "adamw", "sgd", "rmsprop"),
        complete(script, "train", "--optimizer", ""));
    assertEquals(List.of("constant", "cosine", "step", "plateau"),
        complete(script, "train", "--schedule", ""));
    assertEquals(List.of("--init-from"), complete(script, "train", "--init-f"));
  }

  /** What bash offers for the last word of {@code rnn4j words…}, the script sourced. */
  private static List<String> complete(Path script, String... words) throws Exception {
    String quoted = String.join(" ", Stream.of(words).map(w -> "'" + w + "'").toList());
    String commands = "source '" + script + "' 2>/dev/null\n"
        + "COMP_WORDS=(rnn4j " + quoted + ")\n"
        + "COMP_CWORD=" + words.length + "\n"
        + "COMP_LINE=\"${COMP_WORDS[*]}\"\n"
        + "_complete_rnn4j rnn4j 2>/dev/null\n"
        + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    Process bash = new ProcessBuilder("bash", "-c", commands).redirectErrorStream(false).start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
    return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  @Test
  void anotherShellIsAUsageError() {
    CliRun fish = run("completion", "fish");
    assertEquals(2, fish.code());
    assertTrue(fish.err().startsWith("rnn4j: SHELL must be one of [bash], got 'fish'"),
        fish.err());
  }
}
