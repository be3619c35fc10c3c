package org.rnn4j.task.seq2seq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.rnn4j.data.Collate;
import org.rnn4j.data.PaddedIds;
import org.rnn4j.data.TokenIds;
import org.rnn4j.decode.BeamSearchConfig;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.TextCodecPair;
import org.rnn4j.text.Vocabulary;

/**
 * Text in, text out with a {@link Seq2Seq}: each source is tokenised and encoded with the source
 * codec (unknown tokens become {@code <unk>}), decoded greedily or by beam search, and the target
 * ids are turned back into tokens and text with the target codec. A source without tokens gets an
 * empty translation without running the model.
 */
public final class Translator {
  /** Sources per greedy batch. */
  static final int BATCH = 64;

  private final Seq2Seq model;
  private final TextCodecPair codecs;

  /**
   * How to decode.
   *
   * @param beamWidth k ≥ 1; 1 is greedy decoding
   * @param lengthPenalty α ≥ 0: beam hypotheses are ranked by log p / length^α (no effect when
   *     k = 1)
   * @param maxLength the most target tokens per source, ≥ 1; empty for 2·|x| + 10, |x| the
   *     source's tokens
   */
  public record Options(int beamWidth, double lengthPenalty, OptionalInt maxLength) {
    /** Greedy decoding with the automatic length limit. */
    public static final Options GREEDY = new Options(1, 0, OptionalInt.empty());

    /** Checks the settings. */
    public Options {
      if (beamWidth < 1) {
        throw new IllegalArgumentException("beam width must be at least 1, got " + beamWidth);
      }
      if (!(lengthPenalty >= 0) || Double.isInfinite(lengthPenalty)) {
        throw new IllegalArgumentException("length penalty α must be finite and ≥ 0, got "
            + lengthPenalty);
      }
      if (maxLength.isPresent() && maxLength.getAsInt() < 1) {
        throw new IllegalArgumentException("maximum length must be at least 1, got "
            + maxLength.getAsInt());
      }
    }

    /** The length limit for a source of {@code sourceTokens} tokens. */
    int limit(int sourceTokens) {
      return maxLength.orElse(2 * sourceTokens + 10);
    }
  }

  /**
   * One source and what the model made of it.
   *
   * @param sourceTokens (S) the source's tokens as the source tokenizer split them
   * @param ids (m) the target ids, without {@code <eos>}
   * @param tokens (m) the target tokens ({@code <unk>} where the model predicted it)
   * @param text the tokens joined by the target tokenizer
   * @param attention (m, S) the weights with which each target token was predicted
   */
  public record Translation(List<String> sourceTokens, int[] ids, List<String> tokens,
      String text, float[][] attention) {}

  /**
   * @param model the trained model
   * @param codecs the codecs it was trained with
   * @throws IllegalArgumentException if a vocabulary's size differs from the model's
   */
  public Translator(Seq2Seq model, TextCodecPair codecs) {
    Seq2SeqConfig c = model.config();
    if (codecs.source().vocabulary().size() != c.sourceVocabularySize()
        || codecs.target().vocabulary().size() != c.targetVocabularySize()) {
      throw new IllegalArgumentException("vocabularies must fit the model: the model expects "
          + c.sourceVocabularySize() + " source and " + c.targetVocabularySize()
          + " target tokens, the codecs hold " + codecs.source().vocabulary().size() + " and "
          + codecs.target().vocabulary().size());
    }
    this.model = model;
    this.codecs = codecs;
  }

  /**
   * Translates texts.
   *
   * @param sources texts in the source language
   * @param options greedy or beam search, α and the length limit
   * @return one translation per source, in order
   */
  public List<Translation> translate(List<String> sources, Options options) {
    List<Translation> out = new ArrayList<>(sources.size());
    for (int from = 0; from < sources.size(); from += BATCH) {
      out.addAll(batch(sources.subList(from, Math.min(from + BATCH, sources.size())), options));
    }
    return out;
  }

  private List<Translation> batch(List<String> sources, Options options) {
    List<List<String>> tokens = new ArrayList<>(sources.size());
    List<Integer> rows = new ArrayList<>(); // sources with at least one token
    List<TokenIds> encoded = new ArrayList<>();
    TextCodec source = codecs.source();
    for (int i = 0; i < sources.size(); i++) {
      tokens.add(source.tokenizer().tokenize(sources.get(i)));
      if (!tokens.get(i).isEmpty()) {
        rows.add(i);
        encoded.add(new TokenIds(source.vocabulary().encode(tokens.get(i))));
      }
    }
    Translation[] out = new Translation[sources.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = translation(tokens.get(i), new int[0], new float[0][]);
    }
    if (!rows.isEmpty()) {
      decode(encoded, options, tokens, rows, out);
    }
    return Arrays.asList(out);
  }

  /** Decodes the non-empty sources, filling their rows of {@code out}. */
  private void decode(List<TokenIds> encoded, Options options, List<List<String>> tokens,
      List<Integer> rows, Translation[] out) {
    Vocabulary target = codecs.target().vocabulary();
    int padId = codecs.source().vocabulary().padId();
    if (options.beamWidth() == 1) {
      int longest = encoded.stream().mapToInt(x -> options.limit(x.length())).max().orElseThrow();
      Seq2Seq.Decoded d = model.decode(Collate.pad(encoded, padId), longest, target.bosId(),
          target.eosId());
      for (int r = 0; r < rows.size(); r++) {
        // decoding is causal: stopping at a row's own limit is cutting the longer run short
        int limit = Math.min(d.ids()[r].length, options.limit(encoded.get(r).length()));
        out[rows.get(r)] = translation(tokens.get(rows.get(r)),
            Arrays.copyOf(d.ids()[r], limit), Arrays.copyOf(d.attention()[r], limit));
      }
      return;
    }
    for (int r = 0; r < rows.size(); r++) {
      PaddedIds one = (PaddedIds) Collate.pad(List.of(encoded.get(r)), padId);
      BeamSearchConfig config = BeamSearchConfig.of(options.beamWidth(),
          options.limit(encoded.get(r).length()), target.eosId())
          .withLengthPenalty(options.lengthPenalty());
      BeamResult best = model.beamSearch(one, config, target.bosId()).get(0);
      out[rows.get(r)] = translation(tokens.get(rows.get(r)), best.best().ids(),
          best.attention());
    }
  }

  private Translation translation(List<String> sourceTokens, int[] ids, float[][] attention) {
    List<String> tokens = codecs.target().vocabulary().decode(ids, true);
    return new Translation(List.copyOf(sourceTokens), ids, tokens,
        codecs.target().tokenizer().join(tokens), attention);
  }
}
