package org.rnn4j.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnn4j.tensor.Tensor;

/**
 * A layer or model with trainable parameters: a tree of modules, as in PyTorch's {@code
 * nn.Module}. A leaf (Linear, Embedding, Recurrent, Dropout) holds parameters of its own; a
 * composite names its children once in {@link #children()}, and {@link #parameters()}, {@link
 * #train}, {@link #eval()} and {@link #zeroGrad()} walk the tree.
 *
 * <p>Train and evaluation mode are a flag of each module that has one (dropout); a model that
 * several threads call must stay in evaluation mode, which is why the inference classes of the
 * task families keep their model private and never switch it.
 */
public interface Module {

  /**
   * The submodules by attribute name, in a stable order (PyTorch's registration order). A leaf
   * has none.
   *
   * @return an unmodifiable, ordered map
   */
  default Map<String, ? extends Module> children() {
    return Map.of();
  }

  /**
   * The parameters this module holds itself, not through a child. A composite has none.
   *
   * @return an unmodifiable, ordered map; the tensors are live (updates change the module)
   */
  default Map<String, Tensor> ownParameters() {
    return Map.of();
  }

  /**
   * The trainable parameters by name, in a stable order: this module's own, then each child's
   * under a dotted prefix. Names are PyTorch state-dict names ({@code rnn.weight_ih_l0}, {@code
   * fc.bias}, …), so model files interoperate.
   *
   * @return an unmodifiable, ordered map; the tensors are live (updates change the module)
   * @throws IllegalStateException if two parameters get the same name
   */
  default Map<String, Tensor> parameters() {
    Map<String, Tensor> all = new LinkedHashMap<>(ownParameters());
    children().forEach((prefix, child) -> child.parameters().forEach((name, t) -> {
      if (all.put(prefix + "." + name, t) != null) {
        throw new IllegalStateException("duplicate parameter name " + prefix + "." + name);
      }
    }));
    return Collections.unmodifiableMap(all);
  }

  /**
   * Training mode for this module and every descendant: dropout is applied, its masks drawn
   * from {@code rng}. A module with a mode of its own overrides this and calls the default.
   *
   * @param rng the source of dropout masks (seed it for reproducible training)
   */
  default void train(RandomGenerator rng) {
    children().values().forEach(child -> child.train(rng));
  }

  /** Evaluation mode (every module's default) for this module and every descendant. */
  default void eval() {
    children().values().forEach(Module::eval);
  }

  /**
   * Fixes every parameter for inference ({@link Tensor#freeze}): none requires gradients any
   * more, and products reuse one packing of each weight instead of packing it at every call. Use
   * it on a model that will only make predictions from now on; it cannot be trained afterwards.
   */
  default void freeze() {
    parameters().values().forEach(Tensor::freeze);
  }

  /** Clears the accumulated gradients of every parameter. */
  default void zeroGrad() {
    parameters().values().forEach(Tensor::zeroGrad);
  }

  /** Total number of trainable scalars. */
  default long parameterCount() {
    return parameters().values().stream().mapToLong(Tensor::size).sum();
  }
}
