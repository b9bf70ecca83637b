package dev.outbox.app;

import dev.outbox.config.ExitCodes;
import dev.outbox.relay.status.RelayStatus;
import java.time.Duration;

/**
 * What {@code status} found, the one model its text and JSON forms render ({@link StatusText},
 * {@link StatusJson}).
 *
 * <p>The lag {@code --max-lag} checks is the age of the oldest pending event (committed, neither
 * published nor parked): how late the relay is in time, and zero when nothing waits, whatever the
 * WAL lag in bytes (which other databases' writes inflate, WAL being per server). Parked events do
 * not count; they wait for an operator ({@code dlq}), not for the relay.
 *
 * @param relay the relay's status, read from PostgreSQL
 * @param deadLetters the notifier's dead-letter depth, null when RabbitMQ could not be read
 * @param deadLettersUnknown why the depth is null (null when it was read)
 * @param maxLag the {@code --max-lag} limit, null when none was given
 * @param providerBounces deliveries whose provider reported a permanent failure (bounced, dropped,
 *     undelivered, failed), null when the delivery log could not be read
 */
record StatusReport(
    RelayStatus relay,
    Long deadLetters,
    String deadLettersUnknown,
    Duration maxLag,
    Long providerBounces) {

  Duration lag() {
    return relay.oldestPendingAge();
  }

  boolean lagExceeded() {
    return maxLag != null && lag().compareTo(maxLag) > 0;
  }

  /**
   * {@link ExitCodes#LAG_EXCEEDED} when the lag exceeds {@code --max-lag} (even with the depth
   * unknown: a broker outage is when the lag grows), else {@link ExitCodes#FAILURE} when a part
   * could not be read, else {@link ExitCodes#OK}.
   */
  int exitCode() {
    if (lagExceeded()) {
      return ExitCodes.LAG_EXCEEDED;
    }
    return deadLetters == null ? ExitCodes.FAILURE : ExitCodes.OK;
  }
}
