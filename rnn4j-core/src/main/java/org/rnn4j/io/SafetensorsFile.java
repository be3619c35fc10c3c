package org.rnn4j.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rnn4j.tensor.Tensor;

/**
 * The contents of a safetensors file: its tensors as float32 and its metadata strings.
 *
 * @param tensors the tensors by name, in data-offset order (unmodifiable map; the tensors are
 *     fresh leaves that own their data)
 * @param metadata the header's {@code __metadata__}, in header order; empty if absent
 *     (unmodifiable)
 */
public record SafetensorsFile(Map<String, Tensor> tensors, Map<String, String> metadata) {

  /** Makes unmodifiable copies of the maps, keeping their order. */
  public SafetensorsFile {
    tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }
}
