package dev.outbox.testing.tls;

import dev.outbox.config.process.Commands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A certificate authority of the test's own, made with openssl in a directory the test owns, valid
 * for two days: it signs server certificates for named hosts and client certificates for user
 * names, and a second one stands for "a CA nobody configured".
 *
 * <pre>{@code
 * TestCa ca = TestCa.create(dir, "outbox-test-ca");
 * IssuedCertificate server = ca.issue("localhost", List.of("DNS:localhost", "IP:127.0.0.1"));
 * }</pre>
 */
public final class TestCa {

  private static final Duration OPENSSL = Duration.ofSeconds(60);

  private final Path dir;
  private final String name;

  private TestCa(Path dir, String name) {
    this.dir = dir;
    this.name = name;
  }

  /** A new self-signed CA whose files are {@code name.pem} and {@code name.key} in {@code dir}. */
  public static TestCa create(Path dir, String name) {
    TestCa ca = new TestCa(dir, name);
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=" + name,
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
        "-keyout",
        ca.file(".key").toString(),
        "-out",
        ca.certificate().toString());
    return ca;
  }

  /** The CA's certificate (PEM): what a client names to trust this CA. */
  public Path certificate() {
    return file(".pem");
  }

  /**
   * A certificate for {@code commonName}, usable by a server and a client, naming {@code
   * subjectAltNames} ({@code DNS:localhost}, {@code IP:127.0.0.1}; none for a client certificate).
   */
  public IssuedCertificate issue(String commonName, List<String> subjectAltNames) {
    String base = name + "-" + commonName.replaceAll("[^A-Za-z0-9.-]", "_");
    Path key = dir.resolve(base + ".key");
    Path request = dir.resolve(base + ".csr");
    Path cert = dir.resolve(base + ".pem");
    Path pkcs8 = dir.resolve(base + ".pk8");
    Path extensions = dir.resolve(base + ".ext");
    write(
        extensions,
        "basicConstraints=CA:FALSE\n"
            + "keyUsage=critical,digitalSignature,keyEncipherment\n"
            + "extendedKeyUsage=serverAuth,clientAuth\n"
            + (subjectAltNames.isEmpty()
                ? ""
                : "subjectAltName=" + String.join(",", subjectAltNames) + "\n"));
    openssl(
        "req",
        "-new",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=" + commonName,
        "-keyout",
        key.toString(),
        "-out",
        request.toString());
    openssl(
        "x509",
        "-req",
        "-in",
        request.toString(),
        "-days",
        "2",
        "-CA",
        certificate().toString(),
        "-CAkey",
        file(".key").toString(),
        "-CAcreateserial",
        "-extfile",
        extensions.toString(),
        "-out",
        cert.toString());
    openssl(
        "pkcs8",
        "-topk8",
        "-nocrypt",
        "-inform",
        "PEM",
        "-outform",
        "DER",
        "-in",
        key.toString(),
        "-out",
        pkcs8.toString());
    return new IssuedCertificate(cert, key, pkcs8);
  }

  private Path file(String suffix) {
    return dir.resolve(name + suffix);
  }

  private static void openssl(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Commands.run(OPENSSL, command).orThrow();
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
