/**
 * Plain throughput harnesses behind {@code rnn4j bench}: each measures one kernel or model
 * configuration and prints one JSON line per measurement. JMH micro-benchmarks live in
 * rnn4j-bench instead; the picocli commands that call these live in {@code org.rnn4j.cli}.
 */
package org.rnn4j.cli.bench;
