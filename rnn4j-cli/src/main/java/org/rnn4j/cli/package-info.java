/**
 * The {@code rnn4j} command line (picocli): one class per subcommand. Commands turn library
 * exceptions into one line on stderr and an exit code. Does not belong here: model, training or
 * data logic, which lives in rnn4j-core.
 */
package org.rnn4j.cli;
