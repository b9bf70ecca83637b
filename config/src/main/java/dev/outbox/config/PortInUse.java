package dev.outbox.config;

import java.net.BindException;

/**
 * A listening port that another process holds stops start-up with a configuration error naming the
 * port and the variable that chose it ("METRICS_PORT 9464 is already in use"), exit 78 ({@link
 * ExitCodes#CONFIG}) and no stack trace, rather than the server's "Address already in use".
 */
public final class PortInUse {

  /** Binds a server socket; returns what it started. */
  @FunctionalInterface
  public interface Bind<T, E extends Exception> {
    T bind() throws E;
  }

  private PortInUse() {}

  /**
   * {@code bind}'s result.
   *
   * @throws ConfigException when binding failed because {@code port} is taken
   */
  public static <T, E extends Exception> T explain(Bind<T, E> bind, String variable, int port)
      throws E {
    try {
      return bind.bind();
    } catch (Exception e) {
      if (isBindFailure(e)) {
        throw new ConfigException(
            variable
                + " "
                + port
                + " is already in use (another process listens on it): stop that process or"
                + " set "
                + variable
                + " to a free port",
            e);
      }
      throw e;
    }
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
    }
    return false;
  }
}
