package dev.outbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Address;
import org.junit.jupiter.api.Test;

class AmqpConnectionsTest {

  @Test
  void a_trailing_slash_means_the_default_vhost() {
    AmqpConnections bus = AmqpConnections.parse("amqp://guest:guest@localhost:5672/");

    assertThat(bus.newFactory().getVirtualHost()).isEqualTo("/");
    assertThat(AmqpConnections.parse("amqp://u:p@h:5672/shop").newFactory().getVirtualHost())
        .isEqualTo("shop");
    assertThat(AmqpConnections.parse("amqp://u:p@h:5672/%2F").newFactory().getVirtualHost())
        .isEqualTo("/");
  }

  @Test
  void several_brokers_share_the_first_ones_credentials() {
    AmqpConnections bus =
        AmqpConnections.parse("amqp://u:p@rabbit-1:5672/, rabbit-2:5673, amqp://u:p@rabbit-3/");

    assertThat(bus.addresses())
        .containsExactly(
            new Address("rabbit-1", 5672),
            new Address("rabbit-2", 5673),
            new Address("rabbit-3", 5672));
    assertThat(bus.newFactory().getUsername()).isEqualTo("u");
    assertThat(bus.display())
        .isEqualTo("amqp://rabbit-1:5672,amqp://rabbit-2:5673,amqp://rabbit-3:5672/");
  }

  @Test
  void the_same_url_parses_to_equal_connections() {
    assertThat(AmqpConnections.parse("amqp://u:p@a/,b"))
        .isEqualTo(AmqpConnections.parse("amqp://u:p@a/,b"))
        .hasSameHashCodeAs(AmqpConnections.parse("amqp://u:p@a/,b"))
        .isNotEqualTo(AmqpConnections.parse("amqp://u:other@a/,b"))
        .isNotEqualTo(AmqpConnections.parse("amqp://u:p@a/"));
  }

  @Test
  void brokers_with_other_credentials_are_refused() {
    assertThatThrownBy(() -> AmqpConnections.parse("amqp://u:p@a/,amqp://x:y@b/"))
        .hasMessageContaining("broker 2");
  }

  @Test
  void errors_never_echo_the_password() {
    assertThatThrownBy(() -> AmqpConnections.parse("amqp://u:s3cret@[bad/"))
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> AmqpConnections.parse("http://u:s3cret@host/"))
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void a_url_without_a_readable_host_and_port_is_refused_instead_of_meaning_localhost() {
    // java.net.URI reads these authorities as registry names: no host, no port, no user.
    assertThatThrownBy(() -> AmqpConnections.parse("amqp://u:s3cret@rabbit:notaport/"))
        .hasMessageContaining("is not a valid AMQP URI")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> AmqpConnections.parse("amqp://u:p@rabbit_mq:5672/"))
        .hasMessageContaining("is not a valid AMQP URI");
  }

  @Test
  void masking_hides_every_urls_credentials() {
    assertThat(Secrets.maskUrl("amqp://u:p@a:1/,amqp://u:p@b:2/"))
        .isEqualTo("amqp://***@a:1/,amqp://***@b:2/");
  }
}
