package org.rnn4j.metrics;

/**
 * The Levenshtein distance: the fewest insertions, deletions and substitutions, each costing 1,
 * that turn one sequence into another.
 *
 * <pre>
 * d[i][j] = edits from a[0, i) to b[0, j)
 * d[i][0] = i,  d[0][j] = j
 * d[i][j] = min(d[i−1][j] + 1, d[i][j−1] + 1, d[i−1][j−1] + (a[i−1] ≠ b[j−1]))
 * </pre>
 * Two rows of d are kept: O(|a|·|b|) time, O(|b|) memory.
 */
public final class EditDistance {
  private EditDistance() {}

  /**
   * The edit distance of two sequences of symbols (characters as code points, or token ids).
   *
   * @param a (n) the first sequence
   * @param b (m) the second sequence
   * @return d[n][m], in [|n − m|, max(n, m)]
   */
  public static int levenshtein(int[] a, int[] b) {
    int[] previous = new int[b.length + 1]; // (m + 1) row d[i − 1]
    int[] current = new int[b.length + 1]; // (m + 1) row d[i]
    for (int j = 0; j <= b.length; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length; i++) {
      current[0] = i;
      for (int j = 1; j <= b.length; j++) {
        int substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length];
  }
}
