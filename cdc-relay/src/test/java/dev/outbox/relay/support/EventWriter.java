package dev.outbox.relay.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Inserts {@code perAggregate} events for each of {@code aggregates} aggregates, round robin, one
 * insert per transaction, on a thread of its own; payload {@code {"seq":n}} numbers each
 * aggregate's events in commit order.
 */
public final class EventWriter implements Runnable {

  private final RelayEnvironment env;
  private final String type;
  private final int perAggregate;
  private final List<String> aggregates = new ArrayList<>();
  private final AtomicInteger written = new AtomicInteger();
  private final Thread thread;
  private int gateAt = -1;
  private CountDownLatch gate;

  public EventWriter(RelayEnvironment env, String type, int aggregates, int perAggregate) {
    this.env = env;
    this.type = type;
    this.perAggregate = perAggregate;
    for (int i = 0; i < aggregates; i++) {
      this.aggregates.add(UUID.randomUUID().toString());
    }
    this.thread = new Thread(this, "event-writer");
  }

  /** Makes the writer wait, after {@code written} events, until {@code gate} opens. */
  public EventWriter gateAt(int written, CountDownLatch gate) {
    this.gateAt = written;
    this.gate = gate;
    return this;
  }

  public EventWriter start() {
    thread.start();
    return this;
  }

  @Override
  public void run() {
    for (int seq = 0; seq < perAggregate; seq++) {
      for (String aggregate : aggregates) {
        if (written.get() == gateAt) {
          awaitGate();
        }
        env.insert(aggregate, type, "{\"seq\":" + seq + "}");
        written.incrementAndGet();
      }
    }
  }

  private void awaitGate() {
    try {
      if (!gate.await(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the writer's gate was never opened");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted at the writer's gate", e);
    }
  }

  public int written() {
    return written.get();
  }

  public int total() {
    return aggregates.size() * perAggregate;
  }

  public void join() throws InterruptedException {
    thread.join();
  }
}
