package dev.outbox.core.application.idempotency;

import dev.outbox.core.application.InMemoryTransactions;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Test double of {@link IdempotencyKeys}; a failed unit of work forgets its claim. */
public final class InMemoryIdempotencyKeys implements IdempotencyKeys {

  private record Row(String fingerprint, Instant createdAt, StoredResponse response) {}

  private final Map<String, Row> rows = new HashMap<>();
  private final InMemoryTransactions transactions;

  public InMemoryIdempotencyKeys(InMemoryTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void purgeExpired(String key, Instant cutoff) {
    rows.values().removeIf(row -> row.createdAt().isBefore(cutoff));
  }

  @Override
  public boolean claim(String key, String fingerprint, Instant now) {
    if (rows.containsKey(key)) {
      return false;
    }
    rows.put(key, new Row(fingerprint, now, null));
    transactions.onRollback(() -> rows.remove(key));
    return true;
  }

  @Override
  public void store(String key, StoredResponse response) {
    rows.computeIfPresent(key, (k, row) -> new Row(row.fingerprint(), row.createdAt(), response));
  }

  @Override
  public Optional<StoredRequest> find(String key) {
    return Optional.ofNullable(rows.get(key))
        .map(row -> new StoredRequest(row.fingerprint(), row.response()));
  }

  public int size() {
    return rows.size();
  }
}
