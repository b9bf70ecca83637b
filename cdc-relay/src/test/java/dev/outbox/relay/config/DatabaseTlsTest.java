package dev.outbox.relay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.config.ConfigException;
import dev.outbox.config.ConfigReader;
import dev.outbox.config.Environment;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DatabaseTlsTest {

  @Test
  void every_tls_parameter_of_the_url_becomes_debeziums_key() {
    DatabaseTls tls =
        DatabaseTls.of(
            "jdbc:postgresql://db:5432/outbox?ApplicationName=relay&sslmode=verify-full"
                + "&sslrootcert=/etc/ca%20bundle.pem&sslcert=/etc/client.pem&sslkey=/etc/client.pk8"
                + "&sslpassword=s3cret&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory");

    assertThat(tls.debeziumProperties())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "database.sslmode", "verify-full",
                "database.sslrootcert", "/etc/ca bundle.pem",
                "database.sslcert", "/etc/client.pem",
                "database.sslkey", "/etc/client.pk8",
                "database.sslpassword", "s3cret",
                "database.sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory"));
  }

  @Test
  void a_url_without_tls_parameters_leaves_debeziums_defaults() {
    assertThat(DatabaseTls.of("jdbc:postgresql://db/outbox").debeziumProperties()).isEmpty();
    assertThat(DatabaseTls.of("jdbc:postgresql://db/outbox?connectTimeout=5").debeziumProperties())
        .isEmpty();
  }

  @Test
  void the_legacy_ssl_flag_means_verify_full_as_pgjdbc_reads_it_unless_sslmode_is_given() {
    assertThat(DatabaseTls.of("jdbc:postgresql://db/outbox?ssl=true").debeziumProperties())
        .containsEntry("database.sslmode", "verify-full");
    assertThat(DatabaseTls.of("jdbc:postgresql://db/outbox?ssl").debeziumProperties())
        .containsEntry("database.sslmode", "verify-full");
    assertThat(DatabaseTls.of("jdbc:postgresql://db/outbox?ssl=false").debeziumProperties())
        .isEmpty();
    assertThat(
            DatabaseTls.of("jdbc:postgresql://db/outbox?ssl=true&sslmode=Require")
                .debeziumProperties())
        .containsEntry("database.sslmode", "require");
  }

  @Test
  void an_unknown_sslmode_or_a_tls_parameter_debezium_cannot_take_is_refused_naming_the_url() {
    assertThatThrownBy(() -> DatabaseTls.of("jdbc:postgresql://db/outbox?sslmode=verify"))
        .hasMessageStartingWith("DATABASE_URL sslmode=verify is not one of");
    assertThatThrownBy(() -> DatabaseTls.of("jdbc:postgresql://db/outbox?ssl=yes"))
        .hasMessageStartingWith("DATABASE_URL ssl=yes");
    assertThatThrownBy(
            () ->
                DatabaseTls.of(
                    "jdbc:postgresql://db/outbox?sslfactory=a.B&sslfactoryarg=classpath:x"))
        .hasMessageStartingWith("DATABASE_URL parameter sslfactoryarg is not supported");
    assertThatThrownBy(
            () -> DatabaseTls.of("jdbc:postgresql://db/outbox?sslhostnameverifier=a.Verifier"))
        .hasMessageContaining("sslhostnameverifier");
  }

  @Test
  void the_relay_refuses_to_start_on_such_a_url() {
    assertThatThrownBy(
            () ->
                ConfigReader.read(
                    Environment.of(
                        Map.of(
                            "DATABASE_URL",
                            "jdbc:postgresql://db/outbox?sslmode=verify-full&sslNegotiation=direct")),
                    RelayConfig::read))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("DATABASE_URL parameter sslNegotiation is not supported");
  }

  @Test
  void debeziums_properties_carry_the_urls_tls_parameters() {
    RelayConfig config =
        ConfigReader.read(
            Environment.of(
                Map.of(
                    "DATABASE_URL",
                    "jdbc:postgresql://db:6543/outbox?sslmode=verify-full&sslrootcert=/ca.pem")),
            RelayConfig::read);

    Properties p = DebeziumProperties.of(config);

    assertThat(p.getProperty("database.hostname")).isEqualTo("db");
    assertThat(p.getProperty("database.sslmode")).isEqualTo("verify-full");
    assertThat(p.getProperty("database.sslrootcert")).isEqualTo("/ca.pem");
    // The offset store and the standby lock take the URL itself.
    assertThat(p.getProperty("offset.storage.postgres.url"))
        .isEqualTo("jdbc:postgresql://db:6543/outbox?sslmode=verify-full&sslrootcert=/ca.pem");
  }
}
