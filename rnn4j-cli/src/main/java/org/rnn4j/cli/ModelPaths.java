package org.rnn4j.cli;

import java.nio.file.Path;

/** The files written next to a model: its metrics log and its loss-curve chart. */
final class ModelPaths {
  private ModelPaths() {}

  /** {@code dir/name.safetensors} → {@code dir/name} + suffix. */
  static Path beside(Path model, String suffix) {
    String name = model.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return model.resolveSibling(base + suffix);
  }
}
