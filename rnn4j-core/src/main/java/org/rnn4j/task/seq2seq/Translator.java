package org.rnn4j.task.seq2seq;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.rnn4j.data.Collate;
import org.rnn4j.data.PaddedIds;
import org.rnn4j.data.TokenIds;
import org.rnn4j.data.format.ParallelTsv;
import org.rnn4j.data.format.SentencePair;
import org.rnn4j.decode.BeamSearchConfig;
import org.rnn4j.io.ModelFile;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.task.Prediction;
import org.rnn4j.task.TaskModel;
import org.rnn4j.task.TaskOptionException;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.TextCodecPair;
import org.rnn4j.text.Vocabulary;

/**
 * A trained seq2seq model ready for use: text in, text out, with the attention of every output
 * token. Each source is tokenised and encoded with the source codec (unknown tokens become
 * {@code <unk>}), decoded greedily or by beam search, and the target ids are turned back into
 * tokens and text with the target codec. A source without tokens gets an empty translation
 * without running the model.
 *
 * <pre>{@code
 * Translator dates = Translator.load(Path.of("dates.safetensors"));
 * Translation t = dates.translate(List.of("3 march 2021"), Translator.Options.GREEDY).get(0);
 * t.text();       // "2021-03-03"
 * t.attention();  // (m, Tx): row t holds the weights over the source tokens for output token t
 * }</pre>
 *
 * <p>Immutable and thread-safe: the model inside stays in evaluation mode, is never exposed, and
 * every call works on its own batches. Greedy decoding runs {@value #BATCH} sources at a time,
 * beam search one source at a time; a source's translation does not depend on the others in its
 * call.
 */
public final class Translator implements TaskModel {
  /** Sources per greedy batch. */
  static final int BATCH = 64;
  private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * The decoding the user asked for: {@code --beam} (default 1, greedy), {@code --alpha}
     * (default 1.0) and {@code --max-length} (default: by the source's length), with those
     * names in the errors.
     *
     * @param options the user's options ({@link Seq2SeqFamily#BEAM}, {@link
     *     Seq2SeqFamily#ALPHA}, {@link Seq2SeqFamily#MAX_LENGTH})
     * @return the decoding options
     * @throws TaskOptionException naming the option that is wrong
     */
    public static Options from(TaskOptions options) {
      int beam = options.integer(Seq2SeqFamily.BEAM, 1);
      String given = options.string(Seq2SeqFamily.ALPHA);
      double alpha;
      try {
        alpha = Double.parseDouble(given.trim());
      } catch (NumberFormatException e) {
        throw new TaskOptionException(Seq2SeqFamily.ALPHA.flagName() + " must be a number,"
            + " got " + given);
      }
      if (!(alpha >= 0) || Double.isInfinite(alpha)) {
        throw new TaskOptionException(Seq2SeqFamily.ALPHA.flagName() + " must be finite and"
            + " at least 0, got " + alpha);
      }
      return new Options(beam, alpha, options.optionalInteger(Seq2SeqFamily.MAX_LENGTH, 1)
          .map(OptionalInt::of).orElse(OptionalInt.empty()));
    }

    /** "greedy" or "beam k", for reports. */
    public String describe() {
      return beamWidth == 1 ? "greedy" : "beam " + beamWidth;
    }

    /** The length limit for a source of {@code sourceTokens} tokens. */
    int limit(int sourceTokens) {
      return maxLength.orElse(2 * sourceTokens + 10);
    }
  }

  /**
   * One source and what the model made of it; as a {@link Prediction}, its line is the
   * translation.
   *
   * @param source the source text
   * @param sourceTokens (Tx) the source's tokens as the source tokenizer split them
   * @param ids (m) the target ids, without {@code <eos>}
   * @param tokens (m) the target tokens ({@code <unk>} where the model predicted it)
   * @param text the translation: the tokens joined by the target tokenizer
   * @param attention (m, Tx) the weights with which each target token was predicted
   */
  public record Translation(String source, List<String> sourceTokens, int[] ids,
      List<String> tokens, String text, float[][] attention) implements Prediction {

    /** {@code {"text": source, "translation": text}}. */
    @Override
    public ObjectNode toJson() {
      return JSON.createObjectNode().put("text", source).put("translation", text);
    }
  }

  /** Puts the model in evaluation mode and freezes it, for good: no method here switches it. */
  private Translator(Seq2Seq model, TextCodecPair codecs) {
    Seq2SeqConfig c = model.config();
    if (codecs.source().vocabulary().size() != c.sourceVocabularySize()
        || codecs.target().vocabulary().size() != c.targetVocabularySize()) {
      throw new IllegalArgumentException("vocabularies must fit the model: the model expects "
          + c.sourceVocabularySize() + " source and " + c.targetVocabularySize()
          + " target tokens, the codecs hold " + codecs.source().vocabulary().size() + " and "
          + codecs.target().vocabulary().size());
    }
    model.eval();
    model.freeze(); // weights fixed: every product reuses one packing of them
    this.model = model;
    this.codecs = codecs;
  }

  /**
   * Loads a seq2seq model with its source and target codecs.
   *
   * @param file a model file of the seq2seq family
   * @return the translator
   * @throws ModelFormatException if the file is not a seq2seq model with both codecs
   * @throws IOException if it cannot be read
   */
  public static Translator load(Path file) throws IOException {
    ModelFile.Loaded<Seq2Seq> loaded = Seq2Seq.load(file);
    String json = loaded.vocabulary().orElseThrow(() -> new ModelFormatException(file
        + ": the model file holds no vocabularies, so text cannot be encoded for it"));
    try {
      return new Translator(loaded.model(), TextCodecPair.fromJson(json));
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A translator over a model trained in memory (a demo, a test). The translator puts the model
   * in evaluation mode, freezes its parameters ({@link org.rnn4j.nn.Module#freeze}) and from then
   * on owns it: train or change it no more.
   *
   * @param model the trained model
   * @param codecs the codecs it was trained with
   * @return the translator
   * @throws IllegalArgumentException if a vocabulary's size differs from the model's
   */
  public static Translator of(Seq2Seq model, TextCodecPair codecs) {
    return new Translator(model, codecs);
  }

  @Override
  public Seq2SeqConfig config() {
    return model.config();
  }

  /** The source and target codecs the model was trained with. */
  public TextCodecPair codecs() {
    return codecs;
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

  /**
   * Corpus BLEU, character error rate, exact match and token accuracy of the translations of
   * the sources against the targets (see {@link TranslationScores}).
   *
   * @param source what the pairs are, for the report (a file name)
   * @param pairs sources with reference translations
   * @param options greedy or beam search
   * @return the evaluation
   */
  public TranslationEvaluation evaluate(String source, List<SentencePair> pairs,
      Options options) {
    List<Translation> outputs = translate(pairs.stream().map(SentencePair::source).toList(),
        options);
    return new TranslationEvaluation(source, options, TranslationScores.of(
        codecs.target().tokenizer(), outputs.stream().map(Translation::tokens).toList(),
        pairs.stream().map(SentencePair::target).toList()));
  }

  /**
   * Evaluates on a parallel TSV (source TAB target per line) with the decoding of {@code
   * --beam} and {@code --alpha}.
   */
  @Override
  public TranslationEvaluation evaluate(Path data, TaskOptions options) throws IOException {
    Options decoding = Options.from(options);
    return evaluate(data.toString(), ParallelTsv.read(data), decoding);
  }

  /**
   * One translation per input, decoded as {@code --beam}, {@code --alpha} and {@code
   * --max-length} say; each prints as its translation.
   */
  @Override
  public List<Translation> predict(List<String> inputs, TaskOptions options) {
    return translate(inputs, Options.from(options));
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
      out[i] = translation(sources.get(i), tokens.get(i), new int[0], new float[0][]);
    }
    if (!rows.isEmpty()) {
      decode(encoded, options, sources, tokens, rows, out);
    }
    return Arrays.asList(out);
  }

  /** Decodes the non-empty sources, filling their rows of {@code out}. */
  private void decode(List<TokenIds> encoded, Options options, List<String> sources,
      List<List<String>> tokens, List<Integer> rows, Translation[] out) {
    Vocabulary target = codecs.target().vocabulary();
    int padId = codecs.source().vocabulary().padId();
    if (options.beamWidth() == 1) {
      int longest = encoded.stream().mapToInt(x -> options.limit(x.length())).max().orElseThrow();
      Seq2Seq.Decoded d = model.decode(Collate.pad(encoded, padId), longest, target.bosId(),
          target.eosId());
      for (int r = 0; r < rows.size(); r++) {
        // decoding is causal: stopping at a row's own limit is cutting the longer run short
        int limit = Math.min(d.ids()[r].length, options.limit(encoded.get(r).length()));
        out[rows.get(r)] = translation(sources.get(rows.get(r)), tokens.get(rows.get(r)),
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
      out[rows.get(r)] = translation(sources.get(rows.get(r)), tokens.get(rows.get(r)),
          best.best().ids(), best.attention());
    }
  }

  private Translation translation(String source, List<String> sourceTokens, int[] ids,
      float[][] attention) {
    List<String> tokens = codecs.target().vocabulary().decode(ids, true);
    return new Translation(source, List.copyOf(sourceTokens), ids, tokens,
        codecs.target().tokenizer().join(tokens), attention);
  }
}
