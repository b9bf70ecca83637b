package dev.outbox.core.persistence;

import dev.outbox.core.domain.AggregateRoot;
import dev.outbox.core.domain.DomainEvent;
import dev.outbox.core.outbox.OutboxEventFactory;
import org.hibernate.Session;

/**
 * The one place that saves an aggregate together with its events: the aggregate, then one outbox
 * row per pulled event, all in the caller's transaction. Flushes at once so that each row goes out
 * as its own INSERT now and constraint violations surface in {@code save}, where the repository can
 * translate them, rather than at commit.
 *
 * <p>The aggregate is flushed before its outbox rows are added (Hibernate would otherwise run the
 * outbox INSERTs before the aggregate's UPDATE): its own INSERT or UPDATE, and with it the row
 * lock, comes first, and only then does each outbox INSERT take the aggregate's advisory lock that
 * numbers the rows in commit order (V5__outbox_commit_order.sql). So every writer of an aggregate
 * takes the two locks in one order, whether it locked the row with SELECT ... FOR UPDATE first or
 * not, and two of them cannot deadlock on them.
 */
final class HibernateAggregateStore {

  private final HibernateTransactions transactions;
  private final OutboxEventFactory outboxEvents;

  HibernateAggregateStore(HibernateTransactions transactions, OutboxEventFactory outboxEvents) {
    this.transactions = transactions;
    this.outboxEvents = outboxEvents;
  }

  void save(AggregateRoot aggregate) {
    Session session = transactions.session();
    if (!session.contains(aggregate)) {
      // Loaded aggregates are managed and dirty-checked; only new ones need persisting.
      session.persist(aggregate);
    }
    session.flush();
    for (DomainEvent event : aggregate.pullEvents()) {
      session.persist(outboxEvents.create(event));
    }
    session.flush();
  }

  Session session() {
    return transactions.session();
  }
}
