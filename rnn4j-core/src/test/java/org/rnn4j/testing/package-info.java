/** Test helpers shared by the tests of every package: the finite-difference gradient check. */
package org.rnn4j.testing;
