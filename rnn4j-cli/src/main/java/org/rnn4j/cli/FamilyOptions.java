package org.rnn4j.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.task.TaskFamily;
import org.rnn4j.task.TaskOption;
import org.rnn4j.task.TaskOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options the registered task families declare, offered on the commands that take them:
 * {@code train}, {@code eval} and {@code predict} know no family, they add whatever the
 * families on the class path ask for. Options of the same name share one command-line option;
 * its help says which family reads it how.
 */
final class FamilyOptions {
  private FamilyOptions() {}

  /** One option name as the families declare it: the declarations that take this command. */
  private record Declared(String name, List<TaskFamily> families, List<TaskOption> options) {}

  private static Map<String, Declared> declared(TaskOption.Use use) {
    Map<String, Declared> byName = new LinkedHashMap<>();
    for (TaskFamily family : TaskFamilies.all()) {
      for (TaskOption option : family.options()) {
        if (!option.uses().contains(use)) {
          continue;
        }
        Declared d = byName.computeIfAbsent(option.name(),
            n -> new Declared(n, new ArrayList<>(), new ArrayList<>()));
        if (!d.options().isEmpty() && d.options().get(0).isFlag() != option.isFlag()) {
          throw new IllegalStateException("task option --" + option.name() + " is a flag in one"
              + " family and takes a value in another (" + family.name() + ")");
        }
        d.families().add(family);
        d.options().add(option);
      }
    }
    return byName;
  }

  /**
   * Adds every family option that takes this command to its spec.
   *
   * @param spec the command, e.g. {@code train}
   * @param use which command it is
   */
  static void addTo(CommandSpec spec, TaskOption.Use use) {
    if (use == TaskOption.Use.TRAIN) {
      List<String> lines = new ArrayList<>(List.of(spec.usageMessage().description()));
      TaskFamilies.all().forEach(f -> lines.add("Task " + f.name() + ": " + f.description()));
      spec.usageMessage().description(lines.toArray(String[]::new));
    }
    for (Declared d : declared(use).values()) {
      TaskOption first = d.options().get(0);
      OptionSpec.Builder option = OptionSpec.builder(first.flagName())
          .description(description(d));
      if (first.isFlag()) {
        option.type(boolean.class).arity("0");
      } else {
        option.type(String.class).paramLabel(first.label().orElseThrow());
      }
      spec.addOption(option.build());
    }
  }

  /** One description, or "family: description" for each family whose declaration differs. */
  private static String description(Declared d) {
    boolean shared = d.options().stream().distinct().count() == 1;
    TaskOption first = d.options().get(0);
    if (shared && d.families().size() > 1) {
      return first.description() + defaultText(first);
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < d.options().size(); i++) {
      TaskOption o = d.options().get(i);
      parts.add(d.families().get(i).name() + ": " + o.description() + defaultText(o));
    }
    return String.join(" ", parts);
  }

  private static String defaultText(TaskOption o) {
    return o.defaultValue().map(v -> " (default: " + v + ")").orElse("");
  }

  /**
   * The values the user gave for the family options of this command.
   *
   * @param spec the parsed command
   * @param use which command it is
   * @return the given values by option name
   */
  static TaskOptions given(CommandSpec spec, TaskOption.Use use) {
    Map<String, String> values = new HashMap<>();
    for (String name : declared(use).keySet()) {
      OptionSpec option = spec.findOption("--" + name);
      Object value = option == null ? null : option.getValue();
      if (value instanceof Boolean flag) {
        if (flag) {
          values.put(name, "true");
        }
      } else if (value != null) {
        values.put(name, value.toString());
      }
    }
    return TaskOptions.of(values);
  }
}
