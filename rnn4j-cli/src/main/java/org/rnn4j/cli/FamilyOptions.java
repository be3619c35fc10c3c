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
import picocli.CommandLine.ParameterException;

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
    int families = TaskFamilies.all().size();
    for (Declared d : declared(use).values()) {
      TaskOption first = d.options().get(0);
      OptionSpec.Builder option = OptionSpec.builder(first.flagName())
          .description(description(d, families));
      if (first.isFlag()) {
        option.type(boolean.class).arity("0");
      } else {
        option.type(String.class).paramLabel(first.label().orElseThrow());
      }
      spec.addOption(option.build());
    }
  }

  /**
   * One description, prefixed with the families that read the option unless all do; or, when
   * families declare it differently, "family: description" for each.
   */
  private static String description(Declared d, int families) {
    boolean shared = d.options().stream().distinct().count() == 1;
    if (shared) {
      TaskOption o = d.options().get(0);
      String text = withDefault(o);
      return d.families().size() == families ? text : names(d.families()) + ": " + lower(text);
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < d.options().size(); i++) {
      parts.add(d.families().get(i).name() + ": " + lower(withDefault(d.options().get(i))));
    }
    return String.join(" ", parts);
  }

  private static String names(List<TaskFamily> families) {
    return String.join(", ", families.stream().map(TaskFamily::name).toList());
  }

  /** "Hidden units." → "Hidden units (default: 128)." */
  private static String withDefault(TaskOption o) {
    String text = o.description();
    if (o.defaultValue().isEmpty()) {
      return text;
    }
    String stem = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    return stem + " (default: " + o.defaultValue().get() + ").";
  }

  private static String lower(String text) {
    return text.length() > 1 && Character.isUpperCase(text.charAt(0))
        && Character.isLowerCase(text.charAt(1))
        ? Character.toLowerCase(text.charAt(0)) + text.substring(1) : text;
  }

  /**
   * The values the user gave for the family options of this command, all of which the family
   * must read.
   *
   * @param spec the parsed command
   * @param use which command it is
   * @param family the family of the task or model at hand
   * @return the given values by option name
   * @throws ParameterException naming an option given that this family does not read
   */
  static TaskOptions given(CommandSpec spec, TaskOption.Use use, TaskFamily family) {
    Map<String, String> values = new HashMap<>();
    for (Declared d : declared(use).values()) {
      OptionSpec option = spec.findOption("--" + d.name());
      Object value = option == null ? null : option.getValue();
      if (value == null || Boolean.FALSE.equals(value)) {
        continue;
      }
      if (!d.families().contains(family)) {
        throw new ParameterException(spec.commandLine(), "--" + d.name() + " does not apply to "
            + (use == TaskOption.Use.TRAIN ? "--task " + family.name() : family.name() + " models")
            + " (it applies to " + names(d.families()) + ")");
      }
      values.put(d.name(), value instanceof Boolean ? "true" : value.toString());
    }
    return TaskOptions.of(values);
  }
}
