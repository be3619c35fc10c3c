package org.rnn4j.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where {@code data/fetch} put the datasets. The directory is, in order: the system property
 * {@code rnn4j.data.cache}, the environment variable {@code RNN4J_DATA_CACHE}, or the first
 * {@code data/cache} found from the working directory upwards (so it works from the repository
 * root and from any module directory).
 *
 * @param root the cache directory
 */
public record DataCache(Path root) {
  /** The system property that names the cache directory. */
  public static final String PROPERTY = "rnn4j.data.cache";
  /** The environment variable that names the cache directory. */
  public static final String ENVIRONMENT = "RNN4J_DATA_CACHE";

  /** Checks the root. */
  public DataCache {
    if (root == null) {
      throw new IllegalArgumentException("root must be given");
    }
  }

  /**
   * The cache of this checkout or environment.
   *
   * @return the cache (its directory may not exist yet: loaders then say to run data/fetch)
   */
  public static DataCache locate() {
    String prop = System.getProperty(PROPERTY);
    if (prop != null && !prop.isBlank()) {
      return new DataCache(Path.of(prop));
    }
    String env = System.getenv(ENVIRONMENT);
    if (env != null && !env.isBlank()) {
      return new DataCache(Path.of(env));
    }
    return new DataCache(find(Path.of("").toAbsolutePath()).orElse(Path.of("data", "cache")));
  }

  private static Optional<Path> find(Path from) {
    for (Path dir = from; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("data").resolve("cache");
      if (Files.isDirectory(candidate) || Files.isRegularFile(dir.resolve("data/fetch"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * A file of a set, which must exist.
   *
   * @param set the set's directory name, e.g. "dna"
   * @param file the file within it, e.g. "DNA.rda"
   * @return its path
   * @throws DatasetMissingException saying to run data/fetch if it is missing
   */
  public Path require(String set, String file) throws DatasetMissingException {
    Path p = root.resolve(set).resolve(file);
    if (!Files.isRegularFile(p)) {
      throw new DatasetMissingException(set, p);
    }
    return p;
  }

  /**
   * The directory of a set, which must exist and not be empty.
   *
   * @param set the set's directory name, e.g. "music"
   * @return its path
   * @throws IOException saying to run data/fetch if it is missing or empty
   */
  public Path requireDirectory(String set) throws IOException {
    Path p = root.resolve(set);
    if (!Files.isDirectory(p)) {
      throw new DatasetMissingException(set, p);
    }
    try (var files = Files.list(p)) {
      if (files.findAny().isEmpty()) {
        throw new DatasetMissingException(set, p);
      }
    }
    return p;
  }

  /** Thrown when a set has not been fetched. */
  public static final class DatasetMissingException extends IOException {
    private static final long serialVersionUID = 1L;

    DatasetMissingException(String set, Path missing) {
      super("run data/fetch first (or data/fetch " + set + "): " + missing + " is missing");
    }
  }
}
