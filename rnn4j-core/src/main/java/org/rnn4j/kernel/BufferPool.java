package org.rnn4j.kernel;

import java.lang.ref.SoftReference;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Float buffers that live for part of a training step, handed back once their user is done with
 * them and handed out again, zeroed unless the caller overwrites them, to the next request of the
 * same size on the same thread: the unrolled gates, states and their gradients of recurrent
 * layers, the gradients of intermediate tensors during a backward pass, the logits of a chunked
 * loss. A training step of one C1-sized LSTM layer alone unrolls 120 MB of them; allocating
 * them afresh at every step made the JVM's heap grow to several times what is live and spend
 * time collecting it.
 *
 * <p>Each thread keeps its own buffers, at most {@value #MAX_FLOATS} floats (512 MB) of them,
 * behind a soft reference, so the garbage collector may still take them all when memory runs
 * short. A buffer must be given back only when nothing will read it again; giving it back twice,
 * or reading it after, corrupts whatever takes it next.
 */
public final class BufferPool {
  /** The most floats a thread keeps for reuse. */
  public static final long MAX_FLOATS = 1L << 27;
  private static final float[] EMPTY = new float[0];
  private static final ThreadLocal<SoftReference<BufferPool>> POOLS =
      ThreadLocal.withInitial(() -> new SoftReference<>(new BufferPool()));

  private final Map<Integer, ArrayDeque<float[]>> free = new HashMap<>();
  private long held; // floats in free

  private BufferPool() {}

  private static BufferPool current() {
    BufferPool pool = POOLS.get().get();
    if (pool == null) {
      pool = new BufferPool();
      POOLS.set(new SoftReference<>(pool));
    }
    return pool;
  }

  /**
   * A zeroed buffer of exactly {@code size} floats: one given back earlier on this thread, or a
   * new one.
   */
  public static float[] take(int size) {
    float[] buffer = reuse(size);
    if (buffer == null) {
      return new float[size];
    }
    Arrays.fill(buffer, 0f);
    return buffer;
  }

  /**
   * A buffer of exactly {@code size} floats holding anything, for a caller that writes every
   * element before reading it: zeroing the unrolled pre-activations, states and saved gates of a
   * C1-sized recurrent layer call (60 MB) took about 3% of its time.
   */
  public static float[] takeToOverwrite(int size) {
    float[] buffer = reuse(size);
    return buffer != null ? buffer : new float[size];
  }

  /** A buffer of {@code size} floats given back on this thread, or null (also for size 0). */
  private static float[] reuse(int size) {
    if (size == 0) {
      return EMPTY;
    }
    BufferPool pool = current();
    ArrayDeque<float[]> stack = pool.free.get(size);
    float[] buffer = stack == null ? null : stack.poll();
    if (buffer != null) {
      pool.held -= size;
    }
    return buffer;
  }

  /** Gives buffers back for later calls on this thread; null and empty ones are ignored. */
  public static void give(float[]... buffers) {
    BufferPool pool = current();
    for (float[] buffer : buffers) {
      if (buffer == null || buffer.length == 0 || pool.held + buffer.length > MAX_FLOATS) {
        continue;
      }
      pool.free.computeIfAbsent(buffer.length, size -> new ArrayDeque<>()).push(buffer);
      pool.held += buffer.length;
    }
  }
}
