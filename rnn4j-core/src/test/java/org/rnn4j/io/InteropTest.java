package org.rnn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.PaddedIds;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.task.lm.LanguageModel;
import org.rnn4j.task.lm.LanguageModelConfig;
import org.rnn4j.task.tag.Tagger;
import org.rnn4j.task.tag.TaggerConfig;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.testing.Fixture;

/**
 * Models cross between rnn4j and PyTorch in both directions, on fixtures written by
 * tools/fixtures/make_interop_fixtures.py (PyTorch 1.13): PyTorch state dicts load into the
 * matching rnn4j models and give PyTorch's logits; a model file written by rnn4j loads into
 * torch.nn (tools/rnn4j_to_torch.py) and PyTorch's logits equal rnn4j's.
 */
class InteropTest {
  private static final double RTOL = 1e-5;
  @TempDir Path dir;

  private static Path resource(String name) throws Exception {
    return Path.of(InteropTest.class.getResource("/fixtures/interop/" + name).toURI());
  }

  private static int[] ids(Tensor asFloats) {
    int[] ids = new int[asFloats.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = (int) asFloats.data()[i];
    }
    return ids;
  }

  private static Tensor logits(LanguageModel m, Tensor idsAsFloats) {
    int b = idsAsFloats.dim(0);
    int[] lengths = new int[b];
    java.util.Arrays.fill(lengths, idsAsFloats.dim(1));
    try (NoGrad scope = NoGrad.enter()) {
      return m.forward(ids(idsAsFloats), lengths, m.zeroState(b)).logits();
    }
  }

  @Test
  void pyTorchLanguageModelsLoadIntoRnn4jAndGiveTheSameLogits() throws Exception {
    Object[][] cases = {
        {"torch_lm", new LanguageModelConfig(11, 5,
            RecurrentSpec.of(CellKind.LSTM, 7).withLayers(2))},
        {"torch_rnn_lm", new LanguageModelConfig(6, 3,
            RecurrentSpec.of(CellKind.RNN_TANH, 4))}};
    for (Object[] c : cases) {
      String name = (String) c[0];
      LanguageModel m = new LanguageModel((LanguageModelConfig) c[1], new SplittableRandom(1));
      Path file = resource(name + ".safetensors");
      ModelFile.copyInto(m.parameters(), Safetensors.read(file).tensors(), file);
      Fixture io = Fixture.load("interop/" + name + "_io.safetensors");
      io.assertClose("logits", logits(m, io.tensor("ids")), RTOL, 1.0);
    }
  }

  @Test
  void aBidirectionalTwoLayerGruTaggerFromPyTorchGivesTheSameLogits() throws Exception {
    Tagger tagger = new Tagger(TaggerConfig.of(9, 4, new RecurrentSpec(CellKind.GRU, 5, 2, true,
        0f), List.of("a", "b", "c")), new SplittableRandom(2));
    Path file = resource("torch_tagger.safetensors");
    ModelFile.copyInto(tagger.parameters(), Safetensors.read(file).tensors(), file);
    Fixture io = Fixture.load("interop/torch_tagger_io.safetensors");
    Tensor ids = io.tensor("ids");
    try (NoGrad scope = NoGrad.enter()) {
      Tensor logits = tagger.forward(new PaddedIds(ids(ids), 2, 6, new int[] {6, 6}, 0));
      io.assertClose("logits", logits, RTOL, 1.0);
    }
  }

  /** The model whose file the fixture script hands to PyTorch (copied to fixtures/interop). */
  static LanguageModel modelForPyTorch() {
    return new LanguageModel(new LanguageModelConfig(13, 6,
        RecurrentSpec.of(CellKind.GRU, 8).withLayers(2)),
        new SplittableRandom(2026));
  }

  @Test
  void writesTheModelFileForPyTorch() throws Exception {
    Path out = Path.of("target/interop/rnn4j_lm.safetensors");
    Files.createDirectories(out.getParent());
    LanguageModel m = modelForPyTorch();
    ModelFile.write(out, m.parameters(), m.config().toJson(), Optional.empty(),
        ModelFile.Provenance.now(2026, ""));
    LanguageModel again = LanguageModel.load(out).model();
    assertEquals(modelForPyTorch().parameters().keySet(), again.parameters().keySet());
  }

  @Test
  void pyTorchRunsTheModelFileRnn4jWroteToTheSameLogits() throws Exception {
    ModelFile.Loaded<LanguageModel> loaded = LanguageModel.load(resource("rnn4j_lm.safetensors"));
    Fixture torch = Fixture.load("interop/rnn4j_lm_torch_logits.safetensors");
    torch.assertClose("logits", logits(loaded.model(), torch.tensor("ids")), RTOL, 1.0);
    Tensor mine = logits(modelForPyTorch(), torch.tensor("ids"));
    torch.assertClose("logits", mine, RTOL, 1.0); // the committed file is today's model
  }

  @Test
  void aModelFileRoundTripsWithVocabularyAndProvenance() throws Exception {
    LanguageModel m = modelForPyTorch();
    Path file = dir.resolve("m.safetensors");
    ModelFile.write(file, m.parameters(), m.config().toJson(),
        Optional.of("{\"tokens\":[\"a\",\"b\"]}"),
        new ModelFile.Provenance(42, "9.9", "ab12", "2026-11-25T20:00:00Z"));
    ModelFile.Loaded<LanguageModel> back = LanguageModel.load(file);
    assertEquals(m.config(), back.model().config());
    assertEquals(Optional.of("{\"tokens\":[\"a\",\"b\"]}"), back.vocabulary());
    assertEquals(new ModelFile.Provenance(42, "9.9", "ab12", "2026-11-25T20:00:00Z"),
        back.provenance().orElseThrow());
    for (String name : m.parameters().keySet()) {
      org.junit.jupiter.api.Assertions.assertArrayEquals(m.parameters().get(name).data(),
          back.model().parameters().get(name).data(), name);
    }
  }

  @Test
  void modelFilesOfAnotherVersionOrWithABrokenConfigAreRejected() throws Exception {
    Map<String, Tensor> params = modelForPyTorch().parameters();
    Object[][] cases = {
        {Map.of("format", "rnn4j-model", "format_version", "7", "config", "{}"),
            "unsupported model format version '7', this rnn4j reads version 1"},
        {Map.of("format", "rnn4j-model", "format_version", "1", "config", "{\"task\": "),
            "metadata config is not valid JSON"},
        {Map.of("format", "rnn4j-model", "format_version", "1"), "metadata config is missing"},
        {Map.of("format", "rnn4j-model", "format_version", "1", "config",
            "{\"task\":\"lm\",\"cell\":\"LSTM\",\"vocabulary_size\":\"x\"}"),
            "config vocabulary_size must be an integer, got \"x\""},
        {Map.of("format", "rnn4j-model", "format_version", "1", "config",
            "{\"task\":\"translate\"}"), "config task is 'translate', expected 'lm'"}};
    for (Object[] c : cases) {
      Path file = dir.resolve("bad.safetensors");
      @SuppressWarnings("unchecked")
      Map<String, String> meta = (Map<String, String>) c[0];
      Safetensors.write(file, params, meta);
      ModelFormatException e = assertThrows(ModelFormatException.class,
          () -> LanguageModel.load(file));
      assertTrue(e.getMessage().contains((String) c[1]), e.getMessage());
      assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }
  }

  @Test
  void aStateDictThatDoesNotMatchTheModelIsRejectedNamingEveryProblem() throws Exception {
    LanguageModel m = modelForPyTorch();
    Path file = resource("torch_lm.safetensors");
    ModelFormatException e = assertThrows(ModelFormatException.class,
        () -> ModelFile.copyInto(m.parameters(), Safetensors.read(file).tensors(), file));
    assertTrue(e.getMessage().contains("unexpected [rnn.bias_hh_l0, rnn.bias_hh_l1,")
        || e.getMessage().contains("embedding.weight has shape [11, 5], the model expects [13, 6]"),
        e.getMessage());
    assertTrue(e.getMessage().contains("embedding.weight has shape [11, 5]"), e.getMessage());
    ModelFormatException notOurs = assertThrows(ModelFormatException.class,
        () -> LanguageModel.load(file));
    assertTrue(notOurs.getMessage().contains("not an rnn4j model file: metadata format is 'pt'"),
        notOurs.getMessage());
  }
}
