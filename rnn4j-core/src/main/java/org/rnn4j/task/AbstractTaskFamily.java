package org.rnn4j.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnn4j.io.ModelFormatException;

/**
 * What every family's registry entry shares: its name, description and options as values, its
 * config reader and loader as functions. A family passes them to this constructor and writes only
 * {@link #train}.
 */
public abstract class AbstractTaskFamily implements TaskFamily {

  /** Reads a family's config from a model file's {@code config} metadata. */
  @FunctionalInterface
  public interface ConfigReader {
    /** @throws ModelFormatException naming the field that is missing or wrong */
    TaskConfig read(JsonNode json, Path file) throws ModelFormatException;
  }

  /** Loads a family's model file for use. */
  @FunctionalInterface
  public interface Loader {
    /** @throws IOException if the file cannot be read or is not a model of the family */
    TaskModel load(Path file) throws IOException;
  }

  private final String name;
  private final String description;
  private final List<TaskOption> options;
  private final ConfigReader configReader;
  private final Loader loader;

  /**
   * @param name the family's name, its configs' {@code task}
   * @param description one sentence for help
   * @param options the options it reads, in the order help lists them
   * @param configReader its config's {@code fromJson}
   * @param loader its inference class's {@code load}
   */
  protected AbstractTaskFamily(String name, String description, List<TaskOption> options,
      ConfigReader configReader, Loader loader) {
    this.name = name;
    this.description = description;
    this.options = List.copyOf(options);
    this.configReader = configReader;
    this.loader = loader;
  }

  /**
   * The options of several lists in one, in order.
   *
   * @param lists the family's own options and the shared lists of {@link CommonOptions}
   * @return one list
   */
  @SafeVarargs
  protected static List<TaskOption> options(List<TaskOption>... lists) {
    List<TaskOption> all = new ArrayList<>();
    for (List<TaskOption> list : lists) {
      all.addAll(list);
    }
    return all;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final List<TaskOption> options() {
    return options;
  }

  @Override
  public final TaskConfig readConfig(JsonNode json, Path file) throws ModelFormatException {
    return configReader.read(json, file);
  }

  @Override
  public final TaskModel load(Path file) throws IOException {
    return loader.load(file);
  }
}
