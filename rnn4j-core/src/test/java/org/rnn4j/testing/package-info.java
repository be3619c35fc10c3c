/**
 * Test helpers shared by the tests of every package: the finite-difference gradient check, and
 * the agreement of two ways of computing a loss.
 */
package org.rnn4j.testing;
