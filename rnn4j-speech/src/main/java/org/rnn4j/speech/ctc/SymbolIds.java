package org.rnn4j.speech.ctc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The class ids of a recognizer's symbols, looked up by symbol: symbol k of the config is class
 * k + 1; class 0 is the blank.
 */
final class SymbolIds {
  private final RecognizerConfig config;
  private final Map<String, Integer> ids = new HashMap<>();

  /** The ids of the config's symbols. */
  SymbolIds(RecognizerConfig config) {
    this.config = config;
    for (int k = 0; k < config.symbols().size(); k++) {
      ids.put(config.symbols().get(k), k + 1);
    }
  }

  /**
   * A transcript as class ids, split into the config's units.
   *
   * @param transcript the text
   * @return (S) class ids in [1, C)
   * @throws IllegalArgumentException naming the symbol that is not among the config's
   */
  int[] of(String transcript) {
    List<String> symbols = config.units().split(transcript);
    int[] labels = new int[symbols.size()];
    for (int i = 0; i < labels.length; i++) {
      Integer id = ids.get(symbols.get(i));
      if (id == null) {
        throw new IllegalArgumentException("transcript '" + transcript + "' has the symbol '"
            + symbols.get(i) + "', which the model does not know; its symbols are "
            + config.symbols());
      }
      labels[i] = id;
    }
    return labels;
  }

  /**
   * @param symbols symbols of the config, as a transcription holds them
   * @return (S) their class ids
   */
  int[] of(List<String> symbols) {
    return symbols.stream().mapToInt(ids::get).toArray();
  }
}
