package org.rnn4j.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnn4j.tensor.Tensor;

/**
 * An affine map on the last axis, PyTorch's {@code nn.Linear}: y = x·Wᵀ + b.
 *
 * <pre>
 * x (…, I) → y (…, O)      weight W (O, I), bias b (O)
 * init: W, b ~ U(−1/√I, 1/√I)  (PyTorch's default)
 * </pre>
 */
public final class Linear implements Module {
  private final Tensor weight; // (O, I)
  private final Tensor bias; // (O)
  private final Map<String, Tensor> parameters;

  /**
   * @param inputSize I
   * @param outputSize O
   * @param rng source of the initial weights
   */
  public Linear(int inputSize, int outputSize, RandomGenerator rng) {
    if (inputSize < 1 || outputSize < 1) {
      throw new IllegalArgumentException("Linear sizes must be at least 1: got inputSize="
          + inputSize + ", outputSize=" + outputSize);
    }
    float bound = (float) (1 / Math.sqrt(inputSize));
    this.weight = Tensor.uniform(rng, -bound, bound, outputSize, inputSize).requiresGrad(true);
    this.bias = Tensor.uniform(rng, -bound, bound, outputSize).requiresGrad(true);
    Map<String, Tensor> p = new LinkedHashMap<>();
    p.put("weight", weight);
    p.put("bias", bias);
    this.parameters = java.util.Collections.unmodifiableMap(p);
  }

  /**
   * @param x (…, I)
   * @return (…, O)
   */
  public Tensor forward(Tensor x) {
    if (x.rank() < 1 || x.dim(-1) != weight.dim(1)) {
      throw new IllegalArgumentException("Linear input's last dimension must equal inputSize: "
          + "expected " + weight.dim(1) + ", got shape " + java.util.Arrays.toString(x.shape()));
    }
    return x.matmulT(weight).add(bias);
  }

  /** W (O, I), the parameter itself (not a copy). */
  public Tensor weight() {
    return weight;
  }

  /** b (O), the parameter itself (not a copy). */
  public Tensor bias() {
    return bias;
  }

  public int inputSize() {
    return weight.dim(1);
  }

  public int outputSize() {
    return weight.dim(0);
  }

  @Override
  public Map<String, Tensor> ownParameters() {
    return parameters;
  }
}
