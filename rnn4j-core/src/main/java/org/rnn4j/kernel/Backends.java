package org.rnn4j.kernel;

import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * Chooses the kernel backend once per JVM. System property {@code rnn4j.kernel}:
 *
 * <ul>
 *   <li>{@code auto} (default): the Vector API kernels when module {@code jdk.incubator.vector} is
 *       in the boot layer, else the scalar kernels with one log line saying how to enable it;
 *   <li>{@code scalar}: always the scalar kernels (tests, debugging);
 *   <li>{@code vector}: the Vector API kernels, failing loudly if they cannot be loaded.
 * </ul>
 */
final class Backends {
  static final String PROPERTY = "rnn4j.kernel";
  static final ScalarBackend SCALAR = new ScalarBackend();
  private static final String VECTOR_MODULE = "jdk.incubator.vector";
  private static final String VECTOR_CLASS = "org.rnn4j.kernel.VectorBackend";
  private static final Backend BEST = select(System.getProperty(PROPERTY, "auto"));
  private static volatile Backend active = BEST;

  private Backends() {}

  /** The backend new work runs on. */
  static Backend active() {
    return active;
  }

  /** The backend chosen at start-up, ignoring {@link #forceScalar}. */
  static Backend best() {
    return BEST;
  }

  /** Test hook: run on the scalar kernels ({@code true}) or go back to the best backend. */
  static void forceScalar(boolean scalar) {
    active = scalar ? SCALAR : BEST;
  }

  static Backend select(String choice) {
    switch (choice.toLowerCase(Locale.ROOT)) {
      case "scalar":
        return SCALAR;
      case "vector":
        if (!vectorModulePresent()) {
          throw new IllegalStateException(
              PROPERTY + "=vector but module " + VECTOR_MODULE
                  + " is not enabled: run java with --add-modules " + VECTOR_MODULE);
        }
        return loadVector();
      case "auto":
        if (!vectorModulePresent()) {
          System.getLogger("org.rnn4j.kernel").log(Level.WARNING,
              "Vector API not enabled, rnn4j runs its scalar kernels (about 20x slower); enable"
                  + " it with: java --add-modules " + VECTOR_MODULE);
          return SCALAR;
        }
        try {
          return loadVector();
        } catch (IllegalStateException e) {
          System.getLogger("org.rnn4j.kernel").log(Level.WARNING,
              "Vector API present but its kernels failed to load; rnn4j runs its scalar kernels",
              e);
          return SCALAR;
        }
      default:
        throw new IllegalArgumentException(
            PROPERTY + " must be auto, scalar or vector: got '" + choice + "'");
    }
  }

  private static boolean vectorModulePresent() {
    return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
  }

  private static Backend loadVector() {
    try {
      return (Backend) Class.forName(VECTOR_CLASS).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("cannot load the Vector API kernels " + VECTOR_CLASS, e);
    }
  }
}
