package dev.outbox.notifier.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.outbox.config.AmqpConnections;
import dev.outbox.testing.TestDatabase;
import dev.outbox.testing.TestServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConfirmedPublisherIT {

  private static Connection connection;
  private static final String QUEUE = TestDatabase.uniqueName("confirmed");

  @BeforeAll
  static void connect() throws Exception {
    connection = AmqpConnections.parse(TestServices.amqpUri()).open("confirmed-it");
    try (Channel channel = connection.createChannel()) {
      channel.queueDeclare(QUEUE, true, false, false, null);
    }
  }

  @AfterAll
  static void disconnect() throws Exception {
    try (Channel channel = connection.createChannel()) {
      channel.queueDelete(QUEUE);
    }
    connection.close();
  }

  @Test
  void a_confirmed_message_is_in_the_queue() throws Exception {
    try (Channel channel = connection.createChannel()) {
      new ConfirmedPublisher(channel)
          .publish(QUEUE, new AMQP.BasicProperties(), "x".getBytes(StandardCharsets.UTF_8));

      assertThat(channel.queueDeclarePassive(QUEUE).getMessageCount()).isEqualTo(1);
    }
  }

  @Test
  void publishing_to_a_missing_queue_fails_instead_of_dropping_the_message() throws Exception {
    try (Channel channel = connection.createChannel()) {
      ConfirmedPublisher publisher = new ConfirmedPublisher(channel);

      assertThatThrownBy(
              () ->
                  publisher.publish(
                      QUEUE + "_missing",
                      new AMQP.BasicProperties(),
                      "x".getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("does not exist");
    }
  }

  @Test
  void the_default_amqp_url_with_a_trailing_slash_means_the_default_vhost() {
    assertThat(
            AmqpConnections.parse("amqp://guest:guest@localhost:5672/")
                .newFactory()
                .getVirtualHost())
        .isEqualTo("/");
    assertThat(
            AmqpConnections.parse("amqp://guest:guest@localhost:5672/shop")
                .newFactory()
                .getVirtualHost())
        .isEqualTo("shop");
  }
}
