package dev.outbox.bench.notifier;

import com.rabbitmq.client.Channel;
import dev.outbox.bench.contestant.ChildJvm;
import dev.outbox.bench.load.Clocks;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Polls the measured notifier's tables and queues every 20 ms, until a deadline. */
record NotifierProgress(
    ChildJvm jvm, NotifierQueues queues, NotifierTables tables, Channel channel) {

  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  /** When each consumer was first seen drained, in {@link Clocks} microseconds; -1 if never. */
  record Drained(long notifiedUs, long countedUs) {}

  /**
   * The first poll that saw both consumers at work (a delivery claimed, an event counted), in
   * {@link Clocks} microseconds.
   */
  long awaitFirstProcessed(long deadline) throws Exception {
    while (!tables.bothConsuming()) {
      if (!pause(deadline)) {
        throw new IOException(
            "the notifier processed nothing within BENCH_NOTIFIER_TIMEOUT_SECONDS; see "
                + jvm.log());
      }
    }
    return Clocks.nowMicros();
  }

  /**
   * Per consumer, the first poll that saw nothing waiting in its queues and {@code expected}
   * distinct events in its table (the notifications' sent emails and SMS, the analytics' counted
   * events), or -1 if the deadline came first.
   */
  Drained awaitDrained(long expected, long deadline) throws Exception {
    long notifiedUs = -1;
    long countedUs = -1;
    do {
      // cheapest first: the queue depths; the tables are counted only once nothing waits
      if (notifiedUs < 0
          && queues.waiting(channel, queues.notifications()) == 0
          && tables.notified() >= expected) {
        notifiedUs = Clocks.nowMicros();
      }
      if (countedUs < 0
          && queues.waiting(channel, queues.analytics()) == 0
          && tables.counted() >= expected) {
        countedUs = Clocks.nowMicros();
      }
    } while ((notifiedUs < 0 || countedUs < 0) && pause(deadline));
    return new Drained(notifiedUs, countedUs);
  }

  /** Waits one poll interval; false when the deadline has passed. */
  private boolean pause(long deadline) throws IOException {
    if (!jvm.isAlive()) {
      throw new IOException("the notifier exited; see " + jvm.log());
    }
    if (System.nanoTime() > deadline) {
      return false;
    }
    LockSupport.parkNanos(POLL_NANOS);
    return true;
  }
}
