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

  /** The vocabulary of the sentences' words. */
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
   * character {@code <unk>}), for {@link Tagger#Tagger(TaggerConfig, int[][],
   * java.util.random.RandomGenerator)}.
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
   * @param sentences tokens and tags
   * @param words the word vocabulary (unknown words become {@code <unk>})
   * @param tags the tag names; a tag outside them is an error naming it
   * @param lowerCase whether the vocabulary holds lower-cased words
   * @param batchSize sentences per batch
   */
  public static BatchSource<TagBatch> batches(List<TaggedSentence> sentences, Vocabulary words,
      List<String> tags, boolean lowerCase, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
    List<TagExample> examples = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      TaggedSentence s = sentences.get(i);
      int[] ids = s.tokens().stream().mapToInt(t -> words.id(word(t, lowerCase))).toArray();
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
    List<TagBatch> batches = new ArrayList<>();
    for (int from = 0; from < examples.size(); from += batchSize) {
      int[] indices = IntStream.range(from, Math.min(from + batchSize, examples.size())).toArray();
      batches.add(Collate.tag(examples, indices, words.padId()));
    }
    return BatchSource.of(batches);
  }
}
