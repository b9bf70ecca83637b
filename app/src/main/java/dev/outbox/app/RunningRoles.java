package dev.outbox.app;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a command started, closed in reverse start order: a role stops before the pool and the
 * registry it uses, and the role started last (the one taking input) stops first. A failing close
 * is logged and the rest still close.
 */
final class RunningRoles implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RunningRoles.class);

  private record Part(String name, AutoCloseable closeable) {}

  private final Deque<Part> parts = new ArrayDeque<>();
  private final PrintStream out;

  RunningRoles(PrintStream out) {
    this.out = out;
  }

  <T extends AutoCloseable> T add(String name, T closeable) {
    parts.push(new Part(name, closeable));
    return closeable;
  }

  @Override
  public void close() {
    while (!parts.isEmpty()) {
      Part part = parts.pop();
      try {
        part.closeable().close();
        out.println(part.name() + " stopped");
      } catch (Exception e) {
        log.error("stopping {} failed", part.name(), e);
        out.println(part.name() + " stopped with an error: " + e.getMessage());
      }
    }
  }
}
