package org.rnn4j.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rnn4j.optim.Adam;
import org.rnn4j.tensor.Tensor;

/**
 * The two costs around the GEMMs of a seq2seq training step with a large output vocabulary
 * (the translate demo: batch 32, V = 3,789, out.weight (V, 384)):
 * <ul>
 *   <li>{@code biasAddForwardBackward}: y = x + b with b (V) broadcast over x (32, V), then
 *       y ∘ w summed and back-propagated to x and b, as a Linear layer's bias does every decoder
 *       step;
 *   <li>{@code adamStep}: one Adam update of 2.34 M parameters in four tensors of the demo's
 *       largest shapes.
 * </ul>
 * Run:
 *
 * <pre>
 * java --add-modules=jdk.incubator.vector -jar rnn4j-bench/target/benchmarks.jar TrainingStepBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:PerMethodTrapLimit=10000"})
@State(Scope.Benchmark)
public class TrainingStepBenchmark {
  private Tensor x; // (32, V)
  private Tensor bias; // (V)
  private Tensor w; // (32, V)
  private Adam adam;

  @Setup
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(0);
    int v = 3789;
    x = Tensor.uniform(rng, -1, 1, 32, v).requiresGrad(true);
    bias = Tensor.uniform(rng, -1, 1, v).requiresGrad(true);
    w = Tensor.uniform(rng, -1, 1, 32, v);
    Map<String, Tensor> parameters = new LinkedHashMap<>();
    parameters.put("out.weight", Tensor.uniform(rng, -1, 1, v, 384));
    parameters.put("decoder_embedding.weight", Tensor.uniform(rng, -1, 1, v, 64));
    parameters.put("encoder_embedding.weight", Tensor.uniform(rng, -1, 1, 3693, 64));
    parameters.put("decoder.weight_ih_l0", Tensor.uniform(rng, -1, 1, 384, 320));
    for (Tensor p : parameters.values()) {
      p.requiresGrad(true).sum().backward(); // creates the gradient buffers (all ones)
    }
    adam = Adam.of(parameters, 1e-3);
  }

  @Benchmark
  public Tensor biasAddForwardBackward() {
    x.zeroGrad();
    bias.zeroGrad();
    Tensor loss = x.add(bias).mul(w).sum();
    loss.backward();
    return loss;
  }

  @Benchmark
  public Adam adamStep() {
    adam.step();
    return adam;
  }
}
