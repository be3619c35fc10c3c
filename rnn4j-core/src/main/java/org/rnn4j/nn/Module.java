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
}
