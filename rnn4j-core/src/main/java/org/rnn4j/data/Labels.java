package org.rnn4j.data;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Class names and their ids 0…C−1 (no special tokens: every id is a real class).
 *
 * @param names the class names, id order, distinct
 */
public record Labels(List<String> names) {

  /** Checks that the names are distinct. */
  public Labels {
    names = List.copyOf(names);
    if (names.isEmpty() || new TreeSet<>(names).size() != names.size()) {
      throw new IllegalArgumentException("label names must be distinct and at least one, got "
          + names);
    }
  }

  /**
   * The distinct names of {@code observed}, sorted, so the ids do not depend on data order.
   *
   * @param observed label names, repeats allowed
   * @return the labels
   */
  public static Labels sorted(Collection<String> observed) {
    return new Labels(List.copyOf(new TreeSet<>(observed)));
  }

  /** C, the number of classes. */
  public int size() {
    return names.size();
  }

  /**
   * The id of a class.
   *
   * @param name a class name
   * @return its id
   * @throws IllegalArgumentException if the name is not a class
   */
  public int id(String name) {
    int id = names.indexOf(name);
    if (id < 0) {
      throw new IllegalArgumentException("unknown label \"" + name + "\": expected one of "
          + names);
    }
    return id;
  }

  /** The name of class {@code id}. */
  public String name(int id) {
    return names.get(id);
  }

  /** The ids of names, in one map. */
  public Map<String, Integer> ids() {
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      out.put(names.get(i), i);
    }
    return out;
  }
}
