package dev.outbox.notifier.channel.twilio;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import dev.outbox.notifier.channel.SmsMessage;
import dev.outbox.notifier.channel.SmsSender;
import dev.outbox.notifier.config.TwilioSettings;
import dev.outbox.notifier.event.Outcome;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * Sends through Twilio's {@code POST /2010-04-01/Accounts/{sid}/Messages.json} with the official
 * SDK, one request per call (see {@link SingleAttemptHttpClient}). 201 is success with the message
 * sid; 429, Twilio 20429, 5xx and I/O failures are retryable; other 4xx (21211 invalid To, 21610
 * unsubscribed, 21614 not a mobile, 21212/21606 bad From, 21408 region) are permanent. The status
 * callback URL carries {@code event_id} and {@code handler}, so delivery reports name the delivery.
 */
public final class TwilioSmsSender implements SmsSender {

  private static final Set<Integer> RETRYABLE_CODES = Set.of(20429, 20500, 20503);

  private final TwilioRestClient client;
  private final TwilioSettings settings;

  public TwilioSmsSender(TwilioSettings settings, Duration timeout) {
    this.settings = settings;
    this.client =
        new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
            .httpClient(new SingleAttemptHttpClient(settings.baseUrl(), timeout))
            .build();
  }

  @Override
  public String provider() {
    return "twilio";
  }

  @Override
  public Outcome send(SmsMessage sms) {
    try {
      Message message =
          Message.creator(new PhoneNumber(sms.to()), new PhoneNumber(settings.from()), sms.body())
              .setStatusCallback(statusCallback(sms))
              .create(client);
      return new Outcome.Sent(message.getSid());
    } catch (ApiException e) {
      return classify(e);
    } catch (TwilioException e) {
      return new Outcome.RetryLater("Twilio call failed: " + e.getMessage());
    }
  }

  private URI statusCallback(SmsMessage sms) {
    String base = settings.statusCallbackUrl().toString();
    return URI.create(
        base
            + (base.contains("?") ? "&" : "?")
            + "event_id="
            + sms.eventId()
            + "&handler="
            + URLEncoder.encode(sms.handler(), StandardCharsets.UTF_8));
  }

  static Outcome classify(ApiException e) {
    Integer status = e.getStatusCode();
    Integer code = e.getCode();
    String reason =
        "Twilio answered "
            + (status == null ? "no status" : status)
            + " code "
            + code
            + ": "
            + e.getMessage();
    boolean retryable =
        status == null
            || status == 429
            || status >= 500
            || (code != null && RETRYABLE_CODES.contains(code));
    return retryable ? new Outcome.RetryLater(reason) : new Outcome.DeadLetter(reason);
  }
}
