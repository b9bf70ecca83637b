package dev.outbox.notifier.channel.sendgrid;

import com.sendgrid.Client;
import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Email;
import com.sendgrid.helpers.mail.objects.Personalization;
import dev.outbox.notifier.channel.EmailMessage;
import dev.outbox.notifier.channel.EmailSender;
import dev.outbox.notifier.config.SendGridSettings;
import dev.outbox.notifier.event.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

/**
 * Sends through SendGrid's v3 {@code POST /v3/mail/send} with the official sendgrid-java client.
 * 202 (200 in sandbox mode) is success, with SendGrid's {@code X-Message-Id}; 429 and 5xx are
 * retryable; any other status is permanent. The event id and the handler travel in {@code
 * custom_args} ({@code event_id}, {@code handler}), which SendGrid echoes in its Event Webhook.
 */
public final class SendGridEmailSender implements EmailSender, AutoCloseable {

  private final SendGrid sendGrid;
  private final CloseableHttpClient http;
  private final String from;

  public SendGridEmailSender(SendGridSettings settings, Duration timeout) {
    int millis = (int) timeout.toMillis();
    // The SDK's own rate-limit retry lives only in attempt(); api() sends once. Apache's retry of
    // unsent requests is switched off too, so one send() is one request at most.
    this.http =
        HttpClients.custom()
            .disableAutomaticRetries()
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectTimeout(millis)
                    .setConnectionRequestTimeout(millis)
                    .setSocketTimeout(millis)
                    .build())
            .build();
    boolean plainHttp = "http".equals(settings.baseUrl().getScheme());
    this.sendGrid = new SendGrid(settings.apiKey(), new Client(http, plainHttp));
    this.sendGrid.setHost(hostAndPort(settings));
    this.from = settings.from();
  }

  private static String hostAndPort(SendGridSettings settings) {
    int port = settings.baseUrl().getPort();
    return settings.baseUrl().getHost() + (port == -1 ? "" : ":" + port);
  }

  @Override
  public String provider() {
    return "sendgrid";
  }

  @Override
  public Outcome send(EmailMessage message) {
    Request request = new Request();
    request.setMethod(Method.POST);
    request.setEndpoint("mail/send");
    Response response;
    try {
      request.setBody(mail(message).build());
      response = sendGrid.api(request);
    } catch (IOException e) {
      return new Outcome.RetryLater("SendGrid unreachable: " + e);
    }
    return classify(response);
  }

  private Mail mail(EmailMessage message) {
    Mail mail = new Mail();
    mail.setFrom(new Email(from));
    mail.setSubject(message.subject());
    Personalization personalization = new Personalization();
    personalization.addTo(new Email(message.to()));
    mail.addPersonalization(personalization);
    // SendGrid requires text/plain before text/html.
    mail.addContent(new Content("text/plain", message.text()));
    mail.addContent(new Content("text/html", message.html()));
    mail.addCustomArg("event_id", message.eventId().toString());
    mail.addCustomArg("handler", message.handler());
    return mail;
  }

  static Outcome classify(Response response) {
    int status = response.getStatusCode();
    if (status == 202 || status == 200) {
      return new Outcome.Sent(header(response.getHeaders(), "X-Message-Id"));
    }
    String reason = "SendGrid answered " + status + ": " + abbreviate(response.getBody());
    if (status == 429 || status >= 500) {
      return new Outcome.RetryLater(reason);
    }
    return new Outcome.DeadLetter(reason);
  }

  // The SDK keeps headers in a case-sensitive HashMap while HTTP header names are case-insensitive.
  private static String header(Map<String, String> headers, String name) {
    if (headers == null) {
      return null;
    }
    return headers.entrySet().stream()
        .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  private static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    return body.length() > 300 ? body.substring(0, 300) + "..." : body;
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}
