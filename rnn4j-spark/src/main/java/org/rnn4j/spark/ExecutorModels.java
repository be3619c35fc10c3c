package org.rnn4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.rnn4j.task.TaskFamilies;
import org.rnn4j.task.TaskModel;

/**
 * The models loaded in this JVM, by the SHA-256 of their file's bytes: each is loaded once per
 * executor JVM and shared by all of its task threads (a {@link TaskModel} is immutable and
 * thread-safe). Loading goes through a temporary file and {@link TaskFamilies#load}, the loader of
 * the command line.
 */
final class ExecutorModels {
  private static final Map<String, TaskModel> LOADED = new ConcurrentHashMap<>();
  private static final AtomicInteger LOADS = new AtomicInteger();

  private ExecutorModels() {}

  /**
   * @param model the model's bytes
   * @return the loaded model, loading it if this JVM has not yet
   * @throws UncheckedIOException if the bytes are not a valid model file
   */
  static TaskModel get(ModelBytes model) {
    return LOADED.computeIfAbsent(model.sha256(), sha -> load(model));
  }

  /** How many times this JVM has loaded a model: once per distinct model. */
  static int loads() {
    return LOADS.get();
  }

  private static TaskModel load(ModelBytes model) {
    Path file = null;
    try {
      file = Files.createTempFile("rnn4j-" + model.sha256().substring(0, 12), ".safetensors");
      Files.write(file, model.bytes());
      TaskModel loaded = TaskFamilies.load(file);
      LOADS.incrementAndGet();
      return loaded;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the model of SHA-256 " + model.sha256() + " ("
          + model.size() + " bytes): " + e.getMessage(), e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a leftover file in the temporary directory is harmless
        }
      }
    }
  }
}
