package org.rnn4j.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

/**
 * Beam search: the k most probable continuations of a prime, extended one token per step.
 *
 * <pre>
 * beam⟨0⟩ = { ∅ }                                  the empty continuation, log p = 0
 * step s:  candidates = { (y, w) : y ∈ beam⟨s−1⟩, w ∈ [0, V) }
 *          log p(y, w) = log p(y) + log softmax(z_y)_w     z_y: the logits after prime, y
 *          keep the k − f candidates of highest log p      f: hypotheses finished so far;
 *                                                          ties to the lower row, then lower id
 *          those ending in the end token are finished and leave the beam
 *          beam⟨s⟩ = the others
 * stop when the beam is empty or s = maxTokens
 * rank     score(y) = log p(y) / |y|^α                   |y| counts the end token if finished
 * </pre>
 *
 * The beam narrows by one for every hypothesis that finishes, so at most k hypotheses finish,
 * and with k = 1 the search is greedy decoding stopped at the end token. Length normalisation is
 * the plain division of Hugging Face's {@code length_penalty} (not GNMT's ((5 + |y|) / 6)^α): it
 * only ranks the results; the beam is always pruned by total log-probability. α = 0 ranks by
 * total log-probability, which favours short hypotheses; α = 1 ranks by the mean per token.
 *
 * <p>The prime is fed in one call from the initial state; then each step feeds the last token of
 * every live hypothesis as one batch (B = beam size, T = 1), after {@link NextTokenModel#select}
 * has given each row the state of the hypothesis it extends. Everything runs without a gradient
 * graph ({@link NoGrad}).
 *
 * @param <S> the model's state type
 */
public final class BeamSearch<S> {
  private final NextTokenModel<S> model;
  private final BeamSearchConfig config;

  /**
   * @param model the model to decode (put it in evaluation mode first)
   * @param config the beam width, length limit, end token, length penalty and result count
   * @throws IllegalArgumentException if model or config is null
   */
  public BeamSearch(NextTokenModel<S> model, BeamSearchConfig config) {
    if (model == null || config == null) {
      throw new IllegalArgumentException("model and config must be given, got model = " + model
          + ", config = " + config);
    }
    this.model = model;
    this.config = config;
  }

  public BeamSearchConfig config() {
    return config;
  }

  /**
   * Searches for the best continuations of a prime.
   *
   * @param prime (P) ids to start from, P ≥ 1 (a start token such as {@code <bos>} if nothing
   *     else)
   * @return the n = {@code config.best()} best finished hypotheses, highest score first; if none
   *     finished within maxTokens, the n best unfinished ones instead. Fewer than n when fewer
   *     finished (or, with forbidden −∞ tokens, fewer were possible)
   * @throws IllegalArgumentException if the prime is empty
   * @throws IllegalStateException if the model returns logits of the wrong shape
   */
  public List<Hypothesis> search(int[] prime) {
    if (prime == null || prime.length == 0) {
      throw new IllegalArgumentException("prime must hold at least one id (a start token such as "
          + "<bos> if nothing else), got " + (prime == null ? "null" : "none"));
    }
    List<Hypothesis> finished = new ArrayList<>();
    List<Live> beam = List.of(new Live(new int[0], 0));
    try (NoGrad scope = NoGrad.enter()) {
      NextTokenModel.Step<S> step =
          model.forward(prime.clone(), new int[] {prime.length}, model.initialState(1));
      int last = prime.length - 1; // time index of the next-token logits
      for (int s = 1; ; s++) {
        int width = config.beamWidth() - finished.size(); // the beam narrows as hypotheses end
        List<Candidate> top = topCandidates(beam, step.logits(), last, width);
        List<Live> next = new ArrayList<>();
        int[] parents = new int[top.size()]; // (B') the beam row each live candidate extends
        int[] tokens = new int[top.size()]; // (B') its last token, fed at the next step
        for (Candidate c : top) {
          Live parent = beam.get(c.parent());
          if (c.token() == config.endId()) {
            finished.add(hypothesis(parent.ids(), c.logProbability(), true));
          } else {
            parents[next.size()] = c.parent();
            tokens[next.size()] = c.token();
            next.add(parent.extend(c.token(), c.logProbability()));
          }
        }
        beam = next;
        if (beam.isEmpty() || s == config.maxTokens()) {
          break;
        }
        int b = beam.size();
        int[] ones = new int[b];
        Arrays.fill(ones, 1);
        S state = model.select(step.state(), Arrays.copyOf(parents, b));
        step = model.forward(Arrays.copyOf(tokens, b), ones, state);
        last = 0;
      }
    }
    return best(finished.isEmpty() ? unfinished(beam) : finished);
  }

  /**
   * The k best extensions of the beam, best first, from logits (B, T, V) at time {@code last};
   * forbidden (−∞) tokens are never proposed.
   */
  private List<Candidate> topCandidates(List<Live> beam, Tensor logits, int last, int k) {
    int b = beam.size();
    if (logits.rank() != 3 || logits.dim(0) != b || logits.dim(1) <= last) {
      throw new IllegalStateException("model must return logits (B, T, V) with B = " + b
          + " and T > " + last + ", got shape " + Arrays.toString(logits.shape()));
    }
    int t = logits.dim(1);
    int v = logits.dim(2);
    double[] logP = new double[v]; // (V) log softmax of one row
    double[] bestLogP = new double[k]; // (k) sorted descending
    int[] bestRow = new int[k];
    int[] bestToken = new int[k];
    int count = 0;
    for (int r = 0; r < b; r++) {
      Logits.logSoftmax(logP, logits.data(), (r * t + last) * v, v);
      for (int w = 0; w < v; w++) {
        double lp = beam.get(r).logProbability() + logP[w];
        if (lp == Double.NEGATIVE_INFINITY || (count == k && !(lp > bestLogP[k - 1]))) {
          continue;
        }
        int pos = Math.min(count, k - 1);
        while (pos > 0 && bestLogP[pos - 1] < lp) { // strict: earlier candidates win ties
          bestLogP[pos] = bestLogP[pos - 1];
          bestRow[pos] = bestRow[pos - 1];
          bestToken[pos] = bestToken[pos - 1];
          pos--;
        }
        bestLogP[pos] = lp;
        bestRow[pos] = r;
        bestToken[pos] = w;
        count = Math.min(count + 1, k);
      }
    }
    List<Candidate> top = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      top.add(new Candidate(bestRow[i], bestToken[i], bestLogP[i]));
    }
    return top;
  }

  private List<Hypothesis> unfinished(List<Live> beam) {
    List<Hypothesis> out = new ArrayList<>(beam.size());
    for (Live live : beam) {
      out.add(hypothesis(live.ids(), live.logProbability(), false));
    }
    return out;
  }

  /** log p / length^α, with the end token counted in the length when finished. */
  private Hypothesis hypothesis(int[] ids, double logProbability, boolean finished) {
    int length = ids.length + (finished ? 1 : 0);
    double score = config.lengthPenalty() == 0
        ? logProbability
        : logProbability / Math.pow(length, config.lengthPenalty());
    return new Hypothesis(ids, logProbability, score, finished);
  }

  /** The n best by score; the sort is stable, so ties keep the order they were found in. */
  private List<Hypothesis> best(List<Hypothesis> hypotheses) {
    List<Hypothesis> sorted = new ArrayList<>(hypotheses);
    sorted.sort(Comparator.comparingDouble(Hypothesis::score).reversed());
    return List.copyOf(sorted.subList(0, Math.min(config.best(), sorted.size())));
  }

  /** A live hypothesis: the ids generated so far and their total log-probability. */
  private record Live(int[] ids, double logProbability) {
    Live extend(int token, double newLogProbability) {
      int[] longer = Arrays.copyOf(ids, ids.length + 1);
      longer[ids.length] = token;
      return new Live(longer, newLogProbability);
    }
  }

  /** Beam row {@code parent} extended by {@code token}, with the total log-probability. */
  private record Candidate(int parent, int token, double logProbability) {}
}
