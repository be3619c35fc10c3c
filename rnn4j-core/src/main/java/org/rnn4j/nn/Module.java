package org.rnn4j.nn;

import java.util.Map;
import org.rnn4j.tensor.Tensor;

/** A layer or model with trainable parameters. */
public interface Module {

  /**
   * The trainable parameters by name, in a stable order. Names are PyTorch state-dict names
   * ({@code weight_ih_l0}, {@code bias_hh_l1_reverse}, …), so model files interoperate.
   *
   * @return an unmodifiable, ordered map; the tensors are live (updates change the module)
   */
  Map<String, Tensor> parameters();

  /** Clears the accumulated gradients of every parameter. */
  default void zeroGrad() {
    parameters().values().forEach(Tensor::zeroGrad);
  }

  /** Total number of trainable scalars. */
  default long parameterCount() {
    return parameters().values().stream().mapToLong(Tensor::size).sum();
  }

  /**
   * The parameters of named children under dotted names, as PyTorch's {@code state_dict} names
   * them: child "rnn" with parameter "weight_ih_l0" gives "rnn.weight_ih_l0".
   *
   * @param children the submodules in order, by attribute name
   * @return an unmodifiable, ordered map
   */
  static Map<String, Tensor> namedParameters(Map<String, ? extends Module> children) {
    Map<String, Tensor> all = new java.util.LinkedHashMap<>();
    children.forEach((prefix, child) -> child.parameters().forEach((name, t) -> {
      if (all.put(prefix + "." + name, t) != null) {
        throw new IllegalArgumentException("duplicate parameter name " + prefix + "." + name);
      }
    }));
    return java.util.Collections.unmodifiableMap(all);
  }
}
