package dev.outbox.relay.publish;

/**
 * The broker could not be reached, or the connection broke before every confirm arrived. The first
 * {@link #confirmedPrefix()} messages of the call were confirmed; the rest must be sent again, in
 * order.
 */
public final class BrokerUnavailableException extends RuntimeException {

  private final int confirmedPrefix;
  private final boolean reportedBefore;

  /**
   * @param confirmedPrefix how many leading messages of the call the broker confirmed
   */
  public BrokerUnavailableException(String message, Throwable cause, int confirmedPrefix) {
    this(message, cause, confirmedPrefix, false);
  }

  /**
   * @param reportedBefore the loss was already raised to the caller by an earlier send's answers,
   *     and a new channel may be up since (see {@link #reportedBefore()})
   */
  public BrokerUnavailableException(
      String message, Throwable cause, int confirmedPrefix, boolean reportedBefore) {
    super(message, cause);
    this.confirmedPrefix = confirmedPrefix;
    this.reportedBefore = reportedBefore;
  }

  /**
   * Whether this is the same loss an earlier send reported (its channel was replaced since, or this
   * send was refused because of it): not a new outage, and the rest can go out at once.
   */
  public boolean reportedBefore() {
    return reportedBefore;
  }

  /** How many leading messages of the call the broker confirmed before it went away. */
  public int confirmedPrefix() {
    return confirmedPrefix;
  }
}
