package dev.outbox.core.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the events an aggregate raised since it was loaded or created. The repository that saves
 * the aggregate pulls them and writes one outbox row per event in the same transaction.
 */
public abstract class AggregateRoot {

  private final List<DomainEvent> pendingEvents = new ArrayList<>();

  protected void raise(DomainEvent event) {
    pendingEvents.add(event);
  }

  /** The events raised and not yet pulled, oldest first; does not clear them. */
  public List<DomainEvent> pendingEvents() {
    return List.copyOf(pendingEvents);
  }

  /** Returns the pending events, oldest first, and forgets them. */
  public List<DomainEvent> pullEvents() {
    List<DomainEvent> pulled = List.copyOf(pendingEvents);
    pendingEvents.clear();
    return pulled;
  }
}
