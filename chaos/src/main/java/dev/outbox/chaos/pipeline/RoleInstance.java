package dev.outbox.chaos.pipeline;

import dev.outbox.chaos.observe.Kill;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * One member of the pipeline (api, relay-a, notifier-b, ...) across its restarts: each start is a
 * new incarnation ({@code relay-a#1}, {@code relay-a#2}, ...) with a fresh log, and every kill is
 * recorded so the checker can attribute what followed it.
 */
public final class RoleInstance {

  private static final Duration GRACE = Duration.ofSeconds(30);

  private final String name;
  private final String role;
  private final Launcher launcher;
  private final Function<String, Map<String, String>> environment;
  private final List<Kill> kills = new CopyOnWriteArrayList<>();
  private int generation;
  private RoleProcess current;

  /**
   * @param environment the variables of an incarnation, given its name (notifiers carry it in their
   *     provider credentials)
   */
  public RoleInstance(
      String name,
      String role,
      Launcher launcher,
      Function<String, Map<String, String>> environment) {
    this.name = name;
    this.role = role;
    this.launcher = launcher;
    this.environment = environment;
  }

  public String name() {
    return name;
  }

  /** Starts a new incarnation (the previous one must be gone). */
  public synchronized RoleProcess start() throws IOException {
    if (current != null && current.alive()) {
      throw new IllegalStateException(current.incarnation() + " is still running");
    }
    generation++;
    String incarnation = name + "#" + generation;
    current = launcher.start(incarnation, environment.apply(incarnation), role);
    return current;
  }

  /** Waits for the role's start-up line ({@code outbox <role> running}). */
  public void awaitRunning(Duration atMost) {
    current().awaitOutput("outbox " + role + " running", atMost);
  }

  /** SIGKILLs the current incarnation and records it. */
  public Kill kill() throws InterruptedException {
    RoleProcess victim = current();
    Kill kill = new Kill(victim.incarnation(), victim.kill());
    kills.add(kill);
    return kill;
  }

  public synchronized RoleProcess current() {
    if (current == null) {
      throw new IllegalStateException(name + " was never started");
    }
    return current;
  }

  public List<Kill> kills() {
    return List.copyOf(kills);
  }

  /** SIGTERM and wait (the role's clean stop), SIGKILL after 30 s; the exit code, or 0. */
  public synchronized int stop() throws InterruptedException {
    return current == null || !current.alive() ? 0 : current.stop(GRACE);
  }
}
