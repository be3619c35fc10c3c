package org.rnn4j.spark.train;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * A sum over partitions whose float additions happen in one fixed order, whatever order Spark
 * merges partial results in, so that a distributed run is reproducible to the bit.
 *
 * <p>The partitions 0 … P−1 are the leaves of a binary tree of aligned blocks [lo, lo + 2^j),
 * lo a multiple of 2^j. A partial sum is a set of such blocks; merging two partial sums unites
 * them and replaces each pair of sibling blocks by their parent, whose value is left + right.
 * Every block's value is therefore the same expression tree over its partitions, and the total
 * adds the remaining maximal blocks from left to right. (Float addition is commutative, so only
 * the grouping matters, and it is fixed.)
 *
 * <p>Each block holds a vector (N floats: a gradient, or weights and optimizer moments) and a few
 * double scalars (rows, loss), summed the same way.
 */
final class BlockSum implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The partitions [lo, lo + size) summed; size a power of two, lo a multiple of it. */
  private record Block(int lo, int size, float[] vector, double[] scalars)
      implements Serializable {}

  private final TreeMap<Integer, Block> blocks = new TreeMap<>(); // by lo

  private BlockSum() {}

  /**
   * One partition's contribution.
   *
   * @param partition p, its index
   * @param vector (N) its vector, kept (not copied): the sum may add into it
   * @param scalars its scalars, kept
   * @return the partial sum of that partition alone
   */
  static BlockSum of(int partition, float[] vector, double... scalars) {
    BlockSum s = new BlockSum();
    s.blocks.put(partition, new Block(partition, 1, vector, scalars));
    return s;
  }

  /** The lowest partition summed here. */
  int first() {
    return blocks.firstKey();
  }

  /**
   * Both partial sums as one; this and {@code other} must not be used afterwards (their vectors
   * are reused).
   *
   * @param other partitions disjoint from this one's
   * @return the union, with sibling blocks added
   */
  BlockSum merge(BlockSum other) {
    BlockSum out = new BlockSum();
    out.blocks.putAll(blocks);
    for (Block b : other.blocks.values()) {
      if (out.blocks.put(b.lo(), b) != null) {
        throw new IllegalStateException("partition " + b.lo() + " was summed twice");
      }
    }
    out.collapse();
    return out;
  }

  private void collapse() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Block left : List.copyOf(blocks.values())) {
        if (left.lo() % (2 * left.size()) != 0) {
          continue;
        }
        Block right = blocks.get(left.lo() + left.size());
        if (right != null && right.size() == left.size()) {
          blocks.remove(right.lo());
          blocks.put(left.lo(), add(left, right));
          changed = true;
          break;
        }
      }
    }
  }

  private static Block add(Block left, Block right) {
    float[] v = left.vector();
    float[] w = right.vector();
    if (v.length != w.length || left.scalars().length != right.scalars().length) {
      throw new IllegalStateException("partitions " + left.lo() + " and " + right.lo()
          + " sent vectors of different sizes: " + v.length + " and " + w.length);
    }
    for (int i = 0; i < v.length; i++) {
      v[i] += w[i];
    }
    double[] s = left.scalars();
    for (int i = 0; i < s.length; i++) {
      s[i] += right.scalars()[i];
    }
    return new Block(left.lo(), 2 * left.size(), v, s);
  }

  /** The vector summed over every partition here, the maximal blocks added left to right. */
  float[] vector() {
    float[] total = blocks.firstEntry().getValue().vector().clone();
    for (Map.Entry<Integer, Block> e : blocks.tailMap(blocks.firstKey(), false).entrySet()) {
      float[] v = e.getValue().vector();
      for (int i = 0; i < total.length; i++) {
        total[i] += v[i];
      }
    }
    return total;
  }

  /** Scalar {@code i} summed over every partition, in the order of {@link #vector()}. */
  double scalar(int i) {
    double total = 0;
    boolean first = true;
    for (Block b : blocks.values()) {
      total = first ? b.scalars()[i] : total + b.scalars()[i];
      first = false;
    }
    return total;
  }

  /**
   * Sums one partial sum per partition up a tree of fan-in f: each level combines aligned groups
   * of f consecutive partitions on the executors (a shuffle of P/f^level vectors), the driver the
   * last at most f.
   *
   * @param partials one per partition, from {@link #of}
   * @param fanIn f, a power of two ≥ 2
   * @return the total over every partition
   */
  static BlockSum treeSum(JavaRDD<BlockSum> partials, int fanIn) {
    JavaRDD<BlockSum> level = partials;
    int parts = partials.getNumPartitions();
    int span = 1;
    while (parts > fanIn) {
      int groupSpan = span * fanIn;
      parts = (parts + fanIn - 1) / fanIn;
      JavaPairRDD<Integer, BlockSum> keyed =
          level.mapToPair(s -> new Tuple2<>(s.first() / groupSpan, s));
      level = keyed.reduceByKey(BlockSum::merge, parts).values();
      span = groupSpan;
    }
    List<BlockSum> top = new ArrayList<>(level.collect());
    BlockSum total = top.get(0);
    for (BlockSum s : top.subList(1, top.size())) {
      total = total.merge(s);
    }
    return total;
  }

  /** The largest power of two ≤ n, for a fan-in given as any n ≥ 2. */
  static int powerOfTwoAtMost(int n) {
    return Integer.highestOneBit(n);
  }
}
