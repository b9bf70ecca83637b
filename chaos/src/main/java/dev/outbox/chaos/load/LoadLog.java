package dev.outbox.chaos.load;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Everything the load did, shared by its threads: final HTTP outcomes and acknowledged writes. */
public final class LoadLog {

  private final List<HttpOutcome> outcomes = new CopyOnWriteArrayList<>();
  private final List<Write> writes = new CopyOnWriteArrayList<>();

  void outcome(HttpOutcome outcome) {
    outcomes.add(outcome);
  }

  void write(Write write) {
    writes.add(write);
  }

  public List<HttpOutcome> outcomes() {
    return List.copyOf(outcomes);
  }

  public List<Write> writes() {
    return List.copyOf(writes);
  }
}
