package dev.outbox.config;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MetricsCollector;
import com.rabbitmq.client.NoOpMetricsCollector;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;

/**
 * The one way EVENT_BUS_URL becomes AMQP connections, for every role and command.
 *
 * <p>EVENT_BUS_URL is one AMQP URI or a comma-separated list of brokers of one cluster: URIs
 * ({@code amqp://u:p@rabbit-1:5672/,amqp://u:p@rabbit-2:5672/}) or, after the first, bare {@code
 * host[:port]}s. The first URI gives the credentials, virtual host and TLS for all; a connection
 * tries the brokers in the order given. A bare trailing slash ({@code amqp://host:5672/}, the
 * contract's default) means the default vhost {@code /}: the AMQP URI spec reads it as the empty
 * vhost, which RabbitMQ refuses, while the seed and most clients mean {@code /}.
 *
 * <p>{@code amqps://} verifies the broker: its certificate must chain to a CA of {@link
 * BrokerTrust} (the JVM truststore, or EVENT_BUS_CA_FILE's bundle) and name the host the URL names.
 * A handshake that fails says which check failed.
 */
public final class AmqpConnections {

  private final String firstUri;
  private final List<Address> addresses;
  private final BrokerTrust trust;
  private final RecoveryLog recoveryLog = new RecoveryLog();
  private final MetricsCollector metrics;

  private AmqpConnections(
      String firstUri, List<Address> addresses, BrokerTrust trust, MetricsCollector metrics) {
    this.firstUri = firstUri;
    this.addresses = List.copyOf(addresses);
    this.trust = trust;
    this.metrics = metrics;
  }

  /**
   * Parses EVENT_BUS_URL.
   *
   * @throws IllegalArgumentException without the URL in its message (it holds a password)
   */
  public static AmqpConnections parse(String eventBusUrl) {
    String[] parts = eventBusUrl.split(",");
    String first = parts[0].trim();
    ConnectionFactory reference = configured(first, BrokerTrust.jvmTruststore());
    List<Address> addresses = new ArrayList<>();
    addresses.add(new Address(reference.getHost(), reference.getPort()));
    for (int i = 1; i < parts.length; i++) {
      addresses.add(address(parts[i].trim(), reference, i + 1));
    }
    return new AmqpConnections(
        first, addresses, BrokerTrust.jvmTruststore(), new NoOpMetricsCollector());
  }

  /** The same brokers, their certificates checked against {@code trust}'s CAs. */
  public AmqpConnections trusting(BrokerTrust trust) {
    return new AmqpConnections(firstUri, addresses, trust, metrics);
  }

  /**
   * The same brokers, every factory reporting to {@code collector} (a role passes the AMQP client's
   * {@code MicrometerMetricsCollector} over its registry).
   */
  public AmqpConnections metered(MetricsCollector collector) {
    return new AmqpConnections(firstUri, addresses, trust, collector);
  }

  /** Whether connections use TLS ({@code amqps://}). */
  public boolean isTls() {
    return firstUri.startsWith("amqps://");
  }

  /** The CAs an {@code amqps://} broker's certificate must chain to. */
  public BrokerTrust trust() {
    return trust;
  }

  /**
   * A new factory with the credentials, vhost and TLS of EVENT_BUS_URL, for the caller to tune
   * (timeouts, recovery) before {@link #open}. Its exception handler turns the client's recovery
   * noise into two lines per outage ({@link RecoveryLog}); its recovery re-declares only what was
   * declared on channels that stay open ({@link RecoverableTopology}).
   */
  public ConnectionFactory newFactory() {
    ConnectionFactory factory = configured(firstUri, trust);
    factory.setExceptionHandler(recoveryLog);
    factory.setTopologyRecoveryFilter(new RecoverableTopology());
    factory.setMetricsCollector(metrics);
    return factory;
  }

  /**
   * A connection from {@code factory} to the first broker of the list that answers.
   *
   * @throws javax.net.ssl.SSLException when TLS refused the broker, saying whether its chain or its
   *     host name failed
   */
  public Connection open(ConnectionFactory factory, String clientName)
      throws IOException, TimeoutException {
    try {
      return watched(factory.newConnection(addresses, clientName), clientName);
    } catch (IOException e) {
      throw BrokerTlsFailure.explained(e, display(), trust);
    }
  }

  /** As {@link #open(ConnectionFactory, String)}, consumers running on {@code executor}. */
  public Connection open(ConnectionFactory factory, ExecutorService executor, String clientName)
      throws IOException, TimeoutException {
    try {
      return watched(factory.newConnection(executor, addresses, clientName), clientName);
    } catch (IOException e) {
      throw BrokerTlsFailure.explained(e, display(), trust);
    }
  }

  // A connection the client recovers logs its outage once when lost and once when back.
  private Connection watched(Connection connection, String clientName) {
    recoveryLog.watch(connection, clientName);
    return connection;
  }

  /** A connection with the client's defaults. */
  public Connection open(String clientName) throws IOException, TimeoutException {
    return open(newFactory(), clientName);
  }

  /** The brokers, in the order connections try them. */
  public List<Address> addresses() {
    return addresses;
  }

  /** The brokers without credentials, for logs and status: {@code amqp://host:5672/, ...}. */
  public String display() {
    ConnectionFactory f = newFactory();
    String scheme = f.isSSL() ? "amqps" : "amqp";
    StringBuilder text = new StringBuilder();
    for (Address a : addresses) {
      text.append(text.length() == 0 ? "" : ",")
          .append(scheme)
          .append("://")
          .append(a.getHost())
          .append(':')
          .append(a.getPort());
    }
    return text.append(f.getVirtualHost().equals("/") ? "/" : "/" + f.getVirtualHost()).toString();
  }

  /**
   * Equal when parsed from the same first URI and broker list and trusting the same CAs (a
   * configuration compares so; where the metrics go is no part of the configuration).
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof AmqpConnections that
        && firstUri.equals(that.firstUri)
        && addresses.equals(that.addresses)
        && trust.equals(that.trust);
  }

  @Override
  public int hashCode() {
    return Objects.hash(firstUri, addresses, trust);
  }

  @Override
  public String toString() {
    return display();
  }

  private static ConnectionFactory configured(String uri, BrokerTrust trust) {
    if (!uri.startsWith("amqp://") && !uri.startsWith("amqps://")) {
      throw new IllegalArgumentException("must be an amqp:// or amqps:// URI (or a list of them)");
    }
    ConnectionFactory factory = new ConnectionFactory();
    if (uri.startsWith("amqps://")) {
      // Set before setUri, which then keeps it (rabbitmq-java-client#297, PR #298). Left to
      // itself, setUri calls useSslProtocol(): in 5.37.1 that is SSLContext.getDefault() with host
      // name checks (read from its bytecode), in older releases it was TrustEverythingTrustManager
      // (rabbitmq-java-client#673, #229). Verification must not hang on the client's version.
      factory.useSslProtocol(trust.sslContext());
      factory.enableHostnameVerification();
    }
    try {
      // An authority java.net.URI cannot read as host[:port] (a port that is no number, an
      // underscore in the host) leaves the host null, and the client then silently keeps its
      // defaults: guest@localhost:5672.
      if (new URI(uri).getHost() == null) {
        throw new URISyntaxException("(not shown)", "no readable host and port");
      }
      factory.setUri(uri);
    } catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException e) {
      // The cause's message would echo the URI, password included.
      throw new IllegalArgumentException(
          "is not a valid AMQP URI (value not shown: it may hold a" + " password)");
    }
    if (factory.getVirtualHost().isEmpty()) {
      factory.setVirtualHost("/");
    }
    return factory;
  }

  private static Address address(String part, ConnectionFactory reference, int position) {
    if (part.startsWith("amqp://") || part.startsWith("amqps://")) {
      ConnectionFactory other = configured(part, BrokerTrust.jvmTruststore());
      if (!other.getUsername().equals(reference.getUsername())
          || !other.getPassword().equals(reference.getPassword())
          || !other.getVirtualHost().equals(reference.getVirtualHost())
          || other.isSSL() != reference.isSSL()) {
        throw new IllegalArgumentException(
            "lists brokers with different credentials, vhosts or schemes (broker "
                + position
                + "): the brokers of one cluster share them");
      }
      return new Address(other.getHost(), other.getPort());
    }
    try {
      URI hostPort = new URI("amqp://" + part);
      if (hostPort.getHost() == null
          || hostPort.getPath() != null && !hostPort.getPath().isEmpty()) {
        throw new URISyntaxException(part, "not host[:port]");
      }
      int port = hostPort.getPort() == -1 ? reference.getPort() : hostPort.getPort();
      return new Address(hostPort.getHost(), port);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "broker " + position + " is neither an amqp(s):// URI nor host[:port]: '" + part + "'");
    }
  }
}
