package dev.outbox.app;

/**
 * How a running role learns that it must stop, and reports that it has. In the process it is
 * SIGTERM or Ctrl-C (a JVM shutdown hook that waits until the roles are closed); in tests it is a
 * latch the test releases.
 */
public interface StopSignal {

  /** Called before the first role starts: a stop request from now on waits for {@link #stopped}. */
  void arm();

  /** Blocks until a stop is requested. */
  void awaitStopRequest() throws InterruptedException;

  /** Every role is closed; the process may exit. */
  void stopped();
}
