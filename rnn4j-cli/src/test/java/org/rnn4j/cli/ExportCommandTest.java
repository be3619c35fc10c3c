package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnn4j.task.lm.LanguageModel;

/** {@code rnn4j export --onnx} on the golden model files, run in ONNX Runtime. */
class ExportCommandTest {
  private static final Path MODELS = Path.of("src/test/resources/golden/models");

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"lm; ids, lengths, h0, c0; logits, hn, cn",
      "classify; ids, lengths; logits, probabilities",
      "tag; ids, lengths; logits, probabilities", "forecast; history, lengths; forecast"})
  void writesAGraphOnnxRuntimeLoads(String family, String inputs, String outputs)
      throws Exception {
    Path onnx = dir.resolve(family + ".onnx");
    CliRun r = CliRun.run("export", "--model", MODELS.resolve(family + ".safetensors").toString(),
        "--onnx", onnx.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith(onnx + ": ONNX model (IR 8, opset 17)"), r.out());
    assertTrue(r.out().contains("  inputs:  " + inputs.split(", ")[0] + " ("), r.out());
    try (OrtSession s = OrtEnvironment.getEnvironment().createSession(onnx.toString(),
        new OrtSession.SessionOptions())) {
      assertEquals(Set.of(inputs.split(", ")), s.getInputNames());
      assertEquals(Set.of(outputs.split(", ")), s.getOutputNames());
      Map<String, String> meta = s.getMetadata().getCustomMetadata();
      assertTrue(meta.get("rnn4j.config").contains("\"task\":\"" + family + "\""));
      assertEquals(!family.equals("forecast"), meta.containsKey("rnn4j.vocabulary"), meta.keySet()
          .toString());
    }
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left");
    }
  }

  @Test
  void theExportedLanguageModelScoresAsRnn4jDoes() throws Exception {
    Path onnx = dir.resolve("lm.onnx");
    assertEquals(0, CliRun.run("export", "--model", MODELS.resolve("lm.safetensors").toString(),
        "--onnx", onnx.toString()).code());
    LanguageModel lm = LanguageModel.load(MODELS.resolve("lm.safetensors")).model();
    int[] ids = {1, 5, 7, 3, 2}; // (1, 5)
    int[] lengths = {5};
    var expected = lm.forward(ids, lengths, lm.zeroState(1));
    int layers = lm.config().recurrent().layers();
    int h = lm.config().recurrent().hiddenSize();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession s = env.createSession(onnx.toString(), new OrtSession.SessionOptions());
        OnnxTensor idsT = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {1, 5, 7, 3, 2}),
            new long[] {1, 5});
        OnnxTensor lengthsT = OnnxTensor.createTensor(env, IntBuffer.wrap(lengths),
            new long[] {1});
        OnnxTensor h0 = OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[layers * h]),
            new long[] {layers, 1, h});
        OnnxTensor c0 = OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[layers * h]),
            new long[] {layers, 1, h});
        OrtSession.Result result = s.run(Map.of("ids", idsT, "lengths", lengthsT, "h0", h0,
            "c0", c0))) {
      FloatBuffer logits = ((OnnxTensor) result.get("logits").orElseThrow()).getFloatBuffer();
      float[] want = expected.logits().data();
      assertEquals(want.length, logits.remaining());
      for (int i = 0; i < want.length; i++) {
        assertEquals(want[i], logits.get(i), 1e-5, "logit " + i);
      }
    }
  }

  @Test
  void aSeq2seqModelGivesItsEncoderAndDecoderStep() throws Exception {
    Path onnx = dir.resolve("s.onnx");
    CliRun r = CliRun.run("export", "--model", MODELS.resolve("seq2seq.safetensors").toString(),
        "--onnx", onnx.toString());
    assertEquals(0, r.code(), r.err());
    assertFalse(Files.exists(onnx));
    for (String part : new String[] {"encoder", "decoder"}) {
      Path file = dir.resolve("s." + part + ".onnx");
      assertTrue(r.out().contains(file + ": ONNX model"), r.out());
      try (OrtSession s = OrtEnvironment.getEnvironment().createSession(file.toString(),
          new OrtSession.SessionOptions())) {
        assertTrue(s.getInputNames().contains(part.equals("encoder") ? "source_ids"
            : "previous"), s.getInputNames().toString());
      }
    }
  }

  @Test
  void aFileThatIsNotAModelIsAClearErrorAndWritesNothing() throws Exception {
    Path notModel = Files.writeString(dir.resolve("x.safetensors"), "not a model");
    Path onnx = dir.resolve("x.onnx");
    CliRun r = CliRun.run("export", "--model", notModel.toString(), "--onnx", onnx.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains(notModel.toString()), r.err());
    assertFalse(Files.exists(onnx));
  }
}
