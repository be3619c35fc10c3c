package org.rnn4j.music;

import java.util.Collections;
import java.util.List;
import org.rnn4j.decode.NextTokenModel;
import org.rnn4j.tensor.Tensor;

/**
 * A view of a next-token model that only proposes tokens the {@link NoteGrammar} allows: at every
 * real step the logits of the tokens it forbids become −∞,
 *
 * <pre>
 * z'⟨b,t⟩_j = z⟨b,t⟩_j   if grammar.allows(cursor after ids[b][0 … t], j)      else −∞
 * </pre>
 * so a sampler draws from the model's distribution renormalised over the allowed tokens. The
 * state pairs the model's state with each row's {@link NoteGrammar.Cursor}. Used for sampling;
 * perplexities are measured on the unmasked model.
 *
 * @param <S> the model's state type
 */
public final class GrammarMask<S> implements NextTokenModel<GrammarMask.State<S>> {
  /**
   * The state of a batch.
   *
   * @param model the model's state
   * @param cursors (B) where each row's token stream stands
   * @param <S> the model's state type
   */
  public record State<S>(S model, List<NoteGrammar.Cursor> cursors) {
    /** Copies the cursors. */
    public State {
      cursors = List.copyOf(cursors);
    }
  }

  private final NextTokenModel<S> model;
  private final NoteGrammar grammar;

  /**
   * @param model the model to mask (in evaluation mode)
   * @param grammar what may follow what
   */
  public GrammarMask(NextTokenModel<S> model, NoteGrammar grammar) {
    if (model == null || grammar == null) {
      throw new IllegalArgumentException("model and grammar must be given");
    }
    this.model = model;
    this.grammar = grammar;
  }

  @Override
  public State<S> initialState(int batch) {
    return new State<>(model.initialState(batch),
        Collections.nCopies(batch, grammar.start()));
  }

  /**
   * The model's logits (B, T, V), masked after each real input token; padded steps keep theirs.
   *
   * @throws IllegalArgumentException if an input token breaks the grammar (see {@link
   *     NoteGrammar#advance})
   */
  @Override
  public Step<State<S>> forward(int[] ids, int[] lengths, State<S> state) {
    Step<S> step = model.forward(ids, lengths, state.model());
    Tensor logits = step.logits();
    int b = logits.dim(0);
    int t = logits.dim(1);
    int v = logits.dim(2);
    if (v != grammar.vocabularySize()) {
      throw new IllegalStateException("the model scores V = " + v + " tokens but the grammar"
          + " covers a vocabulary of " + grammar.vocabularySize());
    }
    float[] z = logits.data().clone(); // (B, T, V)
    NoteGrammar.Cursor[] cursors = state.cursors().toArray(NoteGrammar.Cursor[]::new); // (B)
    for (int r = 0; r < b; r++) {
      for (int s = 0; s < lengths[r]; s++) {
        cursors[r] = grammar.advance(cursors[r], ids[r * t + s]);
        int off = (r * t + s) * v;
        for (int j = 0; j < v; j++) {
          if (!grammar.allows(cursors[r], j)) {
            z[off + j] = Float.NEGATIVE_INFINITY;
          }
        }
      }
    }
    return new Step<>(Tensor.of(z, b, t, v), new State<>(step.state(), List.of(cursors)));
  }

  @Override
  public State<S> select(State<S> state, int[] rows) {
    NoteGrammar.Cursor[] cursors = new NoteGrammar.Cursor[rows.length];
    for (int i = 0; i < rows.length; i++) {
      cursors[i] = state.cursors().get(rows[i]);
    }
    return new State<>(model.select(state.model(), rows), List.of(cursors));
  }
}
