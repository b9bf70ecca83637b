package dev.outbox.relay.capture;

import dev.outbox.relay.model.OutboxMessage;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * outbox_events in memory, as the delivery chain changes it. It can be down (every call throws),
 * hold the marks until released (to catch the chain between a confirm and its mark), and hide a row
 * from the first marks (a commit not yet visible).
 */
final class InMemoryOutboxRows implements DeliveryRows {

  /** One row's delivery columns. */
  record Row(boolean published, int retryCount, String lastError, boolean parked) {}

  private final Map<UUID, Row> rows = new HashMap<>();
  private final Map<UUID, Integer> hidden = new HashMap<>();
  private final List<String> markThreads = new CopyOnWriteArrayList<>();
  private final List<Integer> markSizes = new CopyOnWriteArrayList<>();
  private final CountDownLatch markHeld = new CountDownLatch(1);
  private volatile CountDownLatch marksReleased = new CountDownLatch(0);
  private volatile boolean down;

  synchronized void insert(UUID id) {
    rows.put(id, new Row(false, 0, null, false));
  }

  synchronized Row row(UUID id) {
    return rows.get(id);
  }

  /** Whether the row is settled: marked published or parked (a missing row counts as settled). */
  synchronized boolean isSettled(UUID id) {
    Row r = rows.get(id);
    return r == null || r.published() || r.parked();
  }

  synchronized Set<UUID> published() {
    Set<UUID> ids = new HashSet<>();
    rows.forEach(
        (id, r) -> {
          if (r.published()) {
            ids.add(id);
          }
        });
    return ids;
  }

  void databaseDown() {
    down = true;
  }

  void databaseUp() {
    down = false;
  }

  /** Marks wait from now on until {@link #releaseMarks()}. */
  void holdMarks() {
    marksReleased = new CountDownLatch(1);
  }

  void releaseMarks() {
    marksReleased.countDown();
  }

  /** Waits until a mark is being held. */
  void awaitHeldMark() throws InterruptedException {
    markHeld.await();
  }

  /** The first {@code marks} marks do not find {@code id}. */
  synchronized void hideFromMarks(UUID id, int marks) {
    hidden.put(id, marks);
  }

  /** The threads the marks ran on, one per call. */
  List<String> markThreads() {
    return markThreads;
  }

  /** How many events each mark carried, one per call. */
  List<Integer> markSizes() {
    return markSizes;
  }

  @Override
  public Set<UUID> markPublished(List<OutboxMessage> messages) throws SQLException {
    markThreads.add(Thread.currentThread().getName());
    markSizes.add(messages.size());
    hold();
    synchronized (this) {
      failWhenDown();
      Set<UUID> marked = new HashSet<>();
      for (OutboxMessage m : messages) {
        if (hiddenNow(m.id()) || !rows.containsKey(m.id())) {
          continue;
        }
        Row r = rows.get(m.id());
        rows.put(m.id(), new Row(true, r.retryCount(), r.lastError(), false));
        marked.add(m.id());
      }
      return marked;
    }
  }

  @Override
  public synchronized boolean recordFailure(OutboxMessage message, String error, int maxRetries)
      throws SQLException {
    failWhenDown();
    Row r = rows.get(message.id());
    if (r == null || r.published()) {
      return false;
    }
    int retries = r.retryCount() + 1;
    rows.put(message.id(), new Row(false, retries, error, retries >= maxRetries));
    return retries >= maxRetries;
  }

  private boolean hiddenNow(UUID id) {
    int left = hidden.getOrDefault(id, 0);
    if (left == 0) {
      return false;
    }
    hidden.put(id, left - 1);
    return true;
  }

  private void failWhenDown() throws SQLException {
    if (down) {
      throw new SQLException("connection refused (in memory)", "08001");
    }
  }

  private void hold() throws SQLException {
    CountDownLatch released = marksReleased;
    if (released.getCount() > 0) {
      markHeld.countDown();
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while held", e);
      }
    }
  }
}
