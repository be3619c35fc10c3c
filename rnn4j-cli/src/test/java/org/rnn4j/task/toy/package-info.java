/**
 * A test-only task family, added without any change to the command line: it shows that a new
 * family needs one package (and a service-file line) and nothing else. "toy" counts the letters
 * of an alphabet in each text and learns which label goes with which counts: a linear softmax
 * classifier over letter frequencies, trained with the shared recipe.
 */
package org.rnn4j.task.toy;
