package org.rnn4j.cli.onnx;

import static org.rnn4j.cli.onnx.OnnxGraph.FLOAT;
import static org.rnn4j.cli.onnx.OnnxGraph.attribute;
import static org.rnn4j.cli.onnx.OnnxGraph.ints;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rnn4j.cli.onnx.proto.OnnxModel.Model;
import org.rnn4j.nn.Embedding;
import org.rnn4j.nn.recurrent.Recurrent;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.tag.CharFeatures;
import org.rnn4j.task.tag.Tagger;
import org.rnn4j.task.tag.TaggerConfig;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

/**
 * A sequence tagger ({@link Tagger#forward}) as an ONNX graph:
 *
 * <pre>
 * inputs   ids (B, T) int64, lengths (B) int32
 * x⟨t⟩ = F[id⟨t⟩]      F (V, E) the embedding, or (V, E + 2·Hc) = [E ; f ; r] with character
 *                     features: each word's spelling is fixed in the model, so its character
 *                     GRU's final states f and r are computed once, at export, for every word
 * → recurrent layers (T, B, D·H) → logits = y·W_fcᵀ + b_fc (B, T, K), probabilities = softmax
 * </pre>
 * Steps past a sequence's length hold the output layer applied to zeros.
 */
final class TaggerOnnx {
  private TaggerOnnx() {}

  /**
   * @param model the model
   * @param producerVersion rnn4j's version
   * @return the ONNX model
   */
  static Model export(Tagger model, String producerVersion) {
    TaggerConfig config = model.config();
    RecurrentSpec spec = config.recurrent();
    Map<String, Tensor> p = model.parameters();
    OnnxGraph g = new OnnxGraph("rnn4j_tag");
    String x = SequenceInput.tokens(g, "word_features", wordFeatures(model),
        config.vocabularySize(), config.wordFeatures());
    RecurrentOnnx.Result rnn = RecurrentOnnx.append(g, "rnn", p, spec, x, "lengths",
        Optional.empty());
    String y = g.node("Transpose", "y", List.of(rnn.y()), ints("perm", 1, 0, 2));
    Dense.append(g, "fc", p, y, "logits");
    g.node("Softmax", "probabilities", List.of("logits"), attribute("axis", -1));
    g.output("logits", FLOAT, "batch", "time", config.tagCount());
    g.output("probabilities", FLOAT, "batch", "time", config.tagCount());
    return g.model("rnn4j tagger: " + spec.cell().name().toLowerCase() + ", tags "
        + config.tags(), producerVersion,
        config.toJson().toString());
  }

  /** F (V, E) or (V, E + 2·Hc): each word id's input to the recurrent layer. */
  static float[] wordFeatures(Tagger model) {
    TaggerConfig config = model.config();
    float[] e = model.parameters().get("embedding.weight").data(); // (V, E)
    if (config.chars().isEmpty()) {
      return e.clone();
    }
    CharFeatures chars = config.chars().get();
    int[][] spellings = chars.spellings();
    int v = config.vocabularySize();
    int longest = 1;
    for (int[] s : spellings) {
      longest = Math.max(longest, s.length);
    }
    int[] ids = new int[v * longest]; // (V, longest), 0 after each spelling
    int[] lengths = new int[v];
    for (int w = 0; w < v; w++) {
      System.arraycopy(spellings[w], 0, ids, w * longest, spellings[w].length);
      lengths[w] = spellings[w].length;
    }
    float[] h; // (2, V, Hc): forward after the last character, reverse after the first
    try (NoGrad scope = NoGrad.enter()) {
      Embedding charEmbedding = (Embedding) model.children().get("char_embedding");
      Recurrent charRnn = (Recurrent) model.children().get("char_rnn");
      h = charRnn.forward(charEmbedding.forward(ids, v, longest), lengths).state().h().data();
    }
    int width = config.wordFeatures();
    int es = config.embeddingSize();
    int hc = chars.hiddenSize();
    float[] f = new float[v * width];
    for (int w = 0; w < v; w++) {
      System.arraycopy(e, w * es, f, w * width, es);
      System.arraycopy(h, w * hc, f, w * width + es, hc);
      System.arraycopy(h, (v + w) * hc, f, w * width + es + hc, hc);
    }
    return f;
  }
}
