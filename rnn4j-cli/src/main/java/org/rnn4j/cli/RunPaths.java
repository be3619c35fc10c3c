package org.rnn4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a command reads and writes, checked before it does any work: every input is a
 * readable file, every output can be written, and no output is an input or another output (by
 * the file it resolves to, through links and relative paths). Messages name the option as typed,
 * the path and what is wrong.
 */
final class RunPaths {
  private final List<Map.Entry<String, Path>> inputs = new ArrayList<>(); // (option, path)
  private final List<Map.Entry<String, Path>> outputs = new ArrayList<>();
  private final List<Map.Entry<String, Path>> folders = new ArrayList<>();

  /** @param option how the user named it, e.g. "--data"; empty for a positional file */
  RunPaths input(String option, Path file) {
    inputs.add(Map.entry(option, file));
    return this;
  }

  /**
   * An input that may be a folder when {@code folderAllowed} (a folder of recordings with their
   * list), else a file.
   *
   * @param option how the user named it, e.g. "--data"
   */
  RunPaths input(String option, Path file, boolean folderAllowed) {
    if (folderAllowed && Files.isDirectory(file)) {
      folders.add(Map.entry(option, file));
      return this;
    }
    return input(option, file);
  }

  /** @param option how the user named it, e.g. "--out", or a description of a side file */
  RunPaths output(String option, Path file) {
    outputs.add(Map.entry(option, file));
    return this;
  }

  /**
   * Checks every path; creates the outputs' missing parent directories.
   *
   * @throws IllegalArgumentException naming the first path that is wrong
   * @throws IOException if a parent directory cannot be created
   */
  void check() throws IOException {
    Map<Path, String> seen = new LinkedHashMap<>();
    for (Map.Entry<String, Path> in : inputs) {
      requireReadableFile(in.getKey(), in.getValue());
      seen.put(in.getValue().toRealPath(), name(in.getKey(), in.getValue()));
    }
    for (Map.Entry<String, Path> in : folders) {
      if (!Files.isReadable(in.getValue())) {
        throw new IllegalArgumentException(name(in.getKey(), in.getValue()) + ": not readable");
      }
    }
    for (Map.Entry<String, Path> out : outputs) {
      Path file = out.getValue();
      String name = name(out.getKey(), file);
      if (Files.isDirectory(file)) {
        throw new IllegalArgumentException(name + ": is a directory, expected a file to write");
      }
      Path parent = file.toAbsolutePath().normalize().getParent();
      Files.createDirectories(parent);
      if (!Files.isWritable(parent)) {
        throw new IllegalArgumentException(name + ": the directory " + parent
            + " is not writable");
      }
      if (Files.exists(file) && !Files.isWritable(file)) {
        throw new IllegalArgumentException(name + ": the file exists and is not writable");
      }
      Path real = parent.toRealPath().resolve(file.getFileName());
      if (Files.exists(real)) {
        real = real.toRealPath();
      }
      String before = seen.putIfAbsent(real, name);
      if (before != null) {
        throw new IllegalArgumentException(name + " is the same file as " + before
            + ": refusing to overwrite it");
      }
    }
  }

  /**
   * @throws IllegalArgumentException saying whether the file is missing, a directory or not
   *     readable
   */
  static void requireReadableFile(String option, Path file) {
    String name = name(option, file);
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(name + ": is a directory, expected a file");
    }
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(name + ": not found");
    }
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException(name + ": not readable");
    }
  }


  private static String name(String option, Path file) {
    return option.isEmpty() ? file.toString() : option + " " + file;
  }
}
