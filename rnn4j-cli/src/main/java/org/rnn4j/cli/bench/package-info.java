/**
 * Plain throughput harnesses behind {@code rnn4j bench}: each measures one kernel or model
 * configuration and prints one JSON line per measurement ({@link org.rnn4j.cli.bench.BenchLine}),
 * with the metric and field names of the PyTorch peer benchmark. The model configurations C1–C5
 * are one class each, sized by a record ({@code C1Shape} …) so that tests run the same step at
 * tiny sizes, and are looked up by name in {@link org.rnn4j.cli.bench.BenchConfigs}. JMH
 * micro-benchmarks live in rnn4j-bench instead; the picocli commands that call these live in
 * {@code org.rnn4j.cli}.
 */
package org.rnn4j.cli.bench;
