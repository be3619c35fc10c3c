package org.rnn4j.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Walks the recorded graph of ops. */
final class Graph {
  private Graph() {}

  /**
   * The tensors that {@code root} depends on and that require gradients, inputs before the ops
   * that use them, {@code root} last. Iterative, so graphs of any depth (thousands of time
   * steps) do not overflow the stack.
   */
  static List<Tensor> topologicalOrder(Tensor root) {
    List<Tensor> order = new ArrayList<>();
    Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Tensor> stack = new ArrayDeque<>();
    Deque<Integer> nextInput = new ArrayDeque<>();
    stack.push(root);
    nextInput.push(0);
    visited.add(root);
    while (!stack.isEmpty()) {
      Tensor t = stack.peek();
      int i = nextInput.pop();
      Tensor[] in = t.inputs();
      if (i < in.length) {
        nextInput.push(i + 1);
        Tensor child = in[i];
        if (child.requiresGrad() && visited.add(child)) {
          stack.push(child);
          nextInput.push(0);
        }
      } else {
        stack.pop();
        order.add(t);
      }
    }
    return order;
  }
}
