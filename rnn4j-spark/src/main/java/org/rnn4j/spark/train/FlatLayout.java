package org.rnn4j.spark.train;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rnn4j.tensor.Tensor;

/**
 * Named tensors as one flat vector of N floats, in the order of the map they came from (a
 * module's parameters, an optimizer's buffers): what is broadcast and summed.
 */
final class FlatLayout implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> names;
  private final int[] sizes;
  private final int total;

  private FlatLayout(List<String> names, int[] sizes) {
    this.names = names;
    this.sizes = sizes;
    int n = 0;
    for (int s : sizes) {
      n += s;
    }
    this.total = n;
  }

  /** The layout of these tensors, in the map's order. */
  static FlatLayout of(Map<String, Tensor> tensors) {
    List<String> names = new ArrayList<>(tensors.keySet());
    int[] sizes = new int[names.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = tensors.get(names.get(i)).size();
    }
    return new FlatLayout(List.copyOf(names), sizes);
  }

  /** N, the floats of the flat vector. */
  int size() {
    return total;
  }

  /** The tensors' values as one vector (N). */
  float[] flatten(Map<String, Tensor> tensors) {
    float[] out = new float[total];
    int at = 0;
    for (int i = 0; i < sizes.length; i++) {
      System.arraycopy(tensor(tensors, i).data(), 0, out, at, sizes[i]);
      at += sizes[i];
    }
    return out;
  }

  /**
   * The tensors' gradients times a weight, as one vector (N); a tensor that backward did not
   * reach contributes zeros.
   */
  float[] gradients(Map<String, Tensor> tensors, float weight) {
    float[] out = new float[total];
    int at = 0;
    for (int i = 0; i < sizes.length; i++) {
      Tensor t = tensor(tensors, i);
      if (t.hasGrad()) {
        float[] g = t.grad().data();
        for (int k = 0; k < sizes[i]; k++) {
          out[at + k] = weight * g[k];
        }
      }
      at += sizes[i];
    }
    return out;
  }

  /**
   * Copies {@code values[from … from+N)} into the tensors' data.
   *
   * @param values a vector holding this layout at {@code from}
   * @param from the offset of the first float
   * @param into the tensors, changed
   */
  void copyInto(float[] values, int from, Map<String, Tensor> into) {
    int at = from;
    for (int i = 0; i < sizes.length; i++) {
      System.arraycopy(values, at, tensor(into, i).data(), 0, sizes[i]);
      at += sizes[i];
    }
  }

  private Tensor tensor(Map<String, Tensor> tensors, int i) {
    Tensor t = tensors.get(names.get(i));
    if (t == null || t.size() != sizes[i]) {
      throw new IllegalArgumentException("tensor '" + names.get(i) + "' must hold " + sizes[i]
          + " values, got " + (t == null ? "no tensor" : t.size() + " values"));
    }
    return t;
  }
}
