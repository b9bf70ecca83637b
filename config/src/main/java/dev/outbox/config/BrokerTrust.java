package dev.outbox.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The CAs a broker's certificate must chain to on an {@code amqps://} connection: the JVM's
 * truststore (the default: {@code SSLContext.getDefault()}, so the standard {@code
 * javax.net.ssl.trustStore} properties keep working), or only those of the PEM bundle that
 * EVENT_BUS_CA_FILE names. Either way the chain and the host name are verified; nothing here trusts
 * everything.
 */
public final class BrokerTrust {

  private static final BrokerTrust JVM = new BrokerTrust(null, null);

  private final Path caFile;
  private final SSLContext context;

  private BrokerTrust(Path caFile, SSLContext context) {
    this.caFile = caFile;
    this.context = context;
  }

  /** The JVM's default truststore. */
  public static BrokerTrust jvmTruststore() {
    return JVM;
  }

  /**
   * Only the certificates of the PEM bundle at {@code path} (one or more {@code -----BEGIN
   * CERTIFICATE-----} blocks), read once, now.
   *
   * @throws IllegalArgumentException completing "EVENT_BUS_CA_FILE ..." when the file is missing,
   *     unreadable or holds no certificate
   */
  public static BrokerTrust caFile(String path) {
    Path file = Path.of(path);
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException("names " + file + ", which is not a readable file");
    }
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(file)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("names " + file + ", which cannot be read: " + e, e);
    } catch (CertificateException e) {
      throw new IllegalArgumentException(
          "names " + file + ", which is not a PEM bundle of CA certificates: " + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("names " + file + ", which holds no certificate");
    }
    return new BrokerTrust(file, contextTrusting(certificates));
  }

  /** The TLS context for connections: verifies the broker's chain against these CAs. */
  SSLContext sslContext() {
    if (context != null) {
      return context;
    }
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no default TLS context", e);
    }
  }

  /** The bundle, when EVENT_BUS_CA_FILE named one. */
  public Optional<Path> file() {
    return Optional.ofNullable(caFile);
  }

  /** Where the CAs come from, for messages: {@code EVENT_BUS_CA_FILE=/path} or the truststore. */
  public String describe() {
    return caFile == null
        ? "the JVM truststore (EVENT_BUS_CA_FILE is unset)"
        : EventBusSettings.CA_FILE.name() + "=" + caFile;
  }

  private static SSLContext contextTrusting(Collection<? extends Certificate> certificates) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("ca-" + n++, certificate);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a TLS context from the CA bundle", e);
    }
  }

  /** Equal when both use the JVM truststore or the same bundle file. */
  @Override
  public boolean equals(Object other) {
    return other instanceof BrokerTrust that && Objects.equals(caFile, that.caFile);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(caFile);
  }

  @Override
  public String toString() {
    return describe();
  }
}
