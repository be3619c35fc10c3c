package org.rnn4j.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.datasets.MemoryTasks.Adding;
import org.rnn4j.datasets.MemoryTasks.Labelled;
import org.rnn4j.datasets.MemoryTasks.Sentence;

class MemoryTasksTest {

  @Test
  void addingIsSeededHasTwoMarkersFarApartAndSumsTheMarkedValues() {
    List<Adding> a = MemoryTasks.adding(300, 50, new SplittableRandom(1));
    assertEquals(a, MemoryTasks.adding(300, 50, new SplittableRandom(1)));
    assertNotEquals(a, MemoryTasks.adding(300, 50, new SplittableRandom(2)));
    for (Adding x : a) {
      float[] v = x.input().values();
      assertEquals(50, x.input().length());
      int markers = 0;
      for (int t = 0; t < 50; t++) {
        assertTrue(v[2 * t] >= 0 && v[2 * t] < 1);
        markers += (int) v[2 * t + 1];
      }
      assertEquals(2, markers);
      assertEquals(1f, v[2 * x.first() + 1]);
      assertEquals(1f, v[2 * x.second() + 1]);
      assertTrue(x.first() < 5 && x.second() >= 25, x.toString());
      assertEquals(v[2 * x.first()] + v[2 * x.second()], x.target());
    }
  }

  @Test
  void addingTargetIgnoresTheUnmarkedValues() {
    Adding x = MemoryTasks.adding(1, 20, new SplittableRandom(3)).get(0);
    float[] v = x.input().values().clone();
    float sum = 0;
    for (int t = 0; t < 20; t++) {
      sum += v[2 * t] * v[2 * t + 1];
    }
    assertEquals(x.target(), sum, 1e-6f);
  }

  @Test
  void recallHasTheAskedDistanceAndItsLabelIsTheFirstTokenOnly() {
    int k = 8;
    int m = 10;
    List<Labelled> a = MemoryTasks.recall(400, 37, k, m, new SplittableRandom(4));
    assertEquals(a, MemoryTasks.recall(400, 37, k, m, new SplittableRandom(4)));
    Set<Integer> labels = new HashSet<>();
    for (Labelled x : a) {
      assertEquals(39, x.ids().length);
      assertEquals(1 + x.label(), x.ids()[0]);
      for (int t = 1; t <= 37; t++) {
        // distractors never name a symbol: the only token that tells the label is the first
        assertTrue(x.ids()[t] > k && x.ids()[t] <= k + m, x.toString());
      }
      assertEquals(k + m + 1, x.ids()[38]);
      labels.add(x.label());
    }
    assertEquals(k, labels.size());
    assertEquals(k + m + 2, MemoryTasks.recallVocabulary(k, m));
    assertThrows(IllegalArgumentException.class,
        () -> MemoryTasks.recall(1, -1, k, m, new SplittableRandom(1)));
  }

  @Test
  void agreementEndsWithTheQuestionAndItsLabelIsTheCountrysLanguage() {
    List<Sentence> a = MemoryTasks.agreement(200, 12, new SplittableRandom(5));
    assertEquals(a, MemoryTasks.agreement(200, 12, new SplittableRandom(5)));
    List<String> vocabulary = MemoryTasks.agreementVocabulary();
    for (Sentence s : a) {
      assertEquals(1 + 12 + MemoryTasks.QUESTION.size(), s.words().size());
      assertEquals(MemoryTasks.COUNTRIES.get(s.label()), s.words().get(0));
      for (int t = 1; t <= 12; t++) {
        assertTrue(MemoryTasks.FILLERS.contains(s.words().get(t)), s.toString());
        assertTrue(!MemoryTasks.COUNTRIES.contains(s.words().get(t)));
      }
      assertEquals(MemoryTasks.QUESTION, s.words().subList(13, s.words().size()));
      Labelled ids = MemoryTasks.ids(s);
      for (int t = 0; t < ids.ids().length; t++) {
        assertTrue(ids.ids()[t] >= 1);
        assertEquals(s.words().get(t), vocabulary.get(ids.ids()[t]));
      }
    }
    assertEquals(MemoryTasks.COUNTRIES.size(),
        a.stream().mapToInt(Sentence::label).distinct().count());
  }
}
