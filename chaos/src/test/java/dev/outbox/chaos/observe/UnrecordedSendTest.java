package dev.outbox.chaos.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.chaos.provider.Channel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnrecordedSendTest {

  private static final String LINE =
      "12:12:40.101 ERROR [notifier-consumer-3] d.o.n.dispatch.NotificationDispatcher - accepted"
          + " but not recorded: welcome_sms (SMS) of event 01a23185-3563-7001-b2e2-8f9f19eeb62d,"
          + " delivery 4711; it will be sent again after its lease";

  @Test
  void reads_the_notifiers_line_with_the_incarnation_of_its_log_file(@TempDir Path logs)
      throws Exception {
    Files.writeString(logs.resolve("notifier-b.2.log"), "12:00:00.000 INFO started\n" + LINE);
    Files.writeString(logs.resolve("relay-a.1.log"), LINE);

    assertThat(UnrecordedSend.read(logs))
        .containsExactly(
            new UnrecordedSend(
                UUID.fromString("01a23185-3563-7001-b2e2-8f9f19eeb62d"),
                Channel.SMS,
                "notifier-b#2"));
  }

  @Test
  void other_lines_are_not_unrecorded_sends() {
    assertThat(UnrecordedSend.parse("recording SENT for delivery 12 failed, trying again", "n#1"))
        .isEmpty();
  }
}
