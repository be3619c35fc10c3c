package org.rnn4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.tensor.Tensor;

class CollateTest {
  private static final int PAD = 0;

  @Test
  void classifyBatchPadsIdsAndKeepsLengthsLabelsAndIndices() {
    List<ClassifyExample> examples = List.of(
        new ClassifyExample(new TokenIds(new int[] {5, 6, 7}), 1),
        new ClassifyExample(new TokenIds(new int[] {8}), 0),
        new ClassifyExample(new TokenIds(new int[] {9, 9}), 2));
    ClassifyBatch b = Collate.classify(examples, new int[] {2, 0, 1}, PAD);
    PaddedIds x = (PaddedIds) b.inputs();
    assertEquals(3, x.batch());
    assertEquals(3, x.time());
    assertArrayEquals(new int[] {9, 9, 0, 5, 6, 7, 8, 0, 0}, x.ids()); // (B=3, T=3)
    assertArrayEquals(new int[] {2, 3, 1}, x.lengths());
    assertArrayEquals(new int[] {2, 1, 0}, b.labels());
    assertArrayEquals(new int[] {2, 0, 1}, b.indices());
    assertArrayEquals(new float[] {1, 1, 0, 1, 1, 1, 1, 0, 0}, x.mask().data());
    assertArrayEquals(new int[] {5, 6, 7}, x.sequence(1));
  }

  @Test
  void featureSequencesPadWithZerosIntoBtf() {
    Features a = Features.of(new float[][] {{1, 2}, {3, 4}});
    Features c = Features.of(new float[][] {{5, 6}});
    PaddedFeatures p = (PaddedFeatures) Collate.pad(List.of(c, a), PAD);
    assertArrayEquals(new int[] {2, 2, 2}, p.values().shape());
    assertArrayEquals(new float[] {5, 6, 0, 0, 1, 2, 3, 4}, p.values().data());
    assertArrayEquals(new int[] {1, 2}, p.lengths());
    assertEquals(2, p.features());
  }

  @Test
  void tagTargetsAreIgnoredOnPadding() {
    List<TagExample> examples = List.of(
        new TagExample(new TokenIds(new int[] {4, 5}), new int[] {1, 2}),
        new TagExample(new TokenIds(new int[] {6}), new int[] {3}));
    TagBatch b = Collate.tag(examples, new int[] {0, 1}, PAD);
    assertArrayEquals(new int[] {1, 2, 3, Collate.IGNORE_INDEX}, b.targets());
  }

  @Test
  void nextTokenExampleShiftsTargetsByOne() {
    TagExample e = TagExample.nextToken(new int[] {7, 8, 9}, 2, 3);
    assertArrayEquals(new int[] {2, 7, 8, 9}, ((TokenIds) e.input()).ids());
    assertArrayEquals(new int[] {7, 8, 9, 3}, e.tags());
  }

  @Test
  void seq2seqBatchAddsBosToDecoderInputsAndEosToTargets() {
    List<Seq2SeqExample> examples = List.of(
        new Seq2SeqExample(new TokenIds(new int[] {10, 11, 12}), new int[] {20}),
        new Seq2SeqExample(new TokenIds(new int[] {13}), new int[] {21, 22, 23}));
    Seq2SeqBatch b = Collate.seq2seq(examples, new int[] {0, 1}, new Seq2SeqIds(0, 0, 2, 3));
    assertArrayEquals(new int[] {3, 1}, b.source().lengths());
    PaddedIds in = b.decoderInputs();
    assertEquals(4, in.time());
    assertArrayEquals(new int[] {2, 20, 0, 0, 2, 21, 22, 23}, in.ids());
    assertArrayEquals(new int[] {2, 4}, in.lengths());
    int ig = Collate.IGNORE_INDEX;
    assertArrayEquals(new int[] {20, 3, ig, ig, 21, 22, 23, 3}, b.decoderTargets());
  }

  @Test
  void forecastBatchStacksFutures() {
    ForecastExample e1 = new ForecastExample(new Features(new float[] {1, 2, 3}, 1),
        new Features(new float[] {4, 5}, 1));
    ForecastExample e2 = new ForecastExample(new Features(new float[] {7}, 1),
        new Features(new float[] {8, 9}, 1));
    ForecastBatch b = Collate.forecast(List.of(e1, e2), new int[] {1, 0});
    assertArrayEquals(new int[] {1, 3}, b.history().lengths());
    Tensor y = b.future();
    assertArrayEquals(new int[] {2, 2, 1}, y.shape());
    assertArrayEquals(new float[] {8, 9, 4, 5}, y.data());
  }

  @Test
  void rejectsMixedKindsEmptyBatchesAndBadExamples() {
    assertThrows(IllegalArgumentException.class, () -> Collate.pad(List.of(), PAD));
    assertThrows(IllegalArgumentException.class, () -> Collate.pad(
        List.of(new TokenIds(new int[] {1}), new Features(new float[] {1}, 1)), PAD));
    assertThrows(IllegalArgumentException.class,
        () -> new TagExample(new TokenIds(new int[] {1, 2}), new int[] {1}));
    assertThrows(IllegalArgumentException.class,
        () -> new ClassifyExample(new TokenIds(new int[0]), 0));
    assertThrows(IllegalArgumentException.class, () -> new Features(new float[] {1, 2, 3}, 2));
    assertThrows(IllegalArgumentException.class, () -> Collate.classify(
        List.of(new ClassifyExample(new TokenIds(new int[] {1}), 0)), new int[] {1}, PAD));
  }
}
