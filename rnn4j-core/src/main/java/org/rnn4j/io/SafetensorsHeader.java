package org.rnn4j.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The validated header of a safetensors file: every tensor's name, type, shape and byte range,
 * and the {@code __metadata__} strings. Reading it touches no tensor data.
 *
 * @param tensors the entries by name, in data-offset order (unmodifiable)
 * @param metadata the {@code __metadata__} map, in header order; empty if absent (unmodifiable)
 * @param headerLength N, the byte length of the JSON header including its padding
 * @param dataLength the byte length of the data section (file size − 8 − N)
 */
public record SafetensorsHeader(
    Map<String, TensorInfo> tensors, Map<String, String> metadata, long headerLength,
    long dataLength) {

  /** Makes unmodifiable copies of the maps, keeping their order. */
  public SafetensorsHeader {
    tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /**
   * The entry of one tensor.
   *
   * @param name the tensor name
   * @return the entry, or empty if the file has no tensor of that name
   */
  public Optional<TensorInfo> tensor(String name) {
    return Optional.ofNullable(tensors.get(name));
  }
}
