package dev.outbox.config;

/**
 * The process exit codes of every command and role, after BSD's sysexits.h where one fits: scripts
 * and orchestrators can tell a typo (2) from a wrong setting (78) from an outage (1).
 */
public final class ExitCodes {

  /**
   * Done. A role stopped by SIGTERM or Ctrl-C closes everything, then the JVM exits 143 or 130, as
   * it does for those signals; a cleanly stopped role returns 0 to its caller.
   */
  public static final int OK = 0;

  /** A failure at run time: a service unreachable, a migration or replay failed. */
  public static final int FAILURE = 1;

  /** Bad usage: unknown command or option, missing or malformed argument. */
  public static final int USAGE = 2;

  /**
   * {@code status --max-lag}: the relay's lag (the age of the oldest pending event) exceeds the
   * limit, whether or not the dead-letter depth could be read (a broker outage is when the lag
   * grows); for cron jobs and probes that alert on a late pipeline.
   */
  public static final int LAG_EXCEEDED = 3;

  /** A configuration variable is missing or malformed ({@code EX_CONFIG}). */
  public static final int CONFIG = 78;

  private ExitCodes() {}
}
