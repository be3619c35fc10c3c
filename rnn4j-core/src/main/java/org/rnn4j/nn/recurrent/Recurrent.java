package org.rnn4j.nn.recurrent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;
import org.rnn4j.kernel.BufferPool;
import org.rnn4j.nn.Embedding;
import org.rnn4j.nn.Module;
import org.rnn4j.tensor.Tensor;

/**
 * A recurrent layer that owns time: vanilla RNN, GRU or LSTM cells, stacked, optionally
 * bidirectional, over batch-first sequences of different lengths.
 *
 * <pre>
 * input x (B, T, I), lengths (B) → output (B, T, D·H), final h (L·D, B, H), final c (L·D, B, H)
 * parameters (PyTorch names, k = layer, suffix _reverse for the backward direction):
 *   weight_ih_lk (G·H, I for k = 0, else D·H)   weight_hh_lk (G·H, H)
 *   bias_ih_lk (G·H)                            bias_hh_lk (G·H)
 * </pre>
 *
 * <p>Each layer call is one autograd node whose backward pass is backpropagation through time
 * ({@link LayerPass}, {@link TimeLoop}). Padded steps (t ≥ lengths[b]) carry the state forward and
 * output zeros; a sequence's final state is its state at its own last step, as with PyTorch's
 * packed sequences. The reverse direction reads each sequence backwards from its own last step.
 * Dropout, when training, applies to the outputs of every layer but the last.
 *
 * <p>A first layer that reads token ids through an {@link Embedding} E (V, E) ({@link
 * #forward(Embedding, int[], int[], RecurrentState)}) can skip the lookup: every input row is a
 * row of E, so the input projection X·W_ihᵀ of each direction is a gather from the table
 * E·W_ihᵀ (V, G·H), which costs V instead of B·T rows of the product.
 */
public final class Recurrent implements Module {
  private final RecurrentConfig config;
  private final Cell cell;
  private final List<DirectionWeights> weights; // index layer·D + direction
  private final Map<String, Tensor> parameters;
  private final InputTables inputTables; // the first layer's, when it reads token ids
  private final LongAdder tableCalls = new LongAdder();
  private Optional<RandomGenerator> dropoutRng = Optional.empty(); // present while training
  private boolean recordStateGradientNorms;
  private Optional<double[][]> stateGradientNorms = Optional.empty(); // (L·D, T) of the last call

  /**
   * Creates the layer with freshly initialised weights.
   *
   * @param config the settings
   * @param rng the source of the initial weights (seed it for reproducible models)
   */
  public Recurrent(RecurrentConfig config, RandomGenerator rng) {
    this.config = config;
    this.cell = config.cell().cell();
    List<DirectionWeights> w = new ArrayList<>();
    Map<String, Tensor> named = new LinkedHashMap<>();
    int h = config.hiddenSize();
    int gh = cell.gates() * h;
    for (int layer = 0; layer < config.layers(); layer++) {
      int in = layer == 0 ? config.inputSize() : config.directions() * h;
      for (int dir = 0; dir < config.directions(); dir++) {
        DirectionWeights dw = new DirectionWeights(
            Tensor.zeros(gh, in).requiresGrad(true), Tensor.zeros(gh, h).requiresGrad(true),
            Tensor.zeros(gh).requiresGrad(true), Tensor.zeros(gh).requiresGrad(true));
        initialise(dw, rng);
        w.add(dw);
        String suffix = "_l" + layer + (dir == 1 ? "_reverse" : "");
        named.put("weight_ih" + suffix, dw.weightIh());
        named.put("weight_hh" + suffix, dw.weightHh());
        named.put("bias_ih" + suffix, dw.biasIh());
        named.put("bias_hh" + suffix, dw.biasHh());
      }
    }
    this.weights = List.copyOf(w);
    this.parameters = Collections.unmodifiableMap(named);
    this.inputTables = new InputTables(weights.subList(0, config.directions()));
  }

  private void initialise(DirectionWeights dw, RandomGenerator rng) {
    int h = config.hiddenSize();
    float bound = (float) (1 / Math.sqrt(h));
    for (Tensor t : dw.tensors()) {
      RecurrentInit.uniform(t.data(), bound, rng);
    }
    if (config.orthogonalRecurrent()) {
      RecurrentInit.orthogonalBlocks(dw.weightHh().data(), cell.gates(), h, rng);
    }
    if (config.unitForgetBias()) {
      Arrays.fill(dw.biasIh().data(), h, 2 * h, 1f);
      Arrays.fill(dw.biasHh().data(), h, 2 * h, 0f);
    }
  }

  /** A one-layer vanilla RNN with tanh, PyTorch's initialisation. */
  public static Recurrent rnn(int inputSize, int hiddenSize, RandomGenerator rng) {
    return new Recurrent(RecurrentConfig.builder(CellKind.RNN_TANH, inputSize, hiddenSize).build(),
        rng);
  }

  /** A one-layer GRU, PyTorch's initialisation. */
  public static Recurrent gru(int inputSize, int hiddenSize, RandomGenerator rng) {
    return new Recurrent(RecurrentConfig.builder(CellKind.GRU, inputSize, hiddenSize).build(), rng);
  }

  /** A one-layer LSTM, PyTorch's initialisation. */
  public static Recurrent lstm(int inputSize, int hiddenSize, RandomGenerator rng) {
    return new Recurrent(RecurrentConfig.builder(CellKind.LSTM, inputSize, hiddenSize).build(), rng);
  }

  public RecurrentConfig config() {
    return config;
  }

  @Override
  public Map<String, Tensor> ownParameters() {
    return parameters;
  }

  /**
   * Training mode: dropout between layers is applied, drawing from {@code rng}.
   *
   * @param rng the source of dropout masks (seed it for reproducible training)
   */
  public void train(RandomGenerator rng) {
    this.dropoutRng = Optional.of(rng);
  }

  /** Evaluation mode (the default): no dropout. */
  public void eval() {
    this.dropoutRng = Optional.empty();
  }

  /**
   * Whether the next calls record ‖∂L/∂a⟨t⟩‖ at every step during backpropagation, to show
   * vanishing or exploding gradients (see {@link #stateGradientNorms}).
   */
  public void recordStateGradientNorms(boolean record) {
    this.recordStateGradientNorms = record;
    if (!record) {
      stateGradientNorms = Optional.empty();
    }
  }

  /**
   * The norms recorded for the last call once its backward pass has run: element [l·D + d][s] is
   * ‖∂L/∂a⟨s⟩‖ over the whole batch for layer l, direction d, at step s (for the reverse direction
   * the s-th step taken, counted from each sequence's end). Empty unless recording is on.
   *
   * @return (L·D, T) norms; zeros where backward has not reached
   */
  public Optional<double[][]> stateGradientNorms() {
    return stateGradientNorms;
  }

  /** A zero state for a batch of {@code batch} sequences. */
  public RecurrentState zeroState(int batch) {
    int ld = config.layers() * config.directions();
    int h = config.hiddenSize();
    return new RecurrentState(Tensor.zeros(ld, batch, h),
        cell.hasCellState() ? Optional.of(Tensor.zeros(ld, batch, h)) : Optional.empty());
  }

  /** Runs full-length sequences from a zero state. */
  public RecurrentOutput forward(Tensor x) {
    return forward(x, fullLengths(x), zeroState(x.dim(0)));
  }

  /**
   * Runs sequences of the given lengths from a zero state.
   *
   * @param x input (B, T, I), padded after each sequence's end
   * @param lengths (B) the real length of each sequence, each in [0, T]
   */
  public RecurrentOutput forward(Tensor x, int[] lengths) {
    return forward(x, lengths, zeroState(x.dim(0)));
  }

  /**
   * Runs sequences of the given lengths from the given state.
   *
   * @param x input (B, T, I), padded after each sequence's end
   * @param lengths (B) the real length of each sequence, each in [0, T]
   * @param initial the state before the first step: h (L·D, B, H), and c for the LSTM; its
   *     gradient is computed when it requires one
   * @return outputs (B, T, D·H) and final states
   * @throws IllegalArgumentException naming the argument, expected and actual shape or value
   */
  public RecurrentOutput forward(Tensor x, int[] lengths, RecurrentState initial) {
    return forward(x, lengths, initial, true);
  }

  /** {@link #forward(Tensor, int[], RecurrentState)}, keeping its outputs or not. */
  private RecurrentOutput forward(Tensor x, int[] lengths, RecurrentState initial,
      boolean keepOutputs) {
    RecurrentShapes.check(config, x, lengths, initial);
    return run(new LayerInput.Dense(x), x.dim(1), lengths, initial, keepOutputs);
  }

  /**
   * The final states of sequences of the given lengths from a zero state, for a caller that reads
   * nothing else (a many-to-one model over the last state): {@code forward(x, lengths).state()},
   * to the bit. Without a graph (under {@link org.rnn4j.tensor.NoGrad}, or with nothing that
   * requires a gradient) the last layer's outputs go to a pooled buffer, given back before this
   * returns, instead of a new (B, T, D·H) array at every call.
   *
   * @param x input (B, T, I), padded after each sequence's end
   * @param lengths (B) the real length of each sequence, each in [0, T]
   * @return the final states: h (L·D, B, H), and c for the LSTM
   * @throws IllegalArgumentException naming the argument, expected and actual shape or value
   */
  public RecurrentState finalState(Tensor x, int[] lengths) {
    return forward(x, lengths, zeroState(x.dim(0)), false).state();
  }

  /**
   * The final states of token sequences read through an embedding, from a zero state: {@code
   * forward(embedding, ids, lengths).state()}, to the bit, without keeping the last layer's
   * outputs when there is no graph, as {@link #finalState(Tensor, int[])}.
   *
   * @param embedding the input embedding, E (V, E) with E = the layer's input size
   * @param ids (B, T) token ids, row-major
   * @param lengths (B) the real length of each sequence, each in [0, T]; B ≥ 1
   * @return the final states: h (L·D, B, H), and c for the LSTM
   * @throws IllegalArgumentException naming the argument, expected and actual shape or value
   */
  public RecurrentState finalState(Embedding embedding, int[] ids, int[] lengths) {
    return forward(embedding, ids, lengths, zeroState(lengths.length), false).state();
  }

  /**
   * Runs token sequences read through an embedding, from a zero state; as {@link
   * #forward(Embedding, int[], int[], RecurrentState)}.
   */
  public RecurrentOutput forward(Embedding embedding, int[] ids, int[] lengths) {
    return forward(embedding, ids, lengths, zeroState(lengths.length));
  }

  /**
   * Runs token sequences read through an embedding: the result of {@code forward(embedding
   * .forward(ids, B, T), lengths, initial)}, to float rounding, with gradients for the embedding
   * E (V, E) as for every parameter. The first layer computes the input projection of each
   * direction as rows of its table T = E·W_ihᵀ (V, G·H), without looking the vectors up:
   * <pre>
   * P = E[ids]·W_ihᵀ = T[ids]                 forward, (B·T, G·H)
   * dT = Σ over the steps reading id v of dP   backward, (V, G·H); padded steps add nothing
   * dW_ih += dTᵀ·E (G·H, E)     dE += dT·W_ih (V, E)
   * </pre>
   * It does so when
   * <ul>
   *   <li>E and the first layer's W_ih are frozen ({@link Tensor#freeze}) and the layer's tables
   *       hold at most 2^24 floats together (D·V·G·H ≤ 16 M, 64 MB): the tables are computed on
   *       first use and kept, so every call, whatever its batch, only gathers rows (decoding one
   *       token at a time gathers one row per sequence). Frozen values must not change
   *       afterwards ({@link Tensor#freeze}): the kept tables would not follow them;
   *   <li>or V &lt; B·T, the number of ids of the call (padded positions count, as the product
   *       has a row for each): the tables are computed for the call and are cheaper than the
   *       product, V·E·G·H multiply-adds per direction instead of B·T·E·G·H, and likewise for
   *       the two products of the backward pass.
   * </ul>
   * Otherwise it looks the vectors up and runs {@link #forward(Tensor, int[], RecurrentState)}.
   * Later layers are unchanged.
   *
   * @param embedding the input embedding, E (V, E) with E = the layer's input size
   * @param ids (B, T) token ids, row-major; padded positions must hold a valid id too (any)
   * @param lengths (B) the real length of each sequence, each in [0, T]; B ≥ 1
   * @param initial the state before the first step: h (L·D, B, H), and c for the LSTM
   * @return outputs (B, T, D·H) and final states
   * @throws IllegalArgumentException naming the argument, expected and actual shape or value
   */
  public RecurrentOutput forward(
      Embedding embedding, int[] ids, int[] lengths, RecurrentState initial) {
    return forward(embedding, ids, lengths, initial, true);
  }

  /** {@link #forward(Embedding, int[], int[], RecurrentState)}, keeping its outputs or not. */
  private RecurrentOutput forward(Embedding embedding, int[] ids, int[] lengths,
      RecurrentState initial, boolean keepOutputs) {
    Tensor weight = embedding.weight(); // (V, E)
    RecurrentShapes.checkIds(config, weight, ids, lengths, initial);
    int b = lengths.length;
    int t = ids.length / b;
    if (!inputTables.applies(weight, ids.length)) {
      return forward(embedding.forward(ids, b, t), lengths, initial, keepOutputs);
    }
    tableCalls.increment();
    return run(new LayerInput.Embedded(weight, ids, inputTables), t, lengths, initial,
        keepOutputs);
  }

  /** Calls of {@link #forward(Embedding, int[], int[], RecurrentState)} that used tables. */
  long tableCalls() {
    return tableCalls.sum();
  }

  /** The table kept for frozen weights of a first-layer direction (V, G·H), or null. */
  float[] keptTable(int direction) {
    return inputTables.keptValues(direction);
  }

  /**
   * Runs every layer; the first reads {@code first}, each later one the outputs below it.
   *
   * @param keepOutputs whether the caller reads the last layer's outputs; if not, and there is
   *     no graph, they go to a pooled buffer given back here, and the result's outputs are null
   */
  private RecurrentOutput run(LayerInput first, int t, int[] lengths, RecurrentState initial,
      boolean keepOutputs) {
    int d = config.directions();
    Tensor input = null; // the outputs of the layer below (B, T, D·H)
    List<Tensor> finalH = new ArrayList<>();
    List<Tensor> finalC = new ArrayList<>();
    double[][] norms = recordStateGradientNorms ? new double[config.layers() * d][t] : null;
    stateGradientNorms = Optional.ofNullable(norms);
    for (int layer = 0; layer < config.layers(); layer++) {
      if (layer > 0 && dropoutRng.isPresent()) {
        input = input.dropout(config.dropout(), dropoutRng.get());
      }
      int from = layer * d;
      Tensor h0 = layerState(initial.h(), from, d);
      Tensor c0 = initial.c().map(c -> layerState(c, from, d)).orElse(h0);
      LayerPass pass = new LayerPass(cell, weights.subList(from, from + d), lengths.clone(), t,
          norms == null ? null : Arrays.copyOfRange(norms, from, from + d));
      boolean last = layer == config.layers() - 1;
      Tensor[] results = pass.apply(layer == 0 ? first : new LayerInput.Dense(input), h0, c0,
          !last || !keepOutputs);
      if (layer > 0 && !input.requiresGrad()) { // no graph: nothing reads the layer below again
        BufferPool.give(input.data());
      }
      input = results[0];
      finalH.add(results[1]);
      if (cell.hasCellState()) {
        finalC.add(results[2]);
      }
    }
    if (!keepOutputs && !input.requiresGrad()) { // pooled: nothing reads it
      BufferPool.give(input.data());
      input = null;
    }
    Tensor hN = finalH.size() == 1 ? finalH.get(0) : Tensor.concat(0, finalH.toArray(Tensor[]::new));
    Optional<Tensor> cN = finalC.isEmpty() ? Optional.empty()
        : Optional.of(finalC.size() == 1 ? finalC.get(0)
            : Tensor.concat(0, finalC.toArray(Tensor[]::new)));
    return new RecurrentOutput(input, new RecurrentState(hN, cN));
  }

  /** The states (D, B, H) of one layer within those of all (L·D, B, H): a copy, unless L = 1. */
  private Tensor layerState(Tensor all, int from, int d) {
    return config.layers() == 1 ? all : all.slice(0, from, from + d);
  }

  /**
   * Advances every sequence of a batch by one time step, for generation and streaming. Feeding a
   * sequence step by step gives the outputs of the whole-sequence call.
   *
   * @param x this step's input (B, I)
   * @param state the state after the previous step (see {@link #zeroState})
   * @return output (B, H) and the new state
   * @throws IllegalStateException for a bidirectional layer, which needs the whole sequence
   */
  public RecurrentOutput step(Tensor x, RecurrentState state) {
    if (config.bidirectional()) {
      throw new IllegalStateException(
          "step() needs a unidirectional layer: the reverse direction reads the whole sequence");
    }
    if (x.rank() != 2) {
      throw new IllegalArgumentException(
          "step input must be (B, I), got shape " + Arrays.toString(x.shape()));
    }
    int b = x.dim(0);
    RecurrentOutput out = forward(x.reshape(b, 1, x.dim(1)), fullLengths(b, 1), state);
    return new RecurrentOutput(out.output().reshape(b, config.hiddenSize()), out.state());
  }

  private static int[] fullLengths(Tensor x) {
    if (x.rank() != 3) {
      throw new IllegalArgumentException(
          "input must be (B, T, I), got shape " + Arrays.toString(x.shape()));
    }
    return fullLengths(x.dim(0), x.dim(1));
  }

  private static int[] fullLengths(int batch, int steps) {
    int[] lengths = new int[batch];
    Arrays.fill(lengths, steps);
    return lengths;
  }
}
