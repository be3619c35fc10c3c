package org.rnn4j.task.tag;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.rnn4j.data.Collate;
import org.rnn4j.data.Padded;
import org.rnn4j.data.TokenIds;
import org.rnn4j.data.format.TaggedSentence;
import org.rnn4j.io.ModelFile;
import org.rnn4j.io.ModelFormatException;
import org.rnn4j.metrics.EntityScore;
import org.rnn4j.task.TaskModel;
import org.rnn4j.task.TaskOptions;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.WordTokenizer;

/**
 * A trained sequence tagger ready for use: tokens in, one tag per token and the entities they
 * spell out.
 *
 * <pre>{@code
 * SentenceTagger ner = SentenceTagger.load(Path.of("ner.safetensors"));
 * TagPrediction p = ner.tag("Ana visited Paris today");
 * p.tags();      // [B-PER, O, B-LOC, O]
 * p.entities();  // [EntitySpan[start=0, end=1, type=PER], EntitySpan[start=2, end=3, type=LOC]]
 * }</pre>
 *
 * <p>Immutable and thread-safe: the tagger inside stays in evaluation mode, is never exposed, and
 * every call works on its own batches. Sentences are batched {@value #BATCH} at a time; a
 * sentence's tags do not depend on the others in its call. Words outside the vocabulary read as
 * {@code <unk>}; with a lower-casing vocabulary they are looked up lower-cased, but the tokens of
 * a prediction are always the ones given.
 */
public final class SentenceTagger implements TaskModel {
  static final int BATCH = 64;
  private final Tagger model;
  private final TextCodec codec;
  private final boolean lowerCase;

  private SentenceTagger(Tagger model, TextCodec codec) {
    if (codec.vocabulary().size() != model.config().vocabularySize()) {
      throw new IllegalArgumentException("the word vocabulary must match the tagger: "
          + model.config().vocabularySize() + " words in the config, "
          + codec.vocabulary().size() + " in the vocabulary");
    }
    model.eval();
    model.freeze(); // weights fixed: every product reuses one packing of them
    this.model = model;
    this.codec = codec;
    this.lowerCase = codec.tokenizer() instanceof WordTokenizer w && w.lowerCase();
  }

  /**
   * Loads a tagger with its word vocabulary.
   *
   * @param file a model file of the tag family
   * @return the tagger
   * @throws ModelFormatException if the file is not a tagger with a vocabulary
   * @throws IOException if it cannot be read
   */
  public static SentenceTagger load(Path file) throws IOException {
    ModelFile.Loaded<Tagger> loaded = Tagger.load(file);
    TextCodec codec = loaded.textCodec(file);
    try {
      return new SentenceTagger(loaded.model(), codec);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public TaggerConfig config() {
    return model.config();
  }

  /** The tag names, K. */
  public List<String> tags() {
    return model.config().tags();
  }

  /** The word vocabulary, and whether words are looked up lower-cased. */
  public TextCodec codec() {
    return codec;
  }

  /**
   * The tokens of a sentence as the tagger reads raw text: the runs between whitespace.
   *
   * @param sentence any text
   * @return its tokens; none for a blank sentence
   */
  public static List<String> tokens(String sentence) {
    String s = sentence.trim();
    return s.isEmpty() ? List.of() : List.of(s.split("\\s+"));
  }

  /**
   * @param sentence whitespace-separated tokens
   * @return a tag per token and the entities
   */
  public TagPrediction tag(String sentence) {
    return tag(tokens(sentence));
  }

  /**
   * @param tokens one sentence's tokens (none gives an empty prediction)
   * @return a tag per token and the entities
   */
  public TagPrediction tag(List<String> tokens) {
    return tagAll(List.of(tokens)).get(0);
  }

  /**
   * @param sentences each sentence's tokens
   * @return one prediction per sentence, in order
   */
  public List<TagPrediction> tagAll(List<? extends List<String>> sentences) {
    TagPrediction[] out = new TagPrediction[sentences.size()];
    List<Integer> real = new ArrayList<>(); // the sentences with tokens
    for (int i = 0; i < out.length; i++) {
      if (sentences.get(i).isEmpty()) {
        out[i] = new TagPrediction(List.of(), List.of());
      } else {
        real.add(i);
      }
    }
    // Longest first: a batch of similar lengths computes few padded steps (TimeLoop skips the
    // rows past the last real one); each sentence's tags do not depend on its batch.
    real.sort(Comparator.comparingInt(i -> -sentences.get(i).size()));
    List<String> names = tags();
    for (int from = 0; from < real.size(); from += BATCH) {
      List<Integer> chunk = real.subList(from, Math.min(from + BATCH, real.size()));
      List<TokenIds> ids = chunk.stream().map(i -> new TokenIds(
          TaggerData.ids(sentences.get(i), codec.vocabulary(), lowerCase))).toList();
      int[][] predicted = predict(Collate.pad(ids, codec.vocabulary().padId()));
      for (int b = 0; b < predicted.length; b++) {
        int i = chunk.get(b);
        out[i] = new TagPrediction(sentences.get(i),
            Arrays.stream(predicted[b]).mapToObj(names::get).toList());
      }
    }
    return List.of(out);
  }

  /** The tags of one batch, without a graph; the model is in evaluation mode since loading. */
  private int[][] predict(Padded inputs) {
    try (NoGrad scope = NoGrad.enter()) {
      return Tagger.tags(model.forward(inputs), inputs.lengths());
    }
  }

  /**
   * Entity precision, recall and F1 (conlleval) and token accuracy on tagged sentences.
   *
   * @param source what the sentences are, for the report (a file name)
   * @param sentences tokens with gold tags, each one of {@link #tags()}
   * @return the evaluation
   * @throws IllegalArgumentException naming the first sentence with a tag the model does not know
   */
  public TagEvaluation evaluate(String source, List<TaggedSentence> sentences) {
    for (int i = 0; i < sentences.size(); i++) {
      for (String tag : sentences.get(i).tags()) {
        if (!tags().contains(tag)) {
          throw new IllegalArgumentException(source + ": sentence " + (i + 1) + ": tag '" + tag
              + "' is not one of the model's tags " + tags());
        }
      }
    }
    List<TagPrediction> predicted =
        tagAll(sentences.stream().map(TaggedSentence::tokens).toList());
    EntityScore score = new EntityScore();
    for (int i = 0; i < sentences.size(); i++) {
      score.add(sentences.get(i).tags(), predicted.get(i).tags());
    }
    return new TagEvaluation(source, sentences.size(), score);
  }

  @Override
  public TagEvaluation evaluate(Path data, TaskOptions options) throws IOException {
    return evaluate(data.toString(), TagFamily.read(data, options));
  }

  /** Tags each input as whitespace-separated tokens ({@link #tokens(String)}). */
  @Override
  public List<TagPrediction> predict(List<String> inputs, TaskOptions options) {
    return tagAll(inputs.stream().map(SentenceTagger::tokens).toList());
  }
}
