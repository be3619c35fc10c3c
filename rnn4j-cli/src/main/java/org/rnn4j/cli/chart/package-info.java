/**
 * Charts as PNG files (JFreeChart): loss curves of training runs ({@link
 * org.rnn4j.cli.chart.Curves}), forecasts beside history and actual values ({@link
 * org.rnn4j.cli.chart.ForecastChart}) and the attention heatmap of a translation ({@link
 * org.rnn4j.cli.chart.AttentionHeatmap}); kept in the command line so the library needs none.
 */
package org.rnn4j.cli.chart;
