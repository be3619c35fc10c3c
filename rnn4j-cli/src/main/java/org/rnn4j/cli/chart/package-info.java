/**
 * Charts (JFreeChart, PNG): the loss curves of training runs ({@link org.rnn4j.cli.chart.Curves})
 * and the attention heatmap of a translation ({@link org.rnn4j.cli.chart.AttentionHeatmap}). Kept
 * in the command line so the library needs none.
 */
package org.rnn4j.cli.chart;
