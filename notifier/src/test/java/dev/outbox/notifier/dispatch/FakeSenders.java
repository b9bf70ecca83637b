package dev.outbox.notifier.dispatch;

import dev.outbox.notifier.channel.EmailMessage;
import dev.outbox.notifier.channel.EmailSender;
import dev.outbox.notifier.channel.SmsMessage;
import dev.outbox.notifier.channel.SmsSender;
import dev.outbox.notifier.event.Outcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/** Email and SMS senders that record what they were given and answer scripted results. */
final class FakeSenders implements EmailSender, SmsSender {

  final List<EmailMessage> emails = new ArrayList<>();
  final List<SmsMessage> sms = new ArrayList<>();
  private final Deque<Supplier<Outcome>> script = new ArrayDeque<>();
  private int accepted;

  /** The next sends (of either kind) answer these, in order; then they succeed. */
  @SafeVarargs
  final void answer(Supplier<Outcome>... results) {
    for (Supplier<Outcome> result : results) {
      script.add(result);
    }
  }

  @Override
  public String provider() {
    return "fake";
  }

  @Override
  public Outcome send(EmailMessage message) {
    emails.add(message);
    return next();
  }

  @Override
  public Outcome send(SmsMessage message) {
    sms.add(message);
    return next();
  }

  private Outcome next() {
    Supplier<Outcome> scripted = script.poll();
    return scripted != null ? scripted.get() : new Outcome.Sent("fake-" + ++accepted);
  }
}
