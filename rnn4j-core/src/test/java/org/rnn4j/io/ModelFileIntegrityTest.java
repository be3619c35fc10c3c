package org.rnn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.tensor.Tensor;

class ModelFileIntegrityTest {
  @TempDir Path dir;

  private static Map<String, Tensor> weights() {
    Map<String, Tensor> w = new LinkedHashMap<>();
    w.put("fc.weight", Tensor.uniform(new SplittableRandom(1), -1f, 1f, 4, 3));
    w.put("fc.bias", Tensor.uniform(new SplittableRandom(2), -1f, 1f, 4));
    return w;
  }

  private Path write(Map<String, Tensor> w) throws Exception {
    Path file = dir.resolve("m.safetensors");
    ModelFile.write(file, w, new ObjectMapper().createObjectNode().put("task", "x"),
        Optional.empty(), ModelFile.Provenance.now(1, ""));
    return file;
  }

  @Test
  void everyFlippedBitOfTheDataIsCaughtAndNamed() throws Exception {
    Path file = write(weights());
    byte[] bytes = Files.readAllBytes(file);
    long header = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertEquals(ModelFile.checksum(weights()),
        Safetensors.readHeader(file).metadata().get(ModelFile.CHECKSUM));
    int dataStart = (int) (8 + header);
    for (int i = dataStart; i < bytes.length; i++) {
      for (int bit = 0; bit < 8; bit += 3) {
        byte[] damaged = bytes.clone();
        damaged[i] ^= (byte) (1 << bit);
        Path broken = Files.write(dir.resolve("broken.safetensors"), damaged);
        ModelFormatException e = assertThrows(ModelFormatException.class,
            () -> ModelFile.read(broken), "byte " + i + " bit " + bit);
        assertTrue(e.getMessage().startsWith(broken + ": "), e.getMessage());
      }
    }
  }

  @Test
  void filesWithoutAChecksumStillLoad() throws Exception {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", ModelFile.FORMAT);
    meta.put("format_version", ModelFile.VERSION);
    meta.put("config", "{\"task\":\"x\"}");
    Path old = dir.resolve("old.safetensors");
    Safetensors.write(old, weights(), meta);
    assertEquals(2, ModelFile.read(old).tensors().size());
  }

  @Test
  void nonFiniteWeightsAreRefusedNamingTheTensor() throws Exception {
    Map<String, Tensor> w = weights();
    w.get("fc.bias").data()[2] = Float.NaN;
    Path file = write(w);
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(file));
    assertEquals(file + ": tensor fc.bias holds NaN at flat index 2; a model's weights must be"
        + " finite numbers", e.getMessage());
  }

  @Test
  void aConfigLargerThanItsTensorsIsRefusedBeforeTheModelIsAllocated() throws Exception {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", ModelFile.FORMAT);
    meta.put("format_version", ModelFile.VERSION);
    // an LSTM of 20,000 units would need 6.4 GB; the file holds 16 values
    meta.put("config", "{\"task\":\"lm\",\"cell\":\"LSTM\",\"vocabulary_size\":10,"
        + "\"embedding_size\":4,\"hidden_size\":20000,\"layers\":1,\"dropout\":0}");
    Path crafted = dir.resolve("crafted.safetensors");
    Safetensors.write(crafted, Map.of("embedding.weight", Tensor.zeros(4, 4)), meta);
    ModelFormatException e = assertThrows(ModelFormatException.class,
        () -> org.rnn4j.task.lm.LanguageModel.load(crafted));
    assertTrue(e.getMessage().startsWith(crafted + ": its config describes a larger model than"
        + " its tensors: a tensor of"), e.getMessage());
    assertTrue(e.getMessage().contains("more than the 16 values its tensors hold"),
        e.getMessage());
  }
}
