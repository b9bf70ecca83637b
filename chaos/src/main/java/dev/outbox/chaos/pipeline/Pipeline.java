package dev.outbox.chaos.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * The distribution as separate processes: one api, two relays on the same slot (one active, one
 * standby) and two notifiers on the same queues (competing consumers).
 */
public final class Pipeline implements AutoCloseable {

  private final RoleInstance api;
  private final List<RoleInstance> relays;
  private final List<RoleInstance> notifiers;
  private final SlotWatch slots;

  public Pipeline(Launcher launcher, RoleEnvironment env, SlotWatch slots) {
    this.api = new RoleInstance("api", "api", launcher, i -> env.api());
    this.relays =
        List.of(
            new RoleInstance("relay-a", "relay", launcher, i -> env.relay("relay-a")),
            new RoleInstance("relay-b", "relay", launcher, i -> env.relay("relay-b")));
    this.notifiers =
        List.of(
            new RoleInstance(
                "notifier-a", "notifier", launcher, i -> env.notifier("notifier-a", i)),
            new RoleInstance(
                "notifier-b", "notifier", launcher, i -> env.notifier("notifier-b", i)));
    this.slots = slots;
  }

  public RoleInstance api() {
    return api;
  }

  public List<RoleInstance> relays() {
    return relays;
  }

  public List<RoleInstance> notifiers() {
    return notifiers;
  }

  public SlotWatch slots() {
    return slots;
  }

  /** The relay whose session holds the standby lock now, if any. */
  public Optional<RoleInstance> activeRelay() {
    return slots
        .lockHolder()
        .flatMap(name -> relays.stream().filter(r -> r.name().equals(name)).findFirst());
  }

  /** The other relay of the pair. */
  public RoleInstance otherRelay(RoleInstance relay) {
    return relays.get(0) == relay ? relays.get(1) : relays.get(0);
  }

  /** Stops every process cleanly (SIGTERM), the api first so no new work comes in. */
  @Override
  public void close() throws InterruptedException {
    api.stop();
    for (RoleInstance relay : relays) {
      relay.stop();
    }
    for (RoleInstance notifier : notifiers) {
      notifier.stop();
    }
  }
}
