package dev.outbox.app;

import dev.outbox.config.ExitCodes;

/**
 * Runs roles in the foreground: starts them, says so, waits for SIGTERM (or the test's signal),
 * then closes them in reverse start order. If starting fails, whatever started is closed and the
 * failure propagates (exit 1, or 78 for configuration).
 */
final class Foreground {

  /** Starts the roles, registering each with {@code roles} as soon as it holds resources. */
  interface Starter {
    void start(RunningRoles roles) throws Exception;
  }

  private Foreground() {}

  static int run(Invocation invocation, String what, Starter starter) throws Exception {
    StopSignal stop = invocation.stop();
    stop.arm();
    try {
      try (RunningRoles roles = new RunningRoles(invocation.out())) {
        starter.start(roles);
        invocation.out().println(what + " running; stop with Ctrl-C or SIGTERM");
        stop.awaitStopRequest();
        invocation.out().println(what + " stopping");
      }
      invocation.out().println(what + " stopped cleanly");
      return ExitCodes.OK;
    } finally {
      stop.stopped();
    }
  }
}
