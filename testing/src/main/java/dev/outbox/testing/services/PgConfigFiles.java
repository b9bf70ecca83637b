package dev.outbox.testing.services;

import dev.outbox.testing.tls.IssuedCertificate;
import dev.outbox.testing.tls.TestCa;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** The files a {@link PrivatePostgres} writes in its data directory before it starts. */
final class PgConfigFiles {

  private final ServiceDirectory dir;
  private final Path data;

  PgConfigFiles(ServiceDirectory dir, Path data) {
    this.dir = dir;
    this.data = data;
  }

  /** These lines at the end of {@code postgresql.conf} (a later line wins over an earlier one). */
  void append(String... lines) {
    try {
      Files.writeString(
          data.resolve("postgresql.conf"),
          "\n" + String.join("\n", lines) + "\n",
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code server}'s certificate and key and the CA's certificate copied in, owned by postgres, and
   * {@code ssl = on} with them.
   */
  void tls(TestCa ca, IssuedCertificate server) {
    dir.ownedCopy(server.certificate(), data, PgTools.USER);
    dir.ownedCopy(server.key(), data, PgTools.USER);
    dir.ownedCopy(ca.certificate(), data, PgTools.USER);
    append(
        "ssl = on",
        "ssl_cert_file = '" + data.resolve(server.certificate().getFileName()) + "'",
        "ssl_key_file = '" + data.resolve(server.key().getFileName()) + "'",
        "ssl_ca_file = '" + data.resolve(ca.certificate().getFileName()) + "'");
  }

  /**
   * {@code pg_hba.conf} of these lines instead of initdb's, after a {@code local} line for postgres
   * over the Unix socket (the test's own psql).
   */
  void hba(List<String> lines) {
    try {
      Files.writeString(
          data.resolve("pg_hba.conf"),
          "local all postgres peer\n" + String.join("\n", lines) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server log, for a failing test's message. */
  String log() {
    try {
      return Files.readString(data.resolve("log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
