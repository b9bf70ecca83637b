package dev.outbox.relay.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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

  public EventWriter(RelayEnvironment env, String type, int aggregates, int perAggregate) {
    this.env = env;
    this.type = type;
    this.perAggregate = perAggregate;
    for (int i = 0; i < aggregates; i++) {
      this.aggregates.add(UUID.randomUUID().toString());
    }
    this.thread = new Thread(this, "event-writer");
  }

  public EventWriter start() {
    thread.start();
    return this;
  }

  @Override
  public void run() {
    for (int seq = 0; seq < perAggregate; seq++) {
      for (String aggregate : aggregates) {
        env.insert(aggregate, type, "{\"seq\":" + seq + "}");
        written.incrementAndGet();
      }
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
