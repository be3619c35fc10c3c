package org.rnn4j.decode.ctc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.loss.CtcLoss;
import org.rnn4j.tensor.Tensor;

/**
 * Prefix beam search for CTC: the label sequences of highest probability, each summed over its
 * alignments, keeping the k most probable prefixes after every frame.
 *
 * <p>A prefix ℓ after frames 0 … t has two log-probabilities, over the alignments of frames
 * 0 … t that collapse to ℓ: b(ℓ), those ending in a blank, and n(ℓ), those ending in the last
 * label of ℓ; its total is p(ℓ) = lse(b(ℓ), n(ℓ)). With y_t(k) the input log-probabilities
 * and lse log-sum-exp:
 *
 * <pre>
 * start       b(ε) = 0,  n(ε) = −∞                      beam = {ε}
 * frame t     for every ℓ in the beam, into b', n' (all −∞ before the frame):
 *   blank       b'(ℓ)  ⊕= p(ℓ) + y_t(∅)
 *   repeat      n'(ℓ)  ⊕= n(ℓ) + y_t(c)                   c = last label of ℓ: merges into ℓ
 *               n'(ℓc) ⊕= b(ℓ) + y_t(c)                   a repeated label needs a blank between
 *   new label   n'(ℓk) ⊕= p(ℓ) + y_t(k)                   every k ∉ {∅, c}
 *   (a ⊕= v means a = lse(a, v); with a lexicon, ℓc and ℓk only where it allows them)
 *             beam = the k prefixes of highest p' = lse(b', n'); ties to the shorter, then the
 *             lexicographically smaller label sequence
 * end         the beam by p, highest first; with a lexicon only the prefixes it lets end
 * </pre>
 *
 * Without pruning (k at least the number of prefixes that ever get a probability) these are the
 * exact probabilities of every label sequence and the first result is the most probable one. A
 * pruned prefix loses the probability it would have passed on, so each reported p is at most the
 * exact value; {@link #searchRescored} scores the results exactly. Prefixes of probability 0 are
 * not kept. With a {@link CtcLexicon} the beam only holds prefixes of accepted outputs, and the
 * result is empty when none in the final beam can end (too few frames to finish a word, or a
 * beam too narrow). Cost per frame: O(k·C) plus sorting the at most k·C candidates.
 */
public final class CtcPrefixBeamSearch {
  private final int beamWidth;
  private final int blank;
  private final CtcLexicon lexicon;

  /**
   * An unconstrained search.
   *
   * @param beamWidth k ≥ 1
   * @param blank the class id of ∅
   */
  public CtcPrefixBeamSearch(int beamWidth, int blank) {
    this(beamWidth, blank, null);
  }

  /**
   * A search constrained to a word list.
   *
   * @param beamWidth k ≥ 1
   * @param blank the class id of ∅, neither the separator nor in a word
   * @param lexicon the accepted outputs, or null for any label sequence
   * @throws IllegalArgumentException if k &lt; 1, blank &lt; 0, or the lexicon uses the blank
   */
  public CtcPrefixBeamSearch(int beamWidth, int blank, CtcLexicon lexicon) {
    if (beamWidth < 1) {
      throw new IllegalArgumentException("beamWidth must be ≥ 1, got " + beamWidth);
    }
    if (blank < 0) {
      throw new IllegalArgumentException("blank must be ≥ 0, got " + blank);
    }
    if (lexicon != null && lexicon.uses(blank)) {
      throw new IllegalArgumentException("lexicon must not use the blank " + blank
          + " as separator or in a word");
    }
    this.beamWidth = beamWidth;
    this.blank = blank;
    this.lexicon = lexicon;
  }

  /**
   * Searches one sequence.
   *
   * @param logProbs (T, C) log-probabilities
   * @return at most k hypotheses, highest probability first
   */
  public List<CtcHypothesis> search(Tensor logProbs) {
    return search(Frames.of(logProbs));
  }

  /**
   * Searches each sequence of a batch.
   *
   * @param logProbs (T, B, C) log-probabilities, time first
   * @param lengths (B) the frames of each sequence, in [0, T]
   * @return (B) lists of at most k hypotheses, highest probability first
   */
  public List<List<CtcHypothesis>> search(Tensor logProbs, int[] lengths) {
    List<List<CtcHypothesis>> out = new ArrayList<>();
    for (int b = 0; b < lengths.length; b++) {
      out.add(search(Frames.of(logProbs, lengths, b)));
    }
    return out;
  }

  /**
   * The beam's results and the best-path sequence ({@link CtcGreedy}), each with its exact
   * probability, highest first (ties to the shorter, then the lexicographically smaller).
   *
   * <pre>
   * candidates = search(y) ∪ {B(argmax y)}            the best path only if the lexicon accepts it
   * log p(ℓ | y) = forward recursion over every alignment of ℓ ({@link CtcLoss#logLikelihood})
   * </pre>
   *
   * A narrow beam can prune a prefix of the best-path sequence and then return less probable
   * sequences than best-path decoding; with the best path among the candidates and every
   * candidate scored exactly, the first result is at least as probable as the best path's
   * (without a lexicon, or when the lexicon accepts the best path). Cost: one forward pass,
   * O(T·|ℓ|), per candidate.
   *
   * @param logProbs (T, C) log-probabilities
   * @return at most k + 1 hypotheses with exact log-probabilities, highest first
   */
  public List<CtcHypothesis> searchRescored(Tensor logProbs) {
    List<int[]> candidates = new ArrayList<>();
    for (CtcHypothesis h : search(logProbs)) {
      candidates.add(h.labels());
    }
    int[] bestPath = CtcGreedy.decode(logProbs, blank);
    if ((lexicon == null || lexicon.accepts(bestPath))
        && candidates.stream().noneMatch(c -> Arrays.equals(c, bestPath))) {
      candidates.add(bestPath);
    }
    List<CtcHypothesis> out = new ArrayList<>();
    for (int[] c : candidates) {
      out.add(new CtcHypothesis(c, CtcLoss.logLikelihood(logProbs, c, blank)));
    }
    Comparator<CtcHypothesis> byP = Comparator.comparingDouble(h -> -h.logProbability());
    out.sort(byP.thenComparing(CtcHypothesis::labels, CtcPrefixBeamSearch::compareLabels));
    return out;
  }

  private List<CtcHypothesis> search(Frames y) {
    y.checkBlank(blank);
    Prefix root = new Prefix(null, -1, CtcLexicon.START);
    Map<Prefix, double[]> beam = new LinkedHashMap<>();
    beam.put(root, new double[] {0, Double.NEGATIVE_INFINITY});
    for (int t = 0; t < y.length(); t++) {
      Map<Prefix, double[]> next = new HashMap<>();
      for (Map.Entry<Prefix, double[]> e : beam.entrySet()) {
        Prefix prefix = e.getKey();
        double b = e.getValue()[0];
        double n = e.getValue()[1];
        double p = lse(b, n);
        add(next, prefix, 0, p + y.at(t, blank));
        for (int k = 0; k < y.classes(); k++) {
          if (k == blank) {
            continue;
          }
          double yk = y.at(t, k);
          Prefix extended = extend(prefix, k);
          if (k == prefix.label) {
            add(next, prefix, 1, n + yk);
            if (extended != null) {
              add(next, extended, 1, b + yk);
            }
          } else if (extended != null) {
            add(next, extended, 1, p + yk);
          }
        }
      }
      beam = prune(next);
    }
    List<CtcHypothesis> out = new ArrayList<>();
    for (Map.Entry<Prefix, double[]> e : sorted(beam)) {
      if (lexicon == null || lexicon.canEnd(e.getKey().state)) {
        out.add(new CtcHypothesis(e.getKey().labels, lse(e.getValue()[0], e.getValue()[1])));
      }
    }
    return out;
  }

  /** ℓk, or null when the lexicon does not allow it. */
  private Prefix extend(Prefix prefix, int k) {
    Prefix child = prefix.children.get(k);
    if (child == null && !prefix.children.containsKey(k)) {
      int state = lexicon == null ? CtcLexicon.START : lexicon.next(prefix.state, k);
      child = state == CtcLexicon.REJECTED ? null : new Prefix(prefix, k, state);
      prefix.children.put(k, child);
    }
    return child;
  }

  /** a ⊕= v; a prefix gets no entry for probability 0 alone. */
  private static void add(Map<Prefix, double[]> next, Prefix prefix, int which, double v) {
    if (v == Double.NEGATIVE_INFINITY) {
      return;
    }
    double[] bn = next.computeIfAbsent(prefix,
        x -> new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY});
    bn[which] = lse(bn[which], v);
  }

  private Map<Prefix, double[]> prune(Map<Prefix, double[]> candidates) {
    List<Map.Entry<Prefix, double[]>> all = sorted(candidates);
    Map<Prefix, double[]> kept = new LinkedHashMap<>();
    for (Map.Entry<Prefix, double[]> e : all.subList(0, Math.min(beamWidth, all.size()))) {
      kept.put(e.getKey(), e.getValue());
    }
    return kept;
  }

  private static List<Map.Entry<Prefix, double[]>> sorted(Map<Prefix, double[]> m) {
    List<Map.Entry<Prefix, double[]>> all = new ArrayList<>(m.entrySet());
    Comparator<Map.Entry<Prefix, double[]>> byP =
        Comparator.comparingDouble(e -> -lse(e.getValue()[0], e.getValue()[1]));
    all.sort(byP.thenComparing(e -> e.getKey().labels, CtcPrefixBeamSearch::compareLabels));
    return all;
  }

  private static int compareLabels(int[] a, int[] b) {
    return a.length != b.length ? Integer.compare(a.length, b.length) : Arrays.compare(a, b);
  }

  private static double lse(double a, double b) {
    double max = Math.max(a, b);
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    return max + Math.log1p(Math.exp(Math.min(a, b) - max));
  }

  /**
   * A node of the tree of prefixes met in one search: each label sequence is one node, so the
   * beam merges the probability of a prefix reached from different parents.
   */
  private static final class Prefix {
    final int label; // the last label, −1 for ε
    final int state; // the lexicon state after the labels
    final int[] labels;
    final Map<Integer, Prefix> children = new HashMap<>(); // null value: not allowed

    Prefix(Prefix parent, int label, int state) {
      this.label = label;
      this.state = state;
      if (parent == null) {
        this.labels = new int[0];
      } else {
        this.labels = Arrays.copyOf(parent.labels, parent.labels.length + 1);
        this.labels[parent.labels.length] = label;
      }
    }
  }
}
