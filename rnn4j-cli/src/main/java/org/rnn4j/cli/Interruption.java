package org.rnn4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (SIGINT) and SIGTERM during training, turned into a clean stop: a shutdown hook asks the
 * run to stop before its next step and holds the JVM's exit until the command has written its
 * checkpoint and said how to resume, or for {@value #WAIT_SECONDS} s at most (an interrupted
 * write leaves the previous checkpoint whole: files are written to a temporary name and
 * renamed).
 */
final class Interruption implements AutoCloseable {
  static final long WAIT_SECONDS = 120;
  private final AtomicBoolean requested = new AtomicBoolean();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  private Interruption(PrintWriter err) {
    this.hook = new Thread(() -> {
      requested.set(true);
      err.println("rnn4j: stopping after the current step …");
      err.flush();
      try {
        finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "rnn4j-interruption");
  }

  /**
   * @param err where the hook says it is stopping
   * @return the installed handler; close it when the command is done
   */
  static Interruption install(PrintWriter err) {
    Interruption i = new Interruption(err);
    Runtime.getRuntime().addShutdownHook(i.hook);
    return i;
  }

  /** Whether a signal asked the run to stop. */
  boolean requested() {
    return requested.get();
  }

  /** The command is done: lets a waiting shutdown go on, or removes the hook. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: it returns now that finished is counted down
    }
  }
}
