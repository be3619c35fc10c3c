/** Charts of training runs (JFreeChart), kept in the command line so the library needs none. */
package org.rnn4j.cli.chart;
