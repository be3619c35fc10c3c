/**
 * Speech data sets: the TIDIGITS connected-digit utterances of Debian's pocketsphinx test data
 * ({@link org.rnn4j.speech.data.Tidigits}), read as Sphinx feature files.
 */
package org.rnn4j.speech.data;
