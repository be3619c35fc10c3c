package org.rnn4j.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A module made of named child modules, registered as its constructor builds them, as a PyTorch
 * module assigns its submodules as attributes:
 *
 * <pre>{@code
 * this.rnn = register("rnn", new Recurrent(config, rng));   // parameters rnn.weight_ih_l0, …
 * }</pre>
 *
 * <p>The registration order is the order of {@link #children()} and so of {@link
 * #parameters()}: the order of the tensors in a model file.
 */
public abstract class CompositeModule implements Module {
  private final Map<String, Module> children = new LinkedHashMap<>();
  private final Map<String, Module> view = Collections.unmodifiableMap(children);

  /**
   * Adds a child under its attribute name.
   *
   * @param name the attribute name, the prefix of its parameters' names
   * @param child the submodule
   * @param <M> its type
   * @return {@code child}
   * @throws IllegalStateException if a child of that name is registered already
   */
  protected final <M extends Module> M register(String name, M child) {
    if (children.putIfAbsent(name, child) != null) {
      throw new IllegalStateException("a child named '" + name + "' is registered already");
    }
    return child;
  }

  /**
   * Adds a child that the config may leave out (registers nothing when it is absent).
   *
   * @param name the attribute name
   * @param child the submodule, if any
   * @param <M> its type
   * @return {@code child}
   */
  protected final <M extends Module> Optional<M> register(String name, Optional<M> child) {
    child.ifPresent(c -> register(name, c));
    return child;
  }

  @Override
  public final Map<String, Module> children() {
    return view;
  }
}
