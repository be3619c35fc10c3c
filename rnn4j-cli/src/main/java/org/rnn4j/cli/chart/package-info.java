/**
 * Charts as PNG files (JFreeChart): loss curves of training runs ({@link
 * org.rnn4j.cli.chart.Curves}) and forecasts beside history and actual values ({@link
 * org.rnn4j.cli.chart.ForecastChart}); kept in the command line so the library needs none.
 */
package org.rnn4j.cli.chart;
