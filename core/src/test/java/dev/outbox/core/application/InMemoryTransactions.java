package dev.outbox.core.application;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * Test double of {@link Transactions}: runs the work on the calling thread, joins an open unit like
 * the real one, and on failure runs the undo actions registered during the unit (newest first).
 */
public final class InMemoryTransactions implements Transactions {

  private Deque<Runnable> undo;
  private int committed;
  private int rolledBack;

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (undo != null) {
      return work.get();
    }
    undo = new ArrayDeque<>();
    try {
      T result = work.get();
      committed++;
      return result;
    } catch (RuntimeException | Error e) {
      undo.forEach(Runnable::run);
      rolledBack++;
      throw e;
    } finally {
      undo = null;
    }
  }

  /** Registers what to undo if the current unit fails. */
  public void onRollback(Runnable action) {
    if (undo == null) {
      throw new IllegalStateException("no unit of work");
    }
    undo.push(action);
  }

  public int committed() {
    return committed;
  }

  public int rolledBack() {
    return rolledBack;
  }
}
