package org.rnn4j.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.rnn4j.io.ModelFile;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.io.Safetensors;

/**
 * The registry of task families: every {@link TaskFamily} on the class path, found with {@link
 * ServiceLoader} once, in the order the service files list them.
 */
public final class TaskFamilies {
  private static final Map<String, TaskFamily> FAMILIES = load();

  private TaskFamilies() {}

  private static Map<String, TaskFamily> load() {
    Map<String, TaskFamily> byName = new LinkedHashMap<>();
    for (TaskFamily family : ServiceLoader.load(TaskFamily.class, TaskFamily.class.getClassLoader())) {
      TaskFamily before = byName.putIfAbsent(family.name(), family);
      if (before != null && before.getClass() != family.getClass()) {
        throw new IllegalStateException("two task families are named '" + family.name() + "': "
            + before.getClass().getName() + " and " + family.getClass().getName());
      }
    }
    return Collections.unmodifiableMap(byName);
  }

  /** Every family, in registration order. */
  public static List<TaskFamily> all() {
    return new ArrayList<>(FAMILIES.values());
  }

  /** The families' names, for messages: "lm, classify, tag, seq2seq and forecast". */
  public static String names() {
    List<String> names = new ArrayList<>(FAMILIES.keySet());
    if (names.size() < 2) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and "
        + names.get(names.size() - 1);
  }

  /**
   * @param name a family's name
   * @return the family
   * @throws IllegalArgumentException naming the families there are, when none has this name
   */
  public static TaskFamily named(String name) {
    TaskFamily family = FAMILIES.get(name);
    if (family == null) {
      throw new IllegalArgumentException("there is no task family '" + name + "': the families"
          + " are " + names());
    }
    return family;
  }

  /**
   * The family of a model file, from its header alone.
   *
   * @param model an rnn4j model file
   * @return the family named by its {@code config.task}
   * @throws ModelFormatException if the file is not an rnn4j model file or names no known family
   * @throws IOException if it cannot be read
   */
  public static TaskFamily of(Path model) throws IOException {
    Map<String, String> meta = Safetensors.readHeader(model).metadata();
    if (!ModelFile.FORMAT.equals(meta.get("format")) || !meta.containsKey("config")) {
      throw new ModelFormatException(model + ": not an rnn4j model file");
    }
    JsonNode config;
    try {
      config = new ObjectMapper().readTree(meta.get("config"));
    } catch (JsonProcessingException e) {
      throw new ModelFormatException(model + ": metadata config is not valid JSON: "
          + e.getOriginalMessage(), e);
    }
    String task = config.path("task").asText("");
    TaskFamily family = FAMILIES.get(task);
    if (family == null) {
      throw new ModelFormatException(model + ": config task '" + task + "' is no task family"
          + " of this rnn4j; the families are " + names());
    }
    return family;
  }

  /**
   * Loads any model file for use, whatever its family.
   *
   * @param model an rnn4j model file
   * @return the loaded model
   * @throws IOException if it cannot be read or is not a valid model
   */
  public static TaskModel load(Path model) throws IOException {
    return of(model).load(model);
  }
}
