package dev.outbox.testing.tls;

import java.nio.file.Path;

/**
 * A certificate a {@link TestCa} signed, with its private key in the two forms the services and
 * clients read.
 *
 * @param certificate PEM
 * @param key the private key, PEM (PostgreSQL, RabbitMQ)
 * @param pkcs8Key the same key as unencrypted PKCS #8 DER, the form pgjdbc's {@code sslkey} reads
 */
public record IssuedCertificate(Path certificate, Path key, Path pkcs8Key) {}
