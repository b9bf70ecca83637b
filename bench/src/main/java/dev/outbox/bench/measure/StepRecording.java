package dev.outbox.bench.measure;

import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What one consumer saw of one benchmark step: commit-to-receive latencies (microseconds), distinct
 * and duplicate deliveries, and the first and last receive times. Written by the AMQP delivery
 * thread, read by the harness after the step; all access is synchronized.
 */
public final class StepRecording {

  private final int step;
  private final long expected;
  private final Histogram latency = Histograms.create();
  private final BitSet seen = new BitSet();
  private long distinct;
  private long duplicates;
  private long firstReceiveUs = Long.MAX_VALUE;
  private long lastReceiveUs;

  StepRecording(int step, long expected) {
    this.step = step;
    this.expected = expected;
  }

  public int step() {
    return step;
  }

  synchronized void record(BenchPayload payload, long receivedUs) {
    if (seen.get(payload.seq())) {
      duplicates++;
      return;
    }
    seen.set(payload.seq());
    distinct++;
    latency.recordValue(Histograms.clamp(receivedUs - payload.commitMicros()));
    firstReceiveUs = Math.min(firstReceiveUs, receivedUs);
    lastReceiveUs = Math.max(lastReceiveUs, receivedUs);
    if (distinct >= expected) {
      notifyAll();
    }
  }

  /** Waits until every expected event arrived or the timeout passed; true when all arrived. */
  public synchronized boolean awaitAll(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (distinct < expected) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /**
   * Waits like {@link #awaitAll} but gives up early once, after {@code observeSeconds}, the rate so
   * far could not deliver the rest within twice the remaining time: a poller capped at 100 msg/s
   * need not be watched for the whole timeout to know its drain rate.
   */
  public boolean awaitAllOrHopeless(long timeoutSeconds, long observeSeconds)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    long startCount = distinct();
    while (System.nanoTime() < deadline) {
      if (awaitAll(
          Math.min(1_000, (deadline - System.nanoTime()) / 1_000_000 + 1), TimeUnit.MILLISECONDS)) {
        return true;
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      if (elapsed >= observeSeconds) {
        double rate = (distinct() - startCount) / elapsed;
        double left = (deadline - System.nanoTime()) / 1e9;
        if (rate * 4 * left < expected - distinct()) {
          return false;
        }
      }
    }
    return distinct() >= expected;
  }

  /** Waits until at least one event arrived; its receive time, or -1 after the timeout. */
  public synchronized long awaitFirst(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (distinct == 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return -1;
      }
      // record() notifies only on completion, so poll briefly for the first arrival
      TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(2)));
    }
    return firstReceiveUs;
  }

  public synchronized long distinct() {
    return distinct;
  }

  public synchronized long duplicates() {
    return duplicates;
  }

  public synchronized long firstReceiveUs() {
    return firstReceiveUs;
  }

  public synchronized long lastReceiveUs() {
    return lastReceiveUs;
  }

  public synchronized Histogram latencyCopy() {
    return latency.copy();
  }
}
