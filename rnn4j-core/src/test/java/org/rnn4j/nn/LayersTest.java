package org.rnn4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testing.GradientCheck;

/** Linear and Embedding: gradients, shapes, PyTorch's initialisation, parameter names. */
class LayersTest {

  @Test
  void linearGradientsForInputWeightAndBias() {
    Linear fc = new Linear(4, 3, new SplittableRandom(1));
    Tensor x = Tensor.uniform(new SplittableRandom(2), -1f, 1f, 2, 5, 4).requiresGrad(true);
    GradientCheck.check("linear", in -> fc.forward(in[0]), x, fc.parameters().get("weight"),
        fc.parameters().get("bias"));
    assertArrayEquals(new int[] {2, 5, 3}, fc.forward(x).shape());
  }

  @Test
  void linearInitialisationIsUniformWithinOneOverRootIn() {
    Linear fc = new Linear(25, 40, new SplittableRandom(3));
    for (Tensor p : fc.parameters().values()) {
      for (float v : p.data()) {
        assertTrue(Math.abs(v) <= 0.2f, "|w| ≤ 1/√25");
      }
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> fc.forward(Tensor.zeros(2, 24)));
    assertEquals("Linear input's last dimension must equal inputSize: expected 25, got shape"
        + " [2, 24]", e.getMessage());
  }

  @Test
  void embeddingGradientAndShape() {
    Embedding emb = new Embedding(6, 3, new SplittableRandom(4));
    int[] ids = {5, 0, 5, 2};
    GradientCheck.check("embedding", in -> emb.forward(ids, 2, 2), emb.parameters().get("weight"));
    assertArrayEquals(new int[] {2, 2, 3}, emb.forward(ids, 2, 2).shape());
    float[] w = emb.parameters().get("weight").data();
    assertEquals(w[5 * 3 + 1], emb.forward(ids, 2, 2).get(1, 0, 1));
  }

  @Test
  void childParametersGetDottedPyTorchNames() {
    Map<String, Module> children = new LinkedHashMap<>();
    children.put("embedding", new Embedding(6, 3, new SplittableRandom(5)));
    children.put("fc", new Linear(3, 6, new SplittableRandom(6)));
    Module both = new Module() {
      @Override
      public Map<String, Module> children() {
        return children;
      }
    };
    Map<String, Tensor> named = both.parameters();
    assertEquals(List.of("embedding.weight", "fc.weight", "fc.bias"), List.copyOf(named.keySet()));
    assertEquals(6 * 3 + 3 * 6 + 6, both.parameterCount());
  }
}
