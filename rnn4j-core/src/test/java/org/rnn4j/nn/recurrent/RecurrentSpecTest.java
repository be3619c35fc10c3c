package org.rnn4j.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rnn4j.io.ModelFormatException;

class RecurrentSpecTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void badSettingsAreNamedWithTheValue() {
    assertEquals("hiddenSize must be at least 1, got 0", assertThrows(
        IllegalArgumentException.class, () -> RecurrentSpec.of(CellKind.GRU, 0)).getMessage());
    assertEquals("layers must be at least 1, got 0", assertThrows(IllegalArgumentException.class,
        () -> RecurrentSpec.of(CellKind.GRU, 4).withLayers(0)).getMessage());
    assertEquals("dropout must lie in [0, 1), got 1.0", assertThrows(
        IllegalArgumentException.class,
        () -> RecurrentSpec.of(CellKind.GRU, 4).withDropout(1f)).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> RecurrentConfig.builder(CellKind.LSTM, 3, 4).layers(-1).build(),
        "RecurrentConfig checks through the spec");
  }

  @Test
  void buildsTheLayerConfigForAnInputSize() {
    RecurrentSpec spec = new RecurrentSpec(CellKind.LSTM, 8, 2, true, 0.25f);
    RecurrentConfig config = spec.config(5);
    assertEquals(5, config.inputSize());
    assertEquals(spec, config.spec());
    assertEquals(16, spec.outputSize());
    assertEquals(2, spec.directions());
  }

  @Test
  void jsonRoundTripsAndOldFilesWithoutOptionalFieldsRead() throws Exception {
    RecurrentSpec spec = new RecurrentSpec(CellKind.RNN_RELU, 8, 3, true, 0.5f);
    ObjectNode json = spec.toJson(JSON.createObjectNode());
    assertEquals("{\"cell\":\"RNN_RELU\",\"hidden_size\":8,\"layers\":3,\"bidirectional\":true,"
        + "\"dropout\":0.5}", json.toString());
    assertEquals(spec, RecurrentSpec.fromJson(json, Path.of("m")));
    RecurrentSpec old = RecurrentSpec.fromJson(
        JSON.readTree("{\"cell\":\"GRU\",\"hidden_size\":4,\"layers\":1}"), Path.of("m"));
    assertEquals(RecurrentSpec.of(CellKind.GRU, 4), old);
    ModelFormatException cell = assertThrows(ModelFormatException.class, () ->
        RecurrentSpec.fromJson(JSON.readTree("{\"cell\":\"TCN\",\"hidden_size\":4,\"layers\":1}"),
            Path.of("m.safetensors")));
    assertTrue(cell.getMessage().startsWith("m.safetensors: config cell must be one of"),
        cell.getMessage());
    ModelFormatException layers = assertThrows(ModelFormatException.class, () ->
        RecurrentSpec.fromJson(JSON.readTree("{\"cell\":\"GRU\",\"hidden_size\":4,\"layers\":0}"),
            Path.of("m.safetensors")));
    assertTrue(layers.getMessage().contains("layers must be at least 1"), layers.getMessage());
  }

  @Test
  void onlyTheLstmHasACellState() {
    for (CellKind kind : CellKind.values()) {
      assertEquals(kind == CellKind.LSTM, kind.hasCellState(), kind.name());
    }
    assertFalse(CellKind.GRU.hasCellState());
  }
}
