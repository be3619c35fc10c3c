package org.rnn4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Test helper: one run of the real command line, in process, with what it printed.
 *
 * @param code the exit code
 * @param out standard output
 * @param err standard error
 */
record CliRun(int code, String out, String err) {

  /** Runs {@code rnn4j args…} through {@link Main#execute}, capturing both streams. */
  static CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }
}
