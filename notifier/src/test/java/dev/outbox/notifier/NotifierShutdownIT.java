package dev.outbox.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import dev.outbox.notifier.channel.EmailMessage;
import dev.outbox.notifier.channel.EmailSender;
import dev.outbox.notifier.channel.LoggingSmsSender;
import dev.outbox.notifier.event.Outcome;
import dev.outbox.notifier.store.DeliveryState;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NotifierShutdownIT {

  private static NotifierHarness it;

  @BeforeAll
  static void prepare() throws Exception {
    // Classic queues: the test watches the broker's consumer count drop to 0 while the send is
    // still in work, and a quorum queue counts a cancelled consumer until its messages are
    // settled (the closing order, cancel then wait then ack, is the notifier's either way).
    it = new NotifierHarness(false, Map.of("NOTIFIER_QUEUE_TYPE", "classic"));
  }

  @AfterAll
  static void cleanUp() throws Exception {
    it.close();
  }

  /** Blocks inside the provider call until released, like a slow provider. */
  private static final class SlowEmailSender implements EmailSender {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public String provider() {
      return "slow";
    }

    @Override
    public Outcome send(EmailMessage message) {
      entered.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new Outcome.Sent("slow-1");
    }
  }

  private static long consumers(String queue) throws Exception {
    try (Channel channel = it.connection.createChannel()) {
      return channel.queueDeclarePassive(queue).getConsumerCount();
    }
  }

  @Test
  void closing_lets_the_send_in_work_finish_and_acknowledges_its_message() throws Exception {
    SlowEmailSender slow = new SlowEmailSender();
    Notifier notifier = it.newInstance(slow, new LoggingSmsSender());
    notifier.start();
    assertThat(notifier.isRunning()).isTrue();
    TestEvents event = TestEvents.orderPlaced("slow@example.com");
    it.publish(event);
    assertThat(slow.entered.await(30, TimeUnit.SECONDS)).isTrue();
    ExecutorService closer = Executors.newSingleThreadExecutor();
    try {
      Future<?> closing = closer.submit(notifier::close);
      // Consumers are cancelled first; only then may the slow send finish, so close must wait.
      await().atMost(Duration.ofSeconds(30)).until(() -> consumers(it.queue()) == 0);
      assertThat(closing).isNotDone();

      slow.release.countDown();
      closing.get(30, TimeUnit.SECONDS);
      assertThat(notifier.isRunning()).isFalse();

      assertThat(it.delivery(event.id(), "order_confirmation_email").orElseThrow().state())
          .isEqualTo(DeliveryState.SENT);
      try (Channel channel = it.connection.createChannel()) {
        assertThat(channel.queueDeclarePassive(it.queue()).getMessageCount()).isZero();
        assertThat(channel.queueDeclarePassive(it.queue()).getConsumerCount()).isZero();
      }
    } finally {
      closer.shutdownNow();
    }
  }
}
