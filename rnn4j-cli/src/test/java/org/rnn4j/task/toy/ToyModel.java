package org.rnn4j.task.toy;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.Module;
import org.rnn4j.tensor.Tensor;

/**
 * z = W·f + b over letter frequencies f (A): f_a = count of letter a / length.
 * fc: W (C, A), b (C).
 */
final class ToyModel implements Module {
  private final ToyConfig config;
  private final Linear fc;

  ToyModel(ToyConfig config, RandomGenerator rng) {
    this.config = config;
    this.fc = new Linear(config.alphabet().length(), config.labels().size(), rng);
  }

  ToyConfig config() {
    return config;
  }

  @Override
  public Map<String, Module> children() {
    return Map.of("fc", fc);
  }

  /** (B, A) letter frequencies of each text. */
  Tensor frequencies(List<String> texts) {
    int a = config.alphabet().length();
    float[] f = new float[texts.size() * a];
    for (int b = 0; b < texts.size(); b++) {
      String text = texts.get(b);
      for (int i = 0; i < text.length(); i++) {
        int letter = config.alphabet().indexOf(text.charAt(i));
        if (letter >= 0) {
          f[b * a + letter] += 1f / text.length();
        }
      }
    }
    return Tensor.of(f, texts.size(), a);
  }

  /** (B, C) class scores. */
  Tensor forward(List<String> texts) {
    return fc.forward(frequencies(texts));
  }
}
