package org.rnn4j.task.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.Seq2SeqBatch;
import org.rnn4j.data.Seq2SeqExample;
import org.rnn4j.data.Seq2SeqIds;
import org.rnn4j.data.TokenIds;
import org.rnn4j.data.format.SentencePair;
import org.rnn4j.text.TextCodec;
import org.rnn4j.text.TextCodecPair;
import org.rnn4j.text.VocabularyBuilder;
import org.rnn4j.text.WordTokenizer;
import org.rnn4j.train.BatchSource;

class Seq2SeqDataTest {

  @Test
  void examplesEncodeBothSidesWithoutSpecialTokens() {
    TextCodecPair codecs = new TextCodecPair(codec("a b c"), codec("x y"));
    List<Seq2SeqExample> examples = Seq2SeqData.examples(
        List.of(new SentencePair("a c", "y x y")), codecs);
    assertEquals(1, examples.size());
    assertArrayEquals(codecs.source().encode("a c", false), ((TokenIds) examples.get(0).source()).ids());
    assertArrayEquals(codecs.target().encode("y x y", false), examples.get(0).target());
  }

  @Test
  void bucketedBatchesHoldEveryExampleOnceAndSequentialKeepsTheOrder() {
    TextCodecPair codecs = new TextCodecPair(codec("a b c d"), codec("x y"));
    List<SentencePair> pairs = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 23; i++) {
      pairs.add(new SentencePair("a b c d".substring(0, 1 + 2 * rng.nextInt(4)), "x y"));
    }
    List<Seq2SeqExample> examples = Seq2SeqData.examples(pairs, codecs);
    Seq2SeqIds ids = Seq2SeqIds.of(codecs.source().vocabulary(), codecs.target().vocabulary());
    int[] seen = new int[examples.size()];
    BatchSource<Seq2SeqBatch> bucketed = Seq2SeqData.bucketed(examples, ids, 4,
        new SplittableRandom(2));
    for (int b = 0; b < bucketed.size(); b++) {
      for (int i : bucketed.batch(b).indices()) {
        seen[i]++;
      }
    }
    int[] once = new int[examples.size()];
    Arrays.fill(once, 1);
    assertArrayEquals(once, seen);
    BatchSource<Seq2SeqBatch> sequential = Seq2SeqData.sequential(examples, ids, 10);
    assertEquals(3, sequential.size());
    assertArrayEquals(new int[] {20, 21, 22}, sequential.batch(2).indices());
    assertEquals(0, Seq2SeqData.bucketed(List.of(), ids, 4, new SplittableRandom(3)).size());
  }

  private static TextCodec codec(String words) {
    WordTokenizer tokenizer = WordTokenizer.standard();
    VocabularyBuilder counts = new VocabularyBuilder();
    counts.addAll(tokenizer.tokenize(words));
    return new TextCodec(tokenizer, counts.build());
  }
}
