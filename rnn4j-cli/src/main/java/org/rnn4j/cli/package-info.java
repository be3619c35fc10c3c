/**
 * The {@code rnn4j} command line (picocli): one class per subcommand, and a few helpers of one
 * job each (file checks, output tables, the note on unknown tokens). Commands print their results
 * alone on standard output and everything else (logs, progress, notes) on standard error; they
 * turn library exceptions into one line on stderr and an exit code. Does not belong here: model, training or
 * data logic, which lives in rnn4j-core.
 */
package org.rnn4j.cli;
