package dev.outbox.relay.metrics;

import dev.outbox.relay.publish.UnroutableDepth;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the depth of the unroutable queue into {@code relay_unroutable_messages}, on the relay's
 * monitor schedule rather than per event. A growing depth means events nobody consumes (a routing
 * key no queue binds): the queue is bounded (README, "Bounded unroutable queue"), so past the bound
 * the broker drops the oldest, which stay replayable from their outbox rows while retained.
 */
public final class UnroutableMonitor implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(UnroutableMonitor.class);

  private final UnroutableDepth depth;
  private final RelayMetrics metrics;

  public UnroutableMonitor(UnroutableDepth depth, RelayMetrics metrics) {
    this.depth = depth;
    this.metrics = metrics;
  }

  @Override
  public void run() {
    try {
      metrics.unroutable(depth.messages());
    } catch (IOException | TimeoutException | RuntimeException e) {
      // The broker's outages are the publisher's to report; the gauge keeps its last sample.
      log.debug("unroutable queue {} sample failed: {}", depth.queue(), e.getMessage());
    }
  }
}
