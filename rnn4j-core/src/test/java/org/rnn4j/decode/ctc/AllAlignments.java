package org.rnn4j.decode.ctc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.tensor.Tensor;

/**
 * The exact probability of every label sequence of a tiny input by enumeration: each of the C^T
 * alignments π contributes Π_t exp(y_t(π_t)) to the sequence it collapses to (repeats merged,
 * blanks dropped).
 */
final class AllAlignments {
  private AllAlignments() {}

  /** Label sequence → probability, for y (T, C). */
  static Map<List<Integer>, Double> probabilities(Tensor y, int blank) {
    int t = y.dim(0);
    int c = y.dim(1);
    Map<List<Integer>, Double> p = new HashMap<>();
    int[] path = new int[t];
    for (long code = 0; code < Math.round(Math.pow(c, t)); code++) {
      long rest = code;
      double logP = 0;
      for (int f = 0; f < t; f++) {
        path[f] = (int) (rest % c);
        rest /= c;
        logP += y.data()[f * c + path[f]];
      }
      p.merge(collapse(path, blank), Math.exp(logP), Double::sum);
    }
    return p;
  }

  static List<Integer> collapse(int[] path, int blank) {
    List<Integer> out = new ArrayList<>();
    for (int f = 0; f < path.length; f++) {
      if (path[f] != blank && (f == 0 || path[f] != path[f - 1])) {
        out.add(path[f]);
      }
    }
    return out;
  }

  static List<Integer> list(int[] labels) {
    List<Integer> out = new ArrayList<>();
    for (int l : labels) {
      out.add(l);
    }
    return out;
  }
}
