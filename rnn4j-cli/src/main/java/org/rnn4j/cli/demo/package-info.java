/**
 * Demos run by {@code rnn4j demo}: each trains a model end to end and shows what it learned.
 * Belongs here: the demo programs and their small built-in data. Does not belong here: anything a
 * library user would call (that goes into rnn4j-core).
 */
package org.rnn4j.cli.demo;
