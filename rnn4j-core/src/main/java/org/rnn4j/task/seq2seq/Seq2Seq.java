package org.rnn4j.task.seq2seq;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.rnn4j.data.Collate;
import org.rnn4j.data.Padded;
import org.rnn4j.data.PaddedIds;
import org.rnn4j.data.Seq2SeqBatch;
import org.rnn4j.decode.BeamSearch;
import org.rnn4j.decode.BeamSearchConfig;
import org.rnn4j.decode.Hypothesis;
import org.rnn4j.io.ModelFile;
import org.rnn4j.kernel.Sizes;
import org.rnn4j.loss.CrossEntropy;
import org.rnn4j.loss.LinearCrossEntropy;
import org.rnn4j.nn.CompositeModule;
import org.rnn4j.nn.Dropout;
import org.rnn4j.nn.Embedding;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.attention.AdditiveAttention;
import org.rnn4j.nn.attention.Attention;
import org.rnn4j.nn.attention.MultiplicativeAttention;
import org.rnn4j.nn.recurrent.Recurrent;
import org.rnn4j.nn.recurrent.RecurrentOutput;
import org.rnn4j.nn.recurrent.RecurrentSpec;
import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

/**
 * An encoder–decoder with attention and input feeding, for sequence → sequence of another length.
 *
 * <pre>
 * encoder   h = RNN_enc(drop(E_x[x])) (B, Tx, He), He = D·H; masked by the source lengths
 * bridge    s_0 = h_n of the last encoder layer (1, B, H)                      D = 1
 *           s_0 = tanh(W_bh [h_n→; h_n←] + b_bh),  c_0 = W_bc [c_n→; c_n←] + b_bc   D = 2
 * decoder   s_t = RNN_dec([drop(E_y[y_{t−1}]); ctx_{t−1}], s_{t−1})   ctx_0 = 0, y_0 = &lt;bos&gt;
 *           ctx_t, α_t = attention(s_t, h, lengths)                 (B, He), (B, Tx)
 *           z_t = W_o drop([s_t; ctx_t]) + b_o                      (B, V)
 * drop      inverted dropout with the config's probability, in training mode only (also between
 *           stacked encoder layers); the identity in evaluation mode
 * parameters (PyTorch names):
 *   encoder_embedding.weight (V_x, E_x)   encoder.weight_ih_l0 …   (stacked, maybe bidirectional)
 *   bridge_h.weight (H, 2H), bridge_h.bias (H); bridge_c.* for the LSTM   (bidirectional only)
 *   decoder_embedding.weight (V, E_y)     decoder.weight_ih_l0 (G·H, E_y + He) …
 *   attention.query.weight … (additive) or attention.weight (H, He) (multiplicative)
 *   out.weight (V, H + He), out.bias (V)
 * </pre>
 * The children, in order: {@code encoder_embedding}, {@code encoder}, {@code bridge_h} and
 * {@code bridge_c} (when present), {@code decoder_embedding}, {@code decoder}, {@code attention},
 * {@code dropout} (one {@link Dropout}, applied at every drop above) and {@code out}.
 *
 * <p>Training uses teacher forcing ({@link #forward}): the decoder reads {@code <bos>} and the
 * target and predicts the target and {@code <eos>}. The decoder is causal, so padding after a
 * target's end never changes its real steps; padded sources are masked by the encoder and the
 * attention. {@link #train} turns dropout on, {@link #eval} (the initial mode) off. Decoding
 * builds no graph and leaves the mode alone (decode in evaluation mode): {@link #decode} is
 * greedy, {@link #beamSearch} keeps the k most probable hypotheses per source.
 *
 * <p>When dropout does not apply (evaluation mode, or p = 0) nothing comes between the source
 * embedding and the encoder, which then reads the ids through the embedding ({@link
 * Recurrent#forward(Embedding, int[], int[])}: when V_x &lt; B·Tx, or once the model is frozen,
 * its input projection is a gather from E_x·W_ihᵀ). The decoder reads [E_y[y]; ctx] as it is:
 * a table would cover only the E_y columns of its W_ih.
 */
public final class Seq2Seq extends CompositeModule {
  /** Padded target steps ({@link Collate#IGNORE_INDEX}) do not count. */
  private static final CrossEntropy.Options LOSS_OPTIONS =
      new CrossEntropy.Options(Collate.IGNORE_INDEX, 0f);
  private final Seq2SeqConfig config;
  private final Embedding encoderEmbedding;
  private final Recurrent encoder;
  private final Optional<Linear> bridgeH; // (D·H → H), bidirectional only
  private final Optional<Linear> bridgeC; // (D·H → H), bidirectional LSTM only
  private final Embedding decoderEmbedding;
  private final Recurrent decoder;
  private final Attention attention;
  private final Dropout dropout;
  private final Linear out;

  /**
   * @param config the shape
   * @param rng source of the initial weights
   */
  public Seq2Seq(Seq2SeqConfig config, RandomGenerator rng) {
    this.config = config;
    RecurrentSpec spec = config.encoder();
    int h = spec.hiddenSize();
    int he = spec.outputSize();
    this.encoderEmbedding = register("encoder_embedding",
        new Embedding(config.sourceVocabularySize(), config.sourceEmbeddingSize(), rng));
    this.encoder = register("encoder",
        new Recurrent(spec.config(config.sourceEmbeddingSize()), rng));
    this.bridgeH = register("bridge_h",
        spec.bidirectional() ? Optional.of(new Linear(he, h, rng)) : Optional.empty());
    this.bridgeC = register("bridge_c", spec.bidirectional() && spec.cell().hasCellState()
        ? Optional.of(new Linear(he, h, rng)) : Optional.empty());
    this.decoderEmbedding = register("decoder_embedding",
        new Embedding(config.targetVocabularySize(), config.targetEmbeddingSize(), rng));
    this.decoder = register("decoder", new Recurrent(RecurrentSpec.of(spec.cell(), h)
        .config(config.targetEmbeddingSize() + he), rng));
    this.attention = register("attention", switch (config.attention()) {
      case ADDITIVE -> new AdditiveAttention(h, he, h, rng);
      case MULTIPLICATIVE -> MultiplicativeAttention.general(h, he, rng);
    });
    this.dropout = register("dropout", new Dropout(spec.dropout()));
    this.out = register("out", new Linear(h + he, config.targetVocabularySize(), rng));
  }

  /** The shape this model was built with. */
  public Seq2SeqConfig config() {
    return config;
  }

  /**
   * The encoder's outputs prepared for attention, and the decoder's first state.
   *
   * @param keys encoder outputs h (B, Tx, He) with their projection and lengths
   * @param state s_0, (1, B, H) and, for the LSTM, c_0 (1, B, H)
   */
  record Encoded(Attention.Keys keys, RecurrentState state) {
    /**
     * Row b alone, cut to its own length S_b, as a new leaf (no graph): keys (1, S_b, He),
     * projected keys (1, S_b, P), state (1, 1, H).
     */
    Encoded row(int b) {
      int length = keys.lengths()[b];
      Tensor h = keys.keys().slice(0, b, b + 1).slice(1, 0, length).detach();
      Tensor projected = keys.projected().slice(0, b, b + 1).slice(1, 0, length).detach();
      return new Encoded(new Attention.Keys(h, projected, new int[] {length}),
          state.select(new int[] {b}));
    }
  }

  /**
   * The decoder between steps.
   *
   * @param state s_{t−1}, (1, B, H), and c_{t−1} for the LSTM
   * @param context ctx_{t−1} (B, He)
   */
  record DecoderState(RecurrentState state, Tensor context) {
    /**
     * Rows of the batch in the given order, cut from any graph: row i is row rows[i].
     *
     * @param rows (R) indices in [0, B), R ≥ 1
     * @return the state of R rows
     * @throws IllegalArgumentException if rows is empty or an index is out of range
     */
    DecoderState select(int[] rows) {
      RecurrentState selected = state.select(rows); // checks the rows
      int he = context.dim(1);
      float[] ctx = new float[Sizes.product(rows.length, he)]; // (R, He)
      for (int i = 0; i < rows.length; i++) {
        System.arraycopy(context.data(), rows[i] * he, ctx, i * he, he);
      }
      return new DecoderState(selected, Tensor.of(ctx, rows.length, he));
    }

    /** B, the rows of this state. */
    int batch() {
      return context.dim(0);
    }
  }

  /**
   * One decoder step, up to the output layer ({@link #logits} turns its features into z_t).
   *
   * @param features [s_t; ctx_t] (B, H + He), after dropout when training
   * @param weights α_t (B, Tx)
   * @param next the decoder state after the step
   */
  record Step(Tensor features, Tensor weights, DecoderState next) {}

  Encoded encode(PaddedIds source) {
    RecurrentOutput enc = runEncoder(source);
    int d = config.encoder().directions();
    int last = (config.encoder().layers() - 1) * d; // first slab of the last layer in (L·D, B, H)
    RecurrentState finalState = enc.state();
    Tensor h0 = bridge(finalState.h(), last, bridgeH, true);
    Optional<Tensor> c0 = finalState.c().map(c -> bridge(c, last, bridgeC, false));
    return new Encoded(attention.prepare(enc.output(), source.lengths()),
        new RecurrentState(h0, c0));
  }

  /** h = RNN_enc(drop(E_x[x])): the ids through the embedding when no dropout applies. */
  private RecurrentOutput runEncoder(PaddedIds source) {
    int b = source.batch();
    if (!dropout.applies() && b > 0) {
      return encoder.forward(encoderEmbedding, source.ids(), source.lengths());
    }
    // (B, Tx, E_x)
    Tensor x = dropout.forward(encoderEmbedding.forward(source.ids(), b, source.time()));
    return encoder.forward(x, source.lengths());
  }

  /**
   * The decoder's first state from the last encoder layer's final states (L·D, B, H): as is for a
   * unidirectional encoder, else [forward; reverse] (B, 2H) through the bridge.
   */
  private Tensor bridge(Tensor states, int last, Optional<Linear> bridge, boolean squash) {
    int b = states.dim(1);
    int h = config.encoder().hiddenSize();
    if (bridge.isEmpty()) {
      return states.slice(0, last, last + 1);
    }
    Tensor forward = states.slice(0, last, last + 1).reshape(b, h);
    Tensor reverse = states.slice(0, last + 1, last + 2).reshape(b, h);
    Tensor projected = bridge.get().forward(Tensor.concat(1, forward, reverse));
    return (squash ? projected.tanh() : projected).reshape(1, b, h);
  }

  DecoderState start(Encoded encoded, int batch) {
    return new DecoderState(encoded.state(), Tensor.zeros(batch, config.encoder().outputSize()));
  }

  /**
   * One decoder step: s_t, ctx_t and α_t from y_{t−1} and the state before it. The output layer
   * is left to {@link #logits}, because nothing in the recurrence reads z_t: teacher forcing
   * applies it to all steps at once.
   *
   * @param previous (B) y_{t−1}, target ids
   * @param s the state after step t − 1
   * @param keys the encoder outputs of the same B rows
   * @return the features [s_t; ctx_t], the attention weights and the state after the step
   */
  Step step(int[] previous, DecoderState s, Attention.Keys keys) {
    Tensor y = dropout.forward(decoderEmbedding.forward(previous, previous.length)); // (B, E_y)
    RecurrentOutput r = decoder.step(Tensor.concat(1, y, s.context()), s.state());
    Attention.Context c = attention.attend(r.output(), keys);
    Tensor features = dropout.forward(Tensor.concat(1, r.output(), c.context()));
    return new Step(features, c.weights(), new DecoderState(r.state(), c.context()));
  }

  /**
   * The output layer, z = W_o [s; ctx] + b_o.
   *
   * @param features (N, H + He) from {@link #step}
   * @return logits z (N, V)
   */
  Tensor logits(Tensor features) {
    return out.forward(features);
  }

  /**
   * Teacher-forced logits.
   *
   * @param source (B, Tx) source ids with lengths
   * @param decoderInputs (B, T) {@code <bos>} then each target, padded
   * @return logits z (B, T, V); z[b, t] predicts the token after decoderInputs[b, t]
   * @throws IllegalArgumentException if the batch sizes differ or the source is not token ids
   */
  public Tensor forward(Padded source, PaddedIds decoderInputs) {
    // one product for every step: W_o is packed once, not once per step
    return logits(features(source, decoderInputs))
        .reshape(decoderInputs.batch(), decoderInputs.time(), config.targetVocabularySize());
  }

  /**
   * Teacher-forced features [s_t; ctx_t] of every step, what the output layer reads.
   *
   * @param source (B, Tx) source ids with lengths
   * @param decoderInputs (B, T) {@code <bos>} then each target, padded
   * @return (B·T, H + He), row b·T + t for step t of row b
   * @throws IllegalArgumentException if the batch sizes differ or the source is not token ids
   */
  private Tensor features(Padded source, PaddedIds decoderInputs) {
    PaddedIds ids = sourceIds(source);
    int b = ids.batch();
    if (decoderInputs.batch() != b) {
      throw new IllegalArgumentException("decoderInputs must have the source's batch size: "
          + "expected " + b + ", got " + decoderInputs.batch());
    }
    Encoded encoded = encode(ids);
    DecoderState s = start(encoded, b);
    int t = decoderInputs.time();
    int f = config.encoder().hiddenSize() + config.encoder().outputSize();
    Tensor[] features = new Tensor[t]; // (B, 1, H + He) per step
    int[] previous = new int[b];
    for (int k = 0; k < t; k++) {
      for (int i = 0; i < b; i++) {
        previous[i] = decoderInputs.ids()[i * t + k];
      }
      Step out = step(previous, s, encoded.keys());
      features[k] = out.features().reshape(b, 1, f);
      s = out.next();
    }
    Tensor all = t == 1 ? features[0] : Tensor.concat(1, features); // (B, T, H + He)
    return all.reshape(b * t, f);
  }

  /**
   * The mean cross-entropy per real target token (padded steps ignored), teacher-forced. The
   * output layer and the softmax cross-entropy run as one {@link LinearCrossEntropy} node: the
   * same value and gradients as {@link #loss(Tensor, Seq2SeqBatch)} on {@link #forward}'s logits
   * (to float rounding), without holding the logits (B, T, V).
   *
   * @param batch a batch from {@link Collate#seq2seq}
   * @return a scalar
   */
  public Tensor loss(Seq2SeqBatch batch) {
    return LinearCrossEntropy.loss(out, features(batch.source(), batch.decoderInputs()),
        batch.decoderTargets(), null, LOSS_OPTIONS);
  }

  /**
   * The mean cross-entropy per real target token of logits already computed for a batch.
   *
   * @param logits (B, T, V) from {@link #forward} on the batch
   * @param batch the batch they were computed for
   * @return a scalar
   */
  static Tensor loss(Tensor logits, Seq2SeqBatch batch) {
    return CrossEntropy.loss(logits, batch.decoderTargets(), LOSS_OPTIONS);
  }

  /**
   * What greedy decoding produced.
   *
   * @param ids (B) the target ids of each row, without {@code <eos>}
   * @param attention (B) per row, one α row per returned id, each over that row's real source
   *     steps: attention[b][t][j], j &lt; lengths[b]
   */
  public record Decoded(int[][] ids, float[][][] attention) {}

  /**
   * Greedy decoding: each step feeds back the most likely token, until {@code <eos>} or
   * {@code maxLength} tokens. Builds no graph and leaves the mode alone: decode in evaluation
   * mode.
   *
   * @param source (B, Tx) source ids with lengths
   * @param maxLength the most tokens per row, ≥ 1
   * @param bosId the token the decoder reads first
   * @param eosId the token that ends a row (not returned)
   * @return each row's ids without {@code <eos>}
   * @throws IllegalArgumentException if maxLength &lt; 1 or an id is outside the target vocabulary
   */
  public int[][] greedy(Padded source, int maxLength, int bosId, int eosId) {
    return decode(source, maxLength, bosId, eosId).ids();
  }

  /**
   * As {@link #greedy}, also returning the attention weights of every output step (for heatmaps).
   *
   * @return ids and attention weights of each row
   */
  public Decoded decode(Padded source, int maxLength, int bosId, int eosId) {
    checkDecodeArguments(maxLength, bosId, eosId);
    PaddedIds ids = sourceIds(source);
    int b = ids.batch();
    int[] lengths = ids.lengths();
    List<List<Integer>> tokens = new ArrayList<>();
    List<List<float[]>> weights = new ArrayList<>();
    for (int i = 0; i < b; i++) {
      tokens.add(new ArrayList<>());
      weights.add(new ArrayList<>());
    }
    try (NoGrad scope = NoGrad.enter()) {
      Encoded encoded = encode(ids);
      DecoderState s = start(encoded, b);
      int[] previous = new int[b];
      Arrays.fill(previous, bosId);
      boolean[] done = new boolean[b];
      int open = b;
      for (int k = 0; k < maxLength && open > 0; k++) {
        Step out = step(previous, s, encoded.keys());
        s = out.next();
        previous = logits(out.features()).argmax();
        float[] alpha = out.weights().data(); // (B, Tx)
        for (int i = 0; i < b; i++) {
          if (done[i]) {
            continue;
          }
          if (previous[i] == eosId) {
            done[i] = true;
            open--;
          } else {
            tokens.get(i).add(previous[i]);
            int from = i * ids.time();
            weights.get(i).add(Arrays.copyOfRange(alpha, from, from + lengths[i]));
          }
        }
      }
    }
    return new Decoded(tokens.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
        .toArray(int[][]::new), weights.stream().map(l -> l.toArray(float[][]::new))
        .toArray(float[][][]::new));
  }

  /**
   * Beam search ({@link BeamSearch}) for each source row: the rows share one encoder pass, then
   * each row is searched alone over its own encoder outputs, so a row's result does not depend on
   * the other rows of the batch. Builds no graph and leaves the mode alone: decode in evaluation
   * mode.
   *
   * <p>Each hypothesis y scores log p(y | x) = Σ_t log softmax(z_t)[y_t], {@code <eos>} included
   * when it finished; the n best are ranked by log p / |y|^α, with |y| counting {@code <eos>}
   * (see {@link BeamSearchConfig}). With k = 1 the search is {@link #greedy} decoding.
   *
   * @param source (B, Tx) source ids with lengths
   * @param config k, the most tokens per hypothesis ({@code <eos>} included, as {@code
   *     maxLength} of {@link #greedy}), the end token ({@code <eos>}), α and n
   * @param bosId the token the decoder reads first
   * @return (B) per row, its n best hypotheses, best first, and the attention of the best
   * @throws IllegalArgumentException if bosId or the end token lies outside the target
   *     vocabulary, or the source is not token ids
   */
  public List<BeamResult> beamSearch(Padded source, BeamSearchConfig config, int bosId) {
    checkDecodeArguments(config.maxTokens(), bosId, config.endId());
    PaddedIds ids = sourceIds(source);
    List<BeamResult> results = new ArrayList<>(ids.batch());
    try (NoGrad scope = NoGrad.enter()) {
      Encoded encoded = encode(ids);
      for (int b = 0; b < ids.batch(); b++) {
        SourceDecoder row = new SourceDecoder(this, encoded.row(b));
        List<Hypothesis> best = new BeamSearch<>(row, config).search(new int[] {bosId});
        results.add(new BeamResult(best, row.attention(bosId, best.get(0).ids())));
      }
    }
    return results;
  }

  void checkDecodeArguments(int maxLength, int bosId, int eosId) {
    int v = config.targetVocabularySize();
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be at least 1, got " + maxLength);
    }
    if (bosId < 0 || bosId >= v || eosId < 0 || eosId >= v) {
      throw new IllegalArgumentException("bosId and eosId must lie in [0, " + v + "), got "
          + bosId + " and " + eosId);
    }
  }

  private static PaddedIds sourceIds(Padded source) {
    if (!(source instanceof PaddedIds ids)) {
      throw new IllegalArgumentException("source must be token ids (PaddedIds) for a model with a"
          + " source vocabulary, got " + source.getClass().getSimpleName());
    }
    return ids;
  }

  /**
   * Reads a model file written for a seq2seq model (see {@link
   * org.rnn4j.task.TrainedModel#save}).
   *
   * @param file the model file
   * @return the model and what was stored beside it
   * @throws org.rnn4j.io.ModelFormatException if the file is not a valid seq2seq model file
   * @throws IOException if the file cannot be read
   */
  public static ModelFile.Loaded<Seq2Seq> load(Path file) throws IOException {
    return ModelFile.load(file,
        config -> new Seq2Seq(Seq2SeqConfig.fromJson(config, file), new SplittableRandom(0)));
  }
}
