package org.rnn4j.nn.recurrent;

/**
 * The settings of a {@link Recurrent} layer. Build with {@link #builder} or the factories on
 * {@link Recurrent}.
 *
 * @param cell which cell
 * @param inputSize I, features per time step
 * @param hiddenSize H, hidden units per direction
 * @param layers L, stacked layers (layer l &gt; 0 reads the outputs of layer l − 1)
 * @param bidirectional whether each layer also runs backwards over each sequence
 * @param dropout probability of dropping outputs between layers while training (not after the
 *     last layer)
 * @param orthogonalRecurrent initialise each gate's block of W_hh as a random orthogonal matrix
 *     instead of uniform ±1/√H
 * @param unitForgetBias LSTM only: start the forget-gate bias at 1 (b_ih = 1, b_hh = 0 for f)
 */
public record RecurrentConfig(
    CellKind cell,
    int inputSize,
    int hiddenSize,
    int layers,
    boolean bidirectional,
    float dropout,
    boolean orthogonalRecurrent,
    boolean unitForgetBias) {

  public static final int DEFAULT_LAYERS = RecurrentSpec.DEFAULT_LAYERS;
  public static final float DEFAULT_DROPOUT = RecurrentSpec.DEFAULT_DROPOUT;

  /** Checks every setting (the shared ones through {@link RecurrentSpec}). */
  public RecurrentConfig {
    new RecurrentSpec(cell, hiddenSize, layers, bidirectional, dropout);
    if (inputSize < 1) {
      throw new IllegalArgumentException("inputSize must be at least 1, got " + inputSize);
    }
    if (unitForgetBias && !cell.hasCellState()) {
      throw new IllegalArgumentException("unitForgetBias applies to the LSTM only, cell is " + cell);
    }
  }

  /** The settings a task config chooses: everything but the input size and the init. */
  public RecurrentSpec spec() {
    return new RecurrentSpec(cell, hiddenSize, layers, bidirectional, dropout);
  }

  /** Directions per layer, D = 1 or 2. */
  public int directions() {
    return bidirectional ? 2 : 1;
  }

  /** A builder with the defaults: one layer, one direction, no dropout, PyTorch's init. */
  public static Builder builder(CellKind cell, int inputSize, int hiddenSize) {
    return new Builder(cell, inputSize, hiddenSize);
  }

  /** Builds a {@link RecurrentConfig}. */
  public static final class Builder {
    private final CellKind cell;
    private final int inputSize;
    private final int hiddenSize;
    private int layers = DEFAULT_LAYERS;
    private boolean bidirectional;
    private float dropout = DEFAULT_DROPOUT;
    private boolean orthogonalRecurrent;
    private boolean unitForgetBias;

    private Builder(CellKind cell, int inputSize, int hiddenSize) {
      this.cell = cell;
      this.inputSize = inputSize;
      this.hiddenSize = hiddenSize;
    }

    public Builder layers(int value) {
      this.layers = value;
      return this;
    }

    public Builder bidirectional(boolean value) {
      this.bidirectional = value;
      return this;
    }

    public Builder dropout(float value) {
      this.dropout = value;
      return this;
    }

    public Builder orthogonalRecurrent(boolean value) {
      this.orthogonalRecurrent = value;
      return this;
    }

    public Builder unitForgetBias(boolean value) {
      this.unitForgetBias = value;
      return this;
    }

    public RecurrentConfig build() {
      return new RecurrentConfig(cell, inputSize, hiddenSize, layers, bidirectional, dropout,
          orthogonalRecurrent, unitForgetBias);
    }
  }
}
