/**
 * JMH micro-benchmarks of rnn4j kernels and layers (not published). Each benchmark states the
 * shapes it measures and why; figures for the docs are measured on a quiet machine, not here.
 * Plain one-line-JSON harnesses for the {@code rnn4j bench} command live in rnn4j-cli.
 */
package org.rnn4j.bench;
