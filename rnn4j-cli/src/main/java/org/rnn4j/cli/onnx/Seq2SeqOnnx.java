package org.rnn4j.cli.onnx;

import static org.rnn4j.cli.onnx.OnnxGraph.FLOAT;
import static org.rnn4j.cli.onnx.OnnxGraph.INT32;
import static org.rnn4j.cli.onnx.OnnxGraph.INT64;
import static org.rnn4j.cli.onnx.OnnxGraph.attribute;
import static org.rnn4j.cli.onnx.OnnxGraph.ints;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rnn4j.cli.onnx.proto.OnnxModel.Model;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.seq2seq.AttentionKind;
import org.rnn4j.task.seq2seq.Seq2Seq;
import org.rnn4j.task.seq2seq.Seq2SeqConfig;
import org.rnn4j.tensor.Tensor;

/**
 * An encoder–decoder with attention ({@link Seq2Seq}) as two ONNX graphs: the encoder, run once
 * per batch of sources, and one decoder step, run once per output token by the caller's loop
 * (greedy or beam search):
 *
 * <pre>
 * encoder  source_ids (B, Tx) int64, source_lengths (B) int32
 *          → memory h (B, Tx, He), keys = the attention's projection of h (B, Tx, A or H),
 *            h0 (1, B, H) [, c0] = the bridge of the last encoder layer's final states
 * step     previous (B) int64 (&lt;bos&gt; first), context (B, He) (zeros first), h (1, B, H)
 *          [, c], memory, keys, source_lengths
 *          s = cell([E_y[previous]; context], h)                       (B, H)
 *          e = vᵀ tanh(W_s s + keys)  (additive)  or  sᵀ keys  (multiplicative: keys = W h)
 *          α = softmax over j &lt; source_lengths of e (B, Tx); context' = Σ_j α_j h_j (B, He)
 *          → logits = W_o [s; context'] + b_o (B, V), log_probabilities, h' [, c'], context', α
 * </pre>
 */
final class Seq2SeqOnnx {
  private Seq2SeqOnnx() {}

  /** The two graphs. */
  record Graphs(Model encoder, Model step) {}

  /**
   * @param model the model
   * @param producerVersion rnn4j's version
   * @return the encoder and the decoder step
   */
  static Graphs export(Seq2Seq model, String producerVersion) {
    return new Graphs(encoder(model, producerVersion), step(model, producerVersion));
  }

  private static Model encoder(Seq2Seq model, String producerVersion) {
    Seq2SeqConfig config = model.config();
    RecurrentSpec spec = config.encoder();
    Map<String, Tensor> p = model.parameters();
    int h = spec.hiddenSize();
    int he = spec.outputSize();
    boolean lstm = spec.cell() == CellKind.LSTM;
    OnnxGraph g = new OnnxGraph("rnn4j_seq2seq_encoder");
    String x = SequenceInput.tokens(g, p, "encoder_embedding", "source_ids", "source_lengths",
        "source_time");
    RecurrentOnnx.Result enc = RecurrentOnnx.append(g, "encoder", p, spec, x, "source_lengths",
        Optional.empty());
    g.node("Transpose", "memory", List.of(enc.y()), ints("perm", 1, 0, 2)); // (B, Tx, He)
    keys(g, p, config.attention());
    int last = (spec.layers() - 1) * spec.directions();
    bridge(g, p, enc.states().h(), last, spec, "bridge_h", "h0", true);
    if (lstm) {
      bridge(g, p, enc.states().c().orElseThrow(), last, spec, "bridge_c", "c0", false);
    }
    g.output("memory", FLOAT, "batch", "source_time", he);
    g.output("keys", FLOAT, "batch", "source_time", keySize(p, config.attention()));
    g.output("h0", FLOAT, 1, "batch", h);
    if (lstm) {
      g.output("c0", FLOAT, 1, "batch", h);
    }
    return g.model("rnn4j seq2seq encoder: " + spec.cell().name().toLowerCase() + ", "
        + spec.layers() + " layer(s), " + (spec.bidirectional() ? "bidirectional" : "forward")
        + ", " + config.attention().name().toLowerCase() + " attention", producerVersion,
        config.toJson().toString());
  }

  /** The keys the attention compares the decoder state with: memory·W_hᵀ or memory·Wᵀ. */
  private static void keys(OnnxGraph g, Map<String, Tensor> p, AttentionKind kind) {
    Tensor w = p.get(kind == AttentionKind.ADDITIVE ? "attention.key.weight"
        : "attention.weight"); // (A, He) or (H, He)
    g.node("MatMul", "keys", List.of("memory",
        g.constant("key_weight_t", Dense.transpose(w), w.shape()[1], w.shape()[0])));
  }

  private static int keySize(Map<String, Tensor> p, AttentionKind kind) {
    return p.get(kind == AttentionKind.ADDITIVE ? "attention.key.weight" : "attention.weight")
        .shape()[0];
  }

  /**
   * The decoder's first state from the last encoder layer's final states (L·D, B, H): the
   * forward slab as it is, or, bidirectional, [forward; reverse] through the bridge layer.
   */
  private static void bridge(OnnxGraph g, Map<String, Tensor> p, String states, int last,
      RecurrentSpec spec, String layer, String output, boolean squash) {
    int d = spec.directions();
    String rows = RecurrentOnnx.slice(g, states, output + "_last", last, d);
    if (d == 1) {
      g.node("Identity", output, List.of(rows));
      return;
    }
    String joined = g.node("Reshape", output + "_joined", List.of(
        g.node("Transpose", output + "_b", List.of(rows), ints("perm", 1, 0, 2)),
        g.constant(output + "_shape", new long[] {0, 2L * spec.hiddenSize()}, 2))); // (B, 2H)
    String projected = Dense.append(g, layer, p, joined, output + "_projected");
    if (squash) {
      projected = g.node("Tanh", output + "_tanh", List.of(projected));
    }
    g.node("Unsqueeze", output, List.of(projected,
        g.constant(output + "_axis", new long[] {0}, 1)));
  }

  private static Model step(Seq2Seq model, String producerVersion) {
    Seq2SeqConfig config = model.config();
    RecurrentSpec spec = config.encoder();
    Map<String, Tensor> p = model.parameters();
    int h = spec.hiddenSize();
    int he = spec.outputSize();
    int v = config.targetVocabularySize();
    boolean lstm = spec.cell() == CellKind.LSTM;
    OnnxGraph g = new OnnxGraph("rnn4j_seq2seq_decoder_step");
    g.input("previous", INT64, "batch");
    g.input("context", FLOAT, "batch", he);
    g.input("h", FLOAT, 1, "batch", h);
    if (lstm) {
      g.input("c", FLOAT, 1, "batch", h);
    }
    g.input("memory", FLOAT, "batch", "source_time", he);
    g.input("keys", FLOAT, "batch", "source_time", keySize(p, config.attention()));
    g.input("source_lengths", INT32, "batch");
    Tensor ey = p.get("decoder_embedding.weight"); // (V, E_y)
    String y = g.node("Gather", "y", List.of(g.constant("decoder_embedding", ey.data(),
        ey.shape()[0], ey.shape()[1]), "previous")); // (B, E_y)
    String x = g.node("Unsqueeze", "x", List.of(
        g.node("Concat", "x_bi", List.of(y, "context"), attribute("axis", 1)),
        g.constant("axis_0", new long[] {0}, 1))); // (1, B, E_y + He)
    RecurrentOnnx.Result dec = RecurrentOnnx.append(g, "decoder", p,
        RecurrentSpec.of(spec.cell(), h), x, "", Optional.of(new RecurrentOnnx.States("h",
            lstm ? Optional.of("c") : Optional.empty())));
    String s = g.node("Squeeze", "s", List.of(dec.y(), "axis_0")); // (B, H)
    String scores = config.attention() == AttentionKind.ADDITIVE ? additive(g, p, s)
        : multiplicative(g, s);
    String alpha = g.node("Softmax", "attention", List.of(g.node("Where", "scores_masked",
        List.of(sourceMask(g), scores, g.constant("minus_infinity",
            new float[] {Float.NEGATIVE_INFINITY})))), attribute("axis", 1)); // (B, Tx)
    String ctx = g.node("Squeeze", "context_next", List.of(g.node("MatMul", "context_b1",
        List.of(g.node("Unsqueeze", "attention_b1", List.of(alpha,
            g.constant("axis_1", new long[] {1}, 1))), "memory")), "axis_1")); // (B, He)
    String features = g.node("Concat", "features", List.of(s, ctx), attribute("axis", 1));
    Dense.append(g, "out", p, features, "logits");
    g.node("LogSoftmax", "log_probabilities", List.of("logits"), attribute("axis", 1));
    g.node("Identity", "h_next", List.of(dec.states().h()));
    g.output("logits", FLOAT, "batch", v);
    g.output("log_probabilities", FLOAT, "batch", v);
    g.output("h_next", FLOAT, 1, "batch", h);
    if (lstm) {
      g.node("Identity", "c_next", List.of(dec.states().c().orElseThrow()));
      g.output("c_next", FLOAT, 1, "batch", h);
    }
    g.output("context_next", FLOAT, "batch", he);
    g.output("attention", FLOAT, "batch", "source_time");
    return g.model("rnn4j seq2seq decoder step: " + spec.cell().name().toLowerCase() + ", "
        + config.attention().name().toLowerCase() + " attention, target vocabulary " + v,
        producerVersion, config.toJson().toString());
  }

  /** e[b, j] = vᵀ tanh(W_s s_b + keys[b, j]): (B, Tx). */
  private static String additive(OnnxGraph g, Map<String, Tensor> p, String s) {
    Tensor ws = p.get("attention.query.weight"); // (A, H)
    Tensor v = p.get("attention.v.weight"); // (1, A)
    String query = g.node("Unsqueeze", "query", List.of(g.node("MatMul", "query_flat",
        List.of(s, g.constant("query_weight_t", Dense.transpose(ws), ws.shape()[1], ws.shape()[0]))),
        "axis_1")); // (B, 1, A)
    String hidden = g.node("Tanh", "hidden", List.of(g.node("Add", "hidden_pre",
        List.of("keys", query)))); // (B, Tx, A)
    return g.node("Squeeze", "scores", List.of(g.node("MatMul", "scores_1", List.of(hidden,
        g.constant("v_t", v.data(), v.shape()[1], 1))), g.constant("axis_2", new long[] {2}, 1)));
  }

  /** e[b, j] = s_bᵀ keys[b, j] with keys = W h: (B, Tx). */
  private static String multiplicative(OnnxGraph g, String s) {
    String query = g.node("Unsqueeze", "query", List.of(s, "axis_1")); // (B, 1, H)
    String keysT = g.node("Transpose", "keys_t", List.of("keys"), ints("perm", 0, 2, 1));
    return g.node("Squeeze", "scores", List.of(g.node("MatMul", "scores_1",
        List.of(query, keysT)), "axis_1")); // (B, 1, Tx) → (B, Tx)
  }

  /** j &lt; source_lengths[b]: (B, Tx) bool. */
  private static String sourceMask(OnnxGraph g) {
    String steps = SequenceInput.steps(g, "memory", 1, "source_steps"); // (Tx)
    String n = g.node("Unsqueeze", "lengths_b1", List.of(SequenceInput.int64(g,
        "source_lengths"), "axis_1")); // (B, 1)
    return g.node("Less", "source_mask", List.of(steps, n)); // (1, Tx) vs (B, 1) → (B, Tx)
  }
}
