package org.rnn4j.nn.recurrent;

/**
 * Where the rows of an input projection P (one per step and batch row) are, when they are read
 * where the projection left them instead of copied into step order: row (s, b) of P is the GH
 * floats of {@code values} from {@code offsets[s·B + b]}.
 *
 * @param values the array holding P's rows: a table T = E·W_ihᵀ (V, GH), whose rows many steps
 *     share, or P = X·W_ihᵀ (B·T, GH) in the batch-first order of x
 * @param offsets (T, B) in step order; −1 at padded steps, which nothing reads
 */
record ProjectedRows(float[] values, int[] offsets) {}
