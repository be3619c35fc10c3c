package org.rnn4j.task;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One setting a task family reads from the user: its name (the command line's {@code --name}),
 * what it means, which commands take it, and its default. Families declare their options in
 * {@link TaskFamily#options()}; the command line offers every declared option, so a new family
 * needs no change there.
 *
 * @param name the long name without dashes, e.g. "text"
 * @param label the value's placeholder in help ("COLUMN"); empty for a flag
 * @param description one sentence for help, without the default
 * @param uses the commands that take it
 * @param defaultValue the value when the user gives none
 */
public record TaskOption(String name, Optional<String> label, String description, Set<Use> uses,
    Optional<String> defaultValue) {

  /** The commands a task option can belong to. */
  public enum Use {
    /** Training a model from data. */
    TRAIN,
    /** Measuring a model on labelled data. */
    EVAL,
    /** Running a model on inputs. */
    PREDICT
  }

  /** Checks the name and copies the uses. */
  public TaskOption {
    if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("an option name is lower-case letters, digits and dashes,"
          + " got " + name);
    }
    if (label == null || description == null || uses == null || uses.isEmpty()
        || defaultValue == null) {
      throw new IllegalArgumentException("option --" + name + ": label, description, uses and"
          + " default must be given");
    }
    uses = Set.copyOf(uses);
  }

  /**
   * An option that takes a value.
   *
   * @param name the long name without dashes
   * @param label the value's placeholder in help
   * @param description what it means
   * @param defaultValue the value when absent, or null for none
   * @param first a command that takes it
   * @param rest further commands that take it
   * @return the option
   */
  public static TaskOption value(String name, String label, String description,
      String defaultValue, Use first, Use... rest) {
    return new TaskOption(name, Optional.of(label), description, EnumSet.of(first, rest),
        Optional.ofNullable(defaultValue));
  }

  /**
   * An on/off option, off unless given.
   *
   * @param name the long name without dashes
   * @param description what it means
   * @param first a command that takes it
   * @param rest further commands that take it
   * @return the option
   */
  public static TaskOption flag(String name, String description, Use first, Use... rest) {
    return new TaskOption(name, Optional.empty(), description, EnumSet.of(first, rest),
        Optional.empty());
  }

  /** Whether it takes no value. */
  public boolean isFlag() {
    return label.isEmpty();
  }

  /** {@code --name}, as the command line spells it and messages name it. */
  public String flagName() {
    return "--" + name;
  }
}
