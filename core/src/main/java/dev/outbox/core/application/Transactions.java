package dev.outbox.core.application;

import java.util.function.Supplier;

/**
 * Port: runs a unit of work in one database transaction. Every use case is one call. A call made
 * while the current thread already runs a unit of work joins it instead of opening a second one, so
 * an outer unit (e.g. an idempotent HTTP request) commits or rolls back everything together.
 */
public interface Transactions {

  /**
   * Runs {@code work} and commits what it wrote. When {@code work} throws, everything it wrote is
   * rolled back and the exception propagates unchanged (when joined, the outer unit decides).
   */
  <T> T inTransaction(Supplier<T> work);
}
