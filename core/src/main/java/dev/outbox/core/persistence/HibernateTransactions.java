package dev.outbox.core.persistence;

import dev.outbox.core.application.Transactions;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/**
 * One Hibernate session and transaction per unit of work, bound to the calling thread so that
 * repositories and nested units (a use case inside an idempotent request) share them.
 */
final class HibernateTransactions implements Transactions {

  private final SessionFactory sessionFactory;
  private final ThreadLocal<Session> current = new ThreadLocal<>();

  HibernateTransactions(SessionFactory sessionFactory) {
    this.sessionFactory = sessionFactory;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (current.get() != null) {
      return work.get();
    }
    try (Session session = sessionFactory.openSession()) {
      current.set(session);
      Transaction transaction = session.beginTransaction();
      try {
        T result = work.get();
        transaction.commit();
        return result;
      } catch (RuntimeException | Error e) {
        rollback(transaction, e);
        throw e;
      }
    } finally {
      current.remove();
    }
  }

  /** The session of the unit of work running on this thread. */
  Session session() {
    Session session = current.get();
    if (session == null) {
      throw new IllegalStateException("no unit of work: call repositories inside Transactions");
    }
    return session;
  }

  private static void rollback(Transaction transaction, Throwable cause) {
    try {
      if (transaction.isActive()) {
        transaction.rollback();
      }
    } catch (RuntimeException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }
}
