package dev.outbox.relay.publish;

/**
 * The broker could not be reached, or the connection broke before every confirm arrived. The first
 * {@link #confirmedPrefix()} messages of the call were confirmed; the rest must be sent again, in
 * order.
 */
public final class BrokerUnavailableException extends RuntimeException {

  private final int confirmedPrefix;

  /**
   * @param confirmedPrefix how many leading messages of the call the broker confirmed
   */
  public BrokerUnavailableException(String message, Throwable cause, int confirmedPrefix) {
    super(message, cause);
    this.confirmedPrefix = confirmedPrefix;
  }

  /** How many leading messages of the call the broker confirmed before it went away. */
  public int confirmedPrefix() {
    return confirmedPrefix;
  }
}
