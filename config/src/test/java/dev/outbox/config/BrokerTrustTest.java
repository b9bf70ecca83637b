package dev.outbox.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerTrustTest {

  @TempDir Path dir;

  private static ConfigReader reader(Map<String, String> env) {
    return new ConfigReader(Environment.of(env));
  }

  @Test
  void a_pem_bundle_is_read_at_start_up_and_applied_to_amqps_connections() throws Exception {
    Path ca = selfSignedCa("ca.pem");
    ConfigReader config =
        reader(
            Map.of(
                "EVENT_BUS_URL",
                "amqps://u:p@broker.internal/",
                "EVENT_BUS_CA_FILE",
                ca.toString()));

    AmqpConnections bus = EventBusSettings.connections(config);
    config.finish();

    assertThat(bus.isTls()).isTrue();
    assertThat(bus.trust().file()).contains(ca);
    assertThat(bus.newFactory().isSSL()).isTrue();
    assertThat(bus)
        .isEqualTo(AmqpConnections.parse("amqps://u:p@broker.internal/").trusting(bus.trust()));
    assertThat(bus).isNotEqualTo(AmqpConnections.parse("amqps://u:p@broker.internal/"));
  }

  @Test
  void without_a_ca_file_the_jvm_truststore_decides() {
    AmqpConnections bus =
        EventBusSettings.connections(reader(Map.of("EVENT_BUS_URL", "amqps://h/")));

    assertThat(bus.trust()).isEqualTo(BrokerTrust.jvmTruststore());
    assertThat(bus.trust().describe()).contains("JVM truststore");
    assertThat(bus.newFactory().isSSL()).isTrue();
  }

  @Test
  void a_missing_or_empty_ca_file_is_a_problem_naming_the_variable() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");
    Path text = Files.writeString(dir.resolve("text.pem"), "not a certificate\n");

    assertThat(problems(Map.of("EVENT_BUS_URL", "amqps://h/", "EVENT_BUS_CA_FILE", "/nope.pem")))
        .singleElement()
        .asString()
        .startsWith("EVENT_BUS_CA_FILE names /nope.pem, which is not a readable file");
    assertThat(
            problems(Map.of("EVENT_BUS_URL", "amqps://h/", "EVENT_BUS_CA_FILE", empty.toString())))
        .singleElement()
        .asString()
        .startsWith("EVENT_BUS_CA_FILE names " + empty);
    assertThat(
            problems(Map.of("EVENT_BUS_URL", "amqps://h/", "EVENT_BUS_CA_FILE", text.toString())))
        .singleElement()
        .asString()
        .startsWith("EVENT_BUS_CA_FILE names " + text);
  }

  @Test
  void a_ca_file_next_to_a_plain_amqp_url_is_a_problem() throws Exception {
    Path ca = selfSignedCa("ca.pem");

    assertThat(problems(Map.of("EVENT_BUS_URL", "amqp://h/", "EVENT_BUS_CA_FILE", ca.toString())))
        .singleElement()
        .asString()
        .isEqualTo(
            "EVENT_BUS_CA_FILE is set, but EVENT_BUS_URL is not an amqps:// URL: the connection"
                + " would not use TLS");
  }

  @Test
  void a_refused_handshake_says_which_check_failed_and_which_variable_decides_it() {
    SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
    untrusted.initCause(new CertPathBuilderException("unable to find valid certification path"));
    // As the JDK throws them: the handshake's message repeats its cause's.
    SSLHandshakeException wrongHost =
        new SSLHandshakeException(
            "No subject alternative names matching IP address 127.0.0.2 found");
    wrongHost.initCause(
        new CertificateException(
            "No subject alternative names matching IP address 127.0.0.2 found"));

    assertThat(
            BrokerTlsFailure.explained(untrusted, "amqps://h:5671/", BrokerTrust.jvmTruststore()))
        .hasMessageStartingWith(
            "TLS to amqps://h:5671/ refused: the broker's certificate is not signed by a CA this"
                + " process trusts, the JVM truststore (EVENT_BUS_CA_FILE is unset)")
        .hasCause(untrusted);
    assertThat(
            BrokerTlsFailure.explained(wrongHost, "amqps://h:5671/", BrokerTrust.jvmTruststore()))
        .hasMessageContaining("does not name the host of EVENT_BUS_URL")
        .hasMessageContaining("127.0.0.2");
    IOException plain = new IOException("connection refused");
    assertThat(BrokerTlsFailure.explained(plain, "amqps://h/", BrokerTrust.jvmTruststore()))
        .isSameAs(plain);
  }

  @Test
  void password_parameters_of_a_jdbc_url_are_masked() {
    assertThat(Secrets.maskUrl("jdbc:postgresql://db/outbox?sslkey=/k.pk8&sslpassword=s3cret&x=1"))
        .isEqualTo("jdbc:postgresql://db/outbox?sslkey=/k.pk8&sslpassword=***&x=1");
    assertThat(Secrets.maskUrl("jdbc:postgresql://db/outbox?user=u&password=s3cret"))
        .isEqualTo("jdbc:postgresql://db/outbox?user=u&password=***");
    assertThat(
            new DatabaseSettings("jdbc:postgresql://db/o?sslpassword=s3cret", "u", "").toString())
        .doesNotContain("s3cret");
  }

  private java.util.List<String> problems(Map<String, String> env) {
    ConfigReader config = reader(env);
    EventBusSettings.connections(config);
    try {
      config.finish();
      return java.util.List.of();
    } catch (ConfigException e) {
      return e.problems();
    }
  }

  private Path selfSignedCa(String name) throws Exception {
    Path cert = dir.resolve(name);
    Process openssl =
        new ProcessBuilder(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=broker-trust-test-ca",
                "-keyout",
                dir.resolve("ca.key").toString(),
                "-out",
                cert.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("openssl.log").toFile())
            .start();
    assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).as("openssl finished").isTrue();
    assertThat(openssl.exitValue()).as(Files.readString(dir.resolve("openssl.log"))).isZero();
    return cert;
  }
}
