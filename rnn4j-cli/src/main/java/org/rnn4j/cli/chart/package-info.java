/**
 * Charts as PNG files (JFreeChart): loss curves of training runs ({@link
 * org.rnn4j.cli.chart.Curves}), forecasts beside history and actual values ({@link
 * org.rnn4j.cli.chart.ForecastChart}), named series of points such as accuracy against distance
 * or gradient norms against time ({@link org.rnn4j.cli.chart.LineChart}), the same series side by
 * side in one panel per group ({@link org.rnn4j.cli.chart.PanelChart}) and the attention
 * heatmap of a translation ({@link org.rnn4j.cli.chart.AttentionHeatmap}); kept in the command
 * line so the library needs none.
 */
package org.rnn4j.cli.chart;
