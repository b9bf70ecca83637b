package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import dev.outbox.testing.ContractFixtures;
import dev.outbox.testing.HttpTestClient;
import dev.outbox.testing.Rows;
import dev.outbox.testing.providers.TwilioStandIn;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The one window where the notifier could send twice: Twilio accepted the SMS and the notifier
 * process died before recording it. A Twilio stand-in sends its signed status callback to the api
 * and SIGKILLs the notifier instead of answering; the restarted notifier finds the delivery in
 * SENDING, sees the provider's report once the lease has run out, and records it sent without a
 * second request.
 */
class CrashWindowIT {

  private static final Duration START = Duration.ofSeconds(90);
  private static final String AUTH_TOKEN = "crash-window-twilio-token";

  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicReference<JarProcess> notifier = new AtomicReference<>();
  private final AtomicReference<HttpTestClient.Response> callback = new AtomicReference<>();

  @Test
  void an_sms_accepted_by_twilio_before_the_notifier_died_is_not_sent_again() throws Exception {
    int apiPort = Http.freePort();
    String publicBaseUrl = "http://127.0.0.1:" + apiPort;
    TwilioStandIn signer = new TwilioStandIn(AUTH_TOKEN, publicBaseUrl);
    HttpServer twilio = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    twilio.createContext("/", exchange -> accept(exchange, signer, apiPort));
    twilio.start();
    try (TestEnv test = new TestEnv("app_crash");
        HikariDataSource pool = test.db.pool("crash-it", 2)) {
      Map<String, String> env =
          test.env(
              "EMAIL_VERIFICATION_SECRET", TestEnv.SECRET,
              "PUBLIC_BASE_URL", publicBaseUrl,
              "HTTP_PORT", String.valueOf(apiPort),
              "SMS_ADAPTER", "twilio",
              "TWILIO_ACCOUNT_SID", "ACcrashwindow",
              "TWILIO_AUTH_TOKEN", AUTH_TOKEN,
              "TWILIO_FROM", "+15005550006",
              "TWILIO_BASE_URL", "http://127.0.0.1:" + twilio.getAddress().getPort(),
              "NOTIFIER_LEASE_MS", "3000",
              "NOTIFIER_SEND_TIMEOUT_MS", "2000",
              // Long enough that a resend could not happen while the test waits.
              "NOTIFIER_RECONCILE_WINDOW", "10m");
      assertThat(Cli.run(env, "migrate").exitCode()).isZero();
      try (Cli.Running api = Cli.start(env, "api")) {
        await().atMost(START).until(() -> api.out().contains("outbox api running") || api.exited());
        notifier.set(JarProcess.start(env, "notifier"));
        await()
            .atMost(START)
            .until(() -> notifier.get().output().contains("outbox notifier running"));
        UUID eventId = publishUserCreated(test);

        await().atMost(START).until(() -> callback.get() != null && !notifier.get().isAlive());
        try (JarProcess restarted = JarProcess.start(env, "notifier")) {
          Rows rows = new Rows(pool);
          await()
              .atMost(START)
              .until(
                  () ->
                      "SENT"
                          .equals(
                              rows.text(
                                  "select state from notifier.deliveries"
                                      + " where event_id = ? and handler = 'welcome_sms'",
                                  eventId)));

          assertThat(callback.get().status()).isEqualTo(200);
          assertThat(callback.get().json().get("recorded").asInt()).isEqualTo(1);
          assertThat(requests.get()).as(restarted.output()).isEqualTo(1);
          assertThat(
                  rows.list(
                      "select reconciliation, attempts, provider_message_id, provider_status"
                          + " from notifier.deliveries where event_id = ? and handler = 'welcome_sms'",
                      eventId))
              .singleElement()
              .satisfies(
                  row -> {
                    assertThat(row.get("reconciliation")).isEqualTo("CONFIRMED_BY_PROVIDER");
                    assertThat(row.get("attempts")).isEqualTo(1);
                    assertThat(row.get("provider_message_id")).isEqualTo(sid(1));
                    assertThat(row.get("provider_status")).isEqualTo("sent");
                  });
          assertThat(restarted.output()).contains("not sent again");
        }
      } finally {
        JarProcess first = notifier.get();
        if (first != null) {
          first.close();
        }
      }
    } finally {
      twilio.stop(0);
    }
  }

  /**
   * Twilio accepts the message: its status callback goes to the api, signed, and the notifier is
   * killed before it can read the 201, so it never records the send.
   */
  private void accept(HttpExchange exchange, TwilioStandIn signer, int apiPort) throws IOException {
    Map<String, String> form = form(exchange.getRequestBody().readAllBytes());
    int n = requests.incrementAndGet();
    if (n == 1) {
      // Killed first: the notifier's read timeout must not turn the wait into a recorded retry.
      JarProcess dying = notifier.get();
      dying.close();
      try {
        dying.waitFor(Duration.ofSeconds(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      URI statusCallback = URI.create(form.get("StatusCallback"));
      callback.set(
          signer.post(
              new HttpTestClient(apiPort),
              statusCallback.getRawQuery(),
              TwilioStandIn.statusForm(sid(n), "sent", null)));
      exchange.close();
      return;
    }
    byte[] body =
        ("{\"sid\":\"" + sid(n) + "\",\"status\":\"queued\",\"body\":\"x\"}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(201, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String sid(int n) {
    return String.format("SM%032d", n);
  }

  private static Map<String, String> form(byte[] body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  /** A user.created with a phone, as the relay would publish it. */
  private static UUID publishUserCreated(TestEnv test) throws Exception {
    UUID eventId = UUID.randomUUID();
    byte[] body =
        new String(ContractFixtures.bytes("user-created.v1.json"), StandardCharsets.UTF_8)
            .replace("0190a5c8-1111-7000-8000-000000000001", eventId.toString())
            .getBytes(StandardCharsets.UTF_8);
    try (Connection connection = test.broker();
        Channel channel = connection.createChannel()) {
      channel.confirmSelect();
      channel.basicPublish(
          test.exchange,
          "user.created",
          true,
          new AMQP.BasicProperties.Builder()
              .contentType("application/json")
              .deliveryMode(2)
              .messageId(eventId.toString())
              .type("user.created")
              .build(),
          body);
      channel.waitForConfirmsOrDie(5_000);
    }
    return eventId;
  }
}
