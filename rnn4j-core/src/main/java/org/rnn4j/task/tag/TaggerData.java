package org.rnn4j.task.tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.rnn4j.data.Collate;
import org.rnn4j.data.TagBatch;
import org.rnn4j.data.TagExample;
import org.rnn4j.data.TokenIds;
import org.rnn4j.data.format.TaggedSentence;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.text.VocabularyBuilder;
import org.rnn4j.train.BatchSource;

/** Tagged sentences as tagger input: word and character vocabularies, spellings, batches. */
public final class TaggerData {
  private TaggerData() {}

  /** A word as the vocabulary sees it. */
  public static String word(String token, boolean lowerCase) {
    return lowerCase ? token.toLowerCase(Locale.ROOT) : token;
  }

  /**
   * The vocabulary of the sentences' words, in the order {@link VocabularyBuilder} ranks them.
   * The tokens are taken as they are (no tokenizer runs on them), so this is not {@link
   * org.rnn4j.text.TextCodec#fit}.
   */
  public static Vocabulary words(List<TaggedSentence> sentences, boolean lowerCase) {
    VocabularyBuilder b = new VocabularyBuilder();
    sentences.forEach(s -> s.tokens().forEach(t -> b.add(word(t, lowerCase))));
    return b.build();
  }

  /** The vocabulary of the characters of a word vocabulary's words. */
  public static Vocabulary characters(Vocabulary words) {
    VocabularyBuilder b = new VocabularyBuilder();
    words.tokens().stream().skip(Vocabulary.SPECIALS.size())
        .forEach(w -> w.codePoints().forEach(c -> b.add(Character.toString(c))));
    return b.build();
  }

  /**
   * The spelling of every word id in character ids (the special tokens are spelled as the
   * character {@code <unk>}), for the {@link CharFeatures} of a {@link TaggerConfig}.
   *
   * @return (V) spellings
   */
  public static int[][] spellings(Vocabulary words, Vocabulary chars) {
    int[][] out = new int[words.size()][];
    for (int w = 0; w < out.length; w++) {
      out[w] = w < Vocabulary.SPECIALS.size() ? new int[] {chars.unkId()}
          : words.token(w).codePoints().map(c -> chars.id(Character.toString(c))).toArray();
    }
    return out;
  }

  /**
   * The word ids of a sentence.
   *
   * @param tokens the words
   * @param words the word vocabulary (unknown words become {@code <unk>})
   * @param lowerCase whether the vocabulary holds lower-cased words
   * @return (T) ids
   */
  public static int[] ids(List<String> tokens, Vocabulary words, boolean lowerCase) {
    return tokens.stream().mapToInt(t -> words.id(word(t, lowerCase))).toArray();
  }

  /**
   * Tagged sentences as examples: word ids and tag ids.
   *
   * @param sentences tokens and tags, each with at least one token
   * @param words the word vocabulary (unknown words become {@code <unk>})
   * @param tags the tag names; a tag outside them is an error naming it
   * @param lowerCase whether the vocabulary holds lower-cased words
   * @return one example per sentence, in order
   * @throws IllegalArgumentException naming the sentence (from 1) and the unknown tag
   */
  public static List<TagExample> examples(List<TaggedSentence> sentences, Vocabulary words,
      List<String> tags, boolean lowerCase) {
    List<TagExample> examples = new ArrayList<>(sentences.size());
    for (int i = 0; i < sentences.size(); i++) {
      TaggedSentence s = sentences.get(i);
      int[] ids = ids(s.tokens(), words, lowerCase);
      int[] tagIds = new int[ids.length];
      for (int t = 0; t < ids.length; t++) {
        tagIds[t] = tags.indexOf(s.tags().get(t));
        if (tagIds[t] < 0) {
          throw new IllegalArgumentException("sentence " + (i + 1) + ": tag '" + s.tags().get(t)
              + "' is not one of the model's tags " + tags);
        }
      }
      examples.add(new TagExample(new TokenIds(ids), tagIds));
    }
    return examples;
  }

  /**
   * @param sentences tokens and tags
   * @param words the word vocabulary (unknown words become {@code <unk>})
   * @param tags the tag names; a tag outside them is an error naming it
   * @param lowerCase whether the vocabulary holds lower-cased words
   * @param batchSize sentences per batch
   * @return batches in sentence order; the trainer shuffles their order
   */
  public static BatchSource<TagBatch> batches(List<TaggedSentence> sentences, Vocabulary words,
      List<String> tags, boolean lowerCase, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
    List<TagExample> examples = examples(sentences, words, tags, lowerCase);
    List<TagBatch> batches = new ArrayList<>();
    for (int from = 0; from < examples.size(); from += batchSize) {
      int[] indices = IntStream.range(from, Math.min(from + batchSize, examples.size())).toArray();
      batches.add(Collate.tag(examples, indices, words.padId()));
    }
    return BatchSource.of(batches);
  }
}
