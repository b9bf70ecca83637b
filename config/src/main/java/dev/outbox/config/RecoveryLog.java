package dev.outbox.config;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownSignalException;
import com.rabbitmq.client.TopologyRecoveryException;
import com.rabbitmq.client.impl.DefaultExceptionHandler;
import com.rabbitmq.client.impl.recovery.AutorecoveringConnection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the AMQP client says about losing and recovering a connection, cut down to two lines per
 * outage: one WARN when the connection is lost, one INFO when the client has recovered it (a WARN
 * with a count when part of the topology did not recover). Left to itself the client logs an ERROR
 * with a stack trace for every declaration it fails to recover (33 per recovery of the notifier,
 * ~380 lines, before {@link RecoverableTopology}: it re-declared on the closed channels that first
 * declared), a WARN for the reset socket that often comes first, and one for every failed
 * reconnection attempt that is not a plain refusal. Those go to DEBUG here, with their stack
 * traces; the failures of the topology's recovery are counted in the line that says it is back.
 *
 * <p>The client's {@code ExceptionHandler} of every factory {@link AmqpConnections} makes; the
 * connection listeners are added by {@link AmqpConnections#open}. Everything else is left to the
 * client's default handler (a consumer that throws still closes its channel).
 */
final class RecoveryLog extends DefaultExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(RecoveryLog.class);

  /** One recovering connection's outage and the topology failures of its current recovery. */
  private static final class Watched {
    final AutorecoveringConnection connection;
    final Outage outage;
    int topologyFailures;
    String firstFailure;

    Watched(AutorecoveringConnection connection, String clientName) {
      this.connection = connection;
      this.outage = new Outage("RabbitMQ connection " + clientName);
    }

    boolean is(Connection c) {
      return c == connection || c == connection.getDelegate();
    }
  }

  private final List<Watched> watched = new CopyOnWriteArrayList<>();

  /** Logs the outages of {@code connection} if the client recovers it; else does nothing. */
  void watch(Connection connection, String clientName) {
    if (!(connection instanceof AutorecoveringConnection recovering)) {
      return;
    }
    Watched w = new Watched(recovering, clientName);
    watched.add(w);
    recovering.addShutdownListener(cause -> lost(w, cause));
    recovering.addRecoveryListener(
        new RecoveryListener() {
          @Override
          public void handleRecovery(Recoverable recoverable) {
            recovered(w);
          }

          @Override
          public void handleRecoveryStarted(Recoverable recoverable) {
            // the loss was logged by the shutdown listener
          }
        });
  }

  private void lost(Watched w, ShutdownSignalException cause) {
    if (cause.isInitiatedByApplication()) {
      watched.remove(w); // closed by us: no recovery follows
    } else {
      w.outage.failed(cause.getMessage() + "; the client reconnects");
    }
  }

  private void recovered(Watched w) {
    String problem;
    synchronized (w) {
      problem =
          w.topologyFailures == 0
              ? null
              : w.topologyFailures
                  + " declarations of its topology did not recover (first: "
                  + w.firstFailure
                  + "); consumers of open channels did";
      w.topologyFailures = 0;
      w.firstFailure = null;
    }
    w.outage.succeeded(problem);
  }

  // A reset socket is how a lost connection often shows first; the listeners (or, for a connection
  // the client does not recover, its owner) report the loss itself.
  @Override
  public void handleUnexpectedConnectionDriverException(Connection conn, Throwable exception) {
    log.debug("connection driver error", exception);
  }

  @Override
  public void handleConnectionRecoveryException(Connection conn, Throwable exception) {
    for (Watched w : watched) {
      if (w.is(conn)) {
        w.outage.failed(exception);
      }
    }
    log.debug("connection recovery attempt failed", exception);
  }

  @Override
  public void handleTopologyRecoveryException(
      Connection conn, Channel ch, TopologyRecoveryException exception) {
    for (Watched w : watched) {
      if (w.is(conn)) {
        synchronized (w) {
          if (w.topologyFailures++ == 0) {
            w.firstFailure = exception.getMessage();
          }
        }
      }
    }
    log.debug("topology recovery failed", exception);
  }
}
