package org.rnn4j.serve;

import java.util.List;
import java.util.function.IntFunction;
import org.rnn4j.text.TextCodec;

/** The {@link ServeConfig#maxTokens()} limit on the texts of a request. */
final class TokenLimit {
  private TokenLimit() {}

  /**
   * @param field the request field of text i, e.g. {@code texts[i]}
   * @param texts the texts
   * @param codec how the model splits them into tokens
   * @param max the most tokens per text
   * @throws ApiException 413 naming the first text over the limit
   */
  static void check(IntFunction<String> field, List<String> texts, TextCodec codec, int max) {
    for (int i = 0; i < texts.size(); i++) {
      check(field.apply(i), codec.tokenizer().tokenize(texts.get(i)).size(), max);
    }
  }

  /** @throws ApiException 413 if {@code tokens > max} */
  static void check(String field, int tokens, int max) {
    if (tokens > max) {
      throw ApiException.tooLarge(field, "at most " + max + " tokens per text, got " + tokens);
    }
  }
}
