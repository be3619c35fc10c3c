package org.rnn4j.task.seq2seq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.Collate;
import org.rnn4j.data.PaddedIds;
import org.rnn4j.data.Seq2SeqBatch;
import org.rnn4j.loss.CrossEntropy;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testing.Fixture;

/**
 * A whole encoder–decoder (bidirectional GRU encoder over ragged sources, bridge, GRU decoder
 * with input feeding and additive attention) gives the logits, loss and parameter gradients of
 * the same model built from torch.nn parts by tools/fixtures/make_attention_fixtures.py, through
 * the logits and through the fused training loss.
 */
class Seq2SeqParityTest {
  private static final double RTOL = 1e-5;

  @Test
  void teacherForcedLogitsLossAndGradientsMatchPyTorch() throws IOException {
    Fixture f = Fixture.load("attention/seq2seq_gru_additive.safetensors");
    assertEquals(Collate.IGNORE_INDEX, Integer.parseInt(f.meta("ignore_index")));
    Seq2Seq model = new Seq2Seq(new Seq2SeqConfig(
            RecurrentSpec.of(CellKind.GRU, meta(f, "hidden")).withBidirectional(true),
            meta(f, "source_vocabulary"), meta(f, "target_vocabulary"),
            meta(f, "source_embedding"), meta(f, "target_embedding"), AttentionKind.ADDITIVE),
        new SplittableRandom(0));
    assertEquals(meta(f, "hidden"), meta(f, "attention_size"));
    for (Map.Entry<String, Tensor> p : model.parameters().entrySet()) {
      float[] src = f.tensor(p.getKey()).data();
      assertEquals(src.length, p.getValue().data().length, p.getKey());
      System.arraycopy(src, 0, p.getValue().data(), 0, src.length);
    }
    int[] lengths = Arrays.stream(f.meta("lengths").split(",")).mapToInt(Integer::parseInt)
        .toArray();
    Tensor source = f.tensor("source");
    Tensor inputs = f.tensor("decoder_inputs");
    PaddedIds x = new PaddedIds(ints(source), source.dim(0), source.dim(1), lengths, 0);
    PaddedIds y = new PaddedIds(ints(inputs), inputs.dim(0), inputs.dim(1),
        new int[] {inputs.dim(1), inputs.dim(1), inputs.dim(1)}, 0);

    Tensor logits = model.forward(x, y);
    Tensor loss = CrossEntropy.loss(logits, ints(f.tensor("targets")),
        new CrossEntropy.Options(Collate.IGNORE_INDEX, 0f));
    loss.backward();

    f.assertCloseToScale("logits", logits, RTOL);
    f.assertCloseToScale("loss", loss.reshape(1), RTOL);
    assertEquals(f.tensor("grad_out.weight").dim(0), model.parameters().get("out.weight").dim(0));
    for (Map.Entry<String, Tensor> p : model.parameters().entrySet()) {
      f.assertCloseToScale("grad_" + p.getKey(), p.getValue().grad(), RTOL);
    }

    model.zeroGrad(); // the training loss: output layer and cross-entropy fused
    Tensor fused = model.loss(new Seq2SeqBatch(x, y, ints(f.tensor("targets")), new int[3]));
    fused.backward();
    f.assertCloseToScale("loss", fused.reshape(1), RTOL);
    for (Map.Entry<String, Tensor> p : model.parameters().entrySet()) {
      f.assertCloseToScale("grad_" + p.getKey(), p.getValue().grad(), RTOL);
    }
  }

  private static int meta(Fixture f, String key) {
    return Integer.parseInt(f.meta(key));
  }

  private static int[] ints(Tensor t) {
    float[] v = t.data();
    int[] out = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.round(v[i]);
    }
    return out;
  }
}
