package dev.outbox.testing.tls;

import dev.outbox.testing.services.PrivatePostgres;
import dev.outbox.testing.services.PrivateRabbitMq;
import dev.outbox.testing.services.ServiceDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The services of a TLS test, in a {@link ServiceDirectory} of their own: a {@link TestCa} and
 * another CA nobody configured, a server certificate of the first for {@code localhost} and {@code
 * 127.0.0.1} (not {@code 127.0.0.2}), a private PostgreSQL cluster with it and database {@code
 * outbox}, and a private RabbitMQ node with TLS listeners on 127.0.0.1 and 127.0.0.2 (beside its
 * plain one). The test says who the cluster lets in ({@code hostssl} lines, more addresses).
 *
 * <pre>{@code
 * static TlsServices tls;
 * @BeforeAll static void startServices() {
 *   tls = TlsServices.start("api-tls-it", pg -> pg.withHba("hostssl all all 127.0.0.1/32 trust"));
 * }
 * @AfterAll static void stopServices() { if (tls != null) tls.close(); }
 * }</pre>
 */
public final class TlsServices implements AutoCloseable {

  /** The database the cluster has. */
  public static final String DATABASE = "outbox";

  private final ServiceDirectory dir;
  private TestCa ca;
  private TestCa otherCa;
  private PrivatePostgres postgres;
  private PrivateRabbitMq rabbit;

  private TlsServices(ServiceDirectory dir) {
    this.dir = dir;
  }

  /**
   * Makes the certificates and starts both services; what started is stopped again if a later step
   * fails.
   *
   * @param name the directory's prefix (the test's name)
   * @param access the cluster's access before it starts ({@link PrivatePostgres#withHba}, {@link
   *     PrivatePostgres#alsoListenOn}); TLS is already configured
   */
  public static TlsServices start(String name, UnaryOperator<PrivatePostgres> access) {
    TlsServices services = new TlsServices(ServiceDirectory.create(name));
    try {
      services.startAll(access);
      return services;
    } catch (RuntimeException | Error e) {
      services.close();
      throw e;
    }
  }

  private void startAll(UnaryOperator<PrivatePostgres> access) {
    Path certs = createDirectory(dir.root().resolve("certs"));
    ca = TestCa.create(certs, "outbox-test-ca");
    otherCa = TestCa.create(certs, "other-ca");
    IssuedCertificate server = ca.issue("localhost", List.of("DNS:localhost", "IP:127.0.0.1"));
    // Kept before they start, so that close() stops one that failed half way.
    postgres = access.apply(PrivatePostgres.create(dir).withTls(ca, server));
    postgres.start().createDatabase(DATABASE);
    rabbit = PrivateRabbitMq.create(dir).withTls(ca, server, "127.0.0.1", "127.0.0.2");
    rabbit.start();
  }

  /** The CA that signed both services' certificate. */
  public TestCa ca() {
    return ca;
  }

  /** A CA that signed neither: trusting it alone, a client refuses both services. */
  public TestCa otherCa() {
    return otherCa;
  }

  public PrivatePostgres postgres() {
    return postgres;
  }

  public PrivateRabbitMq rabbit() {
    return rabbit;
  }

  /** Stops the node and the cluster and deletes the directory with the certificates. */
  @Override
  public void close() {
    if (rabbit != null) {
      rabbit.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    dir.close();
  }

  private static Path createDirectory(Path path) {
    try {
      return Files.createDirectories(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
