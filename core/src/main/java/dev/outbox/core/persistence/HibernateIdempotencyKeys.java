package dev.outbox.core.persistence;

import dev.outbox.core.application.idempotency.IdempotencyKeys;
import dev.outbox.core.application.idempotency.StoredResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code idempotency_keys} (V4) through native SQL in the current unit of work. */
final class HibernateIdempotencyKeys implements IdempotencyKeys {

  /** Expired rows of other keys removed per call, so purging never becomes a long transaction. */
  private static final int PURGE_BATCH = 100;

  private final HibernateTransactions transactions;

  HibernateIdempotencyKeys(HibernateTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void purgeExpired(String key, Instant cutoff) {
    transactions
        .session()
        .createNativeMutationQuery(
            "delete from idempotency_keys where idempotency_key = :key and created_at < :cutoff")
        .setParameter("key", key)
        .setParameter("cutoff", cutoff)
        .executeUpdate();
    // SKIP LOCKED: never wait for (or deadlock with) requests that hold other keys.
    transactions
        .session()
        .createNativeMutationQuery(
            "delete from idempotency_keys where idempotency_key in (select idempotency_key"
                + " from idempotency_keys where created_at < :cutoff limit :batch"
                + " for update skip locked)")
        .setParameter("cutoff", cutoff)
        .setParameter("batch", PURGE_BATCH)
        .executeUpdate();
  }

  @Override
  public boolean claim(String key, String fingerprint, Instant now) {
    // ON CONFLICT waits for an uncommitted claim of the same key: our INSERT wins if that
    // transaction rolls back, and inserts nothing if it commits.
    return transactions
            .session()
            .createNativeMutationQuery(
                "insert into idempotency_keys (idempotency_key, fingerprint, created_at)"
                    + " values (:key, :fingerprint, :now) on conflict (idempotency_key) do nothing")
            .setParameter("key", key)
            .setParameter("fingerprint", fingerprint)
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }

  @Override
  public void store(String key, StoredResponse response) {
    transactions
        .session()
        .createNativeMutationQuery(
            "update idempotency_keys set response_status = :status, response_body = :body"
                + " where idempotency_key = :key")
        .setParameter("status", response.status())
        .setParameter("body", response.body())
        .setParameter("key", key)
        .executeUpdate();
  }

  @Override
  public Optional<StoredRequest> find(String key) {
    List<Object[]> rows =
        transactions
            .session()
            .createNativeQuery(
                "select fingerprint, response_status, response_body from idempotency_keys"
                    + " where idempotency_key = :key",
                Object[].class)
            .setParameter("key", key)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            row ->
                new StoredRequest(
                    (String) row[0],
                    new StoredResponse(((Number) row[1]).intValue(), (String) row[2])));
  }
}
