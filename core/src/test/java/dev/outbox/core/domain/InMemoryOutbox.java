package dev.outbox.core.domain;

import java.util.ArrayList;
import java.util.List;

/** Test double of the outbox table: the events the in-memory repositories pulled, in order. */
public final class InMemoryOutbox {

  private final List<DomainEvent> events = new ArrayList<>();

  public void append(AggregateRoot aggregate) {
    events.addAll(aggregate.pullEvents());
  }

  public List<DomainEvent> events() {
    return List.copyOf(events);
  }

  public List<String> eventTypes() {
    return events.stream().map(DomainEvent::eventType).toList();
  }
}
