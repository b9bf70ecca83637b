package dev.outbox.core.persistence;

import dev.outbox.core.application.EmailVerificationTokens;
import dev.outbox.core.application.Transactions;
import dev.outbox.core.application.UseCases;
import dev.outbox.core.application.idempotency.IdempotencyKeys;
import dev.outbox.core.domain.order.OrderRepository;
import dev.outbox.core.domain.user.UserRepository;
import dev.outbox.core.outbox.CurrentTrace;
import dev.outbox.core.outbox.OutboxEventFactory;
import java.time.Clock;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/**
 * Entry point of core's persistence for composition roots: Hibernate over the given pool (already
 * migrated with {@link dev.outbox.core.config.Migrations}; the mapping is validated against it),
 * the repositories that write outbox rows in the same transaction, and the use cases over them.
 *
 * <pre>{@code
 * HikariDataSource pool = Pools.create(database, "api", size); // dev.outbox.config.Pools
 * Migrations.migrate(pool, replication.publication());
 * CorePersistence core = CorePersistence.create(pool);
 * UseCases useCases = core.useCases(new EmailVerificationTokens(secret, clock), clock);
 * }</pre>
 *
 * {@link #close()} closes Hibernate, not the pool: whoever created the pool closes it afterwards.
 */
public final class CorePersistence implements AutoCloseable {

  private final SessionFactory sessionFactory;
  private final HibernateTransactions transactions;
  private final HibernateUserRepository users;
  private final HibernateOrderRepository orders;
  private final HibernateIdempotencyKeys idempotencyKeys;

  private CorePersistence(SessionFactory sessionFactory, CurrentTrace trace) {
    this.sessionFactory = sessionFactory;
    this.transactions = new HibernateTransactions(sessionFactory);
    HibernateAggregateStore store =
        new HibernateAggregateStore(transactions, new OutboxEventFactory(trace));
    this.users = new HibernateUserRepository(store);
    this.orders = new HibernateOrderRepository(store);
    this.idempotencyKeys = new HibernateIdempotencyKeys(transactions);
  }

  /**
   * @throws RuntimeException when the schema does not match the mapping (migrations not applied)
   */
  public static CorePersistence create(DataSource dataSource) {
    return create(dataSource, CurrentTrace.NONE);
  }

  /**
   * As {@link #create(DataSource)}, each outbox row storing {@code trace}'s traceparent.
   *
   * @throws RuntimeException when the schema does not match the mapping (migrations not applied)
   */
  public static CorePersistence create(DataSource dataSource, CurrentTrace trace) {
    return new CorePersistence(CoreSessionFactory.build(dataSource), trace);
  }

  public UserRepository users() {
    return users;
  }

  public OrderRepository orders() {
    return orders;
  }

  public Transactions transactions() {
    return transactions;
  }

  public IdempotencyKeys idempotencyKeys() {
    return idempotencyKeys;
  }

  /** Every use case wired over this persistence. */
  public UseCases useCases(EmailVerificationTokens tokens, Clock clock) {
    return UseCases.wire(users, orders, transactions, idempotencyKeys, tokens, clock);
  }

  @Override
  public void close() {
    sessionFactory.close();
  }
}
