package dev.outbox.config;

import java.io.IOException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns the JDK's TLS handshake errors into a sentence an operator can act on: which check failed
 * (the chain or the host name) and which variable decides it. The JDK says "PKIX path building
 * failed" or "No subject alternative names matching IP address ... found"; true, but it names
 * neither EVENT_BUS_URL nor EVENT_BUS_CA_FILE.
 */
final class BrokerTlsFailure {

  private BrokerTlsFailure() {}

  /**
   * {@code failure} itself when it holds no TLS error; otherwise an {@link SSLException} that says
   * what failed, with {@code failure} as its cause.
   */
  static IOException explained(IOException failure, String brokers, BrokerTrust trust) {
    Throwable tls = find(failure, SSLException.class);
    if (tls == null) {
      return failure;
    }
    String why;
    if (find(failure, CertPathBuilderException.class) != null
        || find(failure, CertPathValidatorException.class) != null) {
      why =
          "the broker's certificate is not signed by a CA this process trusts, " + trust.describe();
    } else if (isHostNameMismatch(failure)) {
      why =
          "the broker's certificate does not name the host of EVENT_BUS_URL"
              + " (its subject alternative names must include it)";
    } else {
      why = "the TLS handshake failed";
    }
    return new SSLException(
        "TLS to " + brokers + " refused: " + why + " (" + tls.getMessage() + ")", failure);
  }

  private static boolean isHostNameMismatch(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      // The JDK's HostnameChecker: "No subject alternative names matching IP address 127.0.0.2
      // found", "No subject alternative DNS name matching x found", "No name matching x found".
      if (t instanceof CertificateException
          && (message.contains("no subject alternative") || message.contains("no name matching"))) {
        return true;
      }
    }
    return false;
  }

  private static Throwable find(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    return null;
  }
}
