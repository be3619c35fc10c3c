package org.rnn4j.spark.job;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A job's {@code --name value} arguments and {@code --flag}s, read by name; every error names the
 * argument with the expected and the actual value.
 */
final class JobArgs {
  private final Map<String, String> values;

  private JobArgs(Map<String, String> values) {
    this.values = values;
  }

  /**
   * @param args the arguments after the command
   * @param flags the names that take no value
   * @return them by name (without dashes)
   * @throws IllegalArgumentException for an argument that is not {@code --name}, or a missing value
   */
  static JobArgs parse(String[] args, int from, Set<String> flags) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = from; i < args.length; i++) {
      if (!args[i].startsWith("--") || args[i].length() == 2) {
        throw new IllegalArgumentException("expected an argument --name, got '" + args[i] + "'");
      }
      String name = args[i].substring(2);
      if (flags.contains(name)) {
        values.put(name, "true");
      } else if (i + 1 < args.length) {
        values.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
    }
    return new JobArgs(values);
  }

  String required(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return v;
  }

  String get(String name, String otherwise) {
    return values.getOrDefault(name, otherwise);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  long number(String name, long otherwise, long min) {
    String v = values.get(name);
    if (v == null) {
      return otherwise;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // the message below says what was expected
    }
    throw new IllegalArgumentException("--" + name + " must be a whole number of at least " + min
        + ", got '" + v + "'");
  }

  int integer(String name, int otherwise, int min) {
    return (int) number(name, otherwise, min);
  }

  double real(String name, double otherwise) {
    String v = values.get(name);
    try {
      return v == null ? otherwise : Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number, got '" + v + "'", e);
    }
  }

  /** Every argument except the named ones: the family's options. */
  Map<String, String> except(Set<String> names) {
    Map<String, String> rest = new LinkedHashMap<>(values);
    rest.keySet().removeAll(names);
    return rest;
  }
}
