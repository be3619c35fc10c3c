package org.rnn4j.text;

import java.util.List;

/**
 * Index encoding of text for an embedding layer: a tokenizer and a vocabulary together.
 *
 * @param tokenizer how text becomes tokens
 * @param vocabulary how tokens become ids
 */
public record TextCodec(Tokenizer tokenizer, Vocabulary vocabulary) {

  /** Checks that both parts are given. */
  public TextCodec {
    if (tokenizer == null || vocabulary == null) {
      throw new IllegalArgumentException("tokenizer and vocabulary must be given");
    }
  }

  /**
   * The ids of a text's tokens.
   *
   * @param text any text
   * @param addBosEos put {@code <bos>} before and {@code <eos>} after the tokens
   * @return ids (T), {@code <unk>} for tokens outside the vocabulary
   */
  public int[] encode(String text, boolean addBosEos) {
    int[] ids = vocabulary.encode(tokenizer.tokenize(text));
    if (!addBosEos) {
      return ids;
    }
    int[] out = new int[ids.length + 2];
    out[0] = vocabulary.bosId();
    System.arraycopy(ids, 0, out, 1, ids.length);
    out[out.length - 1] = vocabulary.eosId();
    return out;
  }

  /**
   * The text of {@code ids}, without {@code <pad>}, {@code <bos>} and {@code <eos>}.
   *
   * @param ids (T) ids in [0, V)
   * @return the joined tokens
   */
  public String decode(int[] ids) {
    List<String> tokens = vocabulary.decode(ids, true);
    return tokenizer.join(tokens);
  }
}
