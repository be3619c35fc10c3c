package org.rnn4j.data;

import org.rnn4j.text.Vocabulary;

/**
 * The ids {@link Collate#seq2seq} needs: the source's padding id and the target vocabulary's
 * special ids.
 *
 * @param sourcePadId padding of token-id sources (ignored for feature sources)
 * @param targetPadId padding of the decoder inputs
 * @param bosId what the decoder reads first
 * @param eosId what the decoder must emit last
 */
public record Seq2SeqIds(int sourcePadId, int targetPadId, int bosId, int eosId) {

  /** Checks the ids. */
  public Seq2SeqIds {
    if (sourcePadId < 0 || targetPadId < 0 || bosId < 0 || eosId < 0) {
      throw new IllegalArgumentException("ids must be at least 0, got " + sourcePadId + ", "
          + targetPadId + ", " + bosId + ", " + eosId);
    }
  }

  /**
   * The ids of a source and a target vocabulary.
   *
   * @param source the source vocabulary
   * @param target the target vocabulary
   * @return their padding ids and the target's {@code <bos>} and {@code <eos>}
   */
  public static Seq2SeqIds of(Vocabulary source, Vocabulary target) {
    return new Seq2SeqIds(source.padId(), target.padId(), target.bosId(), target.eosId());
  }
}
