/**
 * The hot loops of rnn4j on plain {@code float[]} arrays: matrix products ({@link
 * org.rnn4j.kernel.Gemm}, with weights packed once into a {@link org.rnn4j.kernel.PackedMatrix}),
 * elementwise activations ({@link org.rnn4j.kernel.Activations}), the optimizers' parameter
 * updates ({@link org.rnn4j.kernel.Updates}) and the thread budget they share ({@link
 * org.rnn4j.kernel.Parallelism}). Matrices are row-major and contiguous; each kernel takes
 * outputs first, then inputs, then sizes, says which arrays it modifies, and allocates nothing in
 * its hot path.
 *
 * <p>Every fast kernel sits beside a plain definition ({@link org.rnn4j.kernel.ReferenceGemm},
 * {@link java.lang.Math}) and tests hold them equal. The Vector API ({@code
 * jdk.incubator.vector}) is used only inside one package-private backend class, loaded when the
 * module is enabled ({@code --add-modules jdk.incubator.vector}); otherwise the scalar backend
 * runs and one log line says how to enable it. {@code -Drnn4j.kernel=scalar} forces the scalar
 * kernels.
 *
 * <p>This package knows nothing of tensors, shapes beyond (rows, columns), or autograd: those
 * belong to {@code org.rnn4j.tensor} and above.
 */
package org.rnn4j.kernel;
