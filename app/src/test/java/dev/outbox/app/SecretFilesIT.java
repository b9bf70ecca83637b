package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outbox.testing.HttpTestClient;
import dev.outbox.testing.TestServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The roles take their secrets from {@code <NAME>_FILE} (the container convention) and use them:
 * the admin route accepts the token from its file, the providers see the keys from theirs, the link
 * the notifier signs with the secret from its file verifies at the api, and a file URL or a missing
 * file shows that the file, not a default, is what is read.
 */
class SecretFilesIT {

  static final String SID = "AC00000000000000000000000000000016";

  @TempDir Path dir;

  @Test
  void all_roles_use_every_secret_from_its_file() throws Exception {
    String adminToken = "admin-token-from-a-file-" + UUID.randomUUID();
    String secret = "verification-secret-from-a-file-" + UUID.randomUUID();
    String sendGridKey = "SG.key-from-a-file-" + UUID.randomUUID();
    String twilioToken = "twilio-token-from-a-file-" + UUID.randomUUID();
    TestEnv test = new TestEnv("app_secret_files");
    try (test;
        FakeProviders providers = new FakeProviders(0)) {
      Map<String, String> env = new HashMap<>(test.env());
      env.remove("EVENT_BUS_URL");
      env.remove("DATABASE_PASSWORD");
      env.put("EVENT_BUS_URL_FILE", file("bus-url", TestServices.amqpUri()));
      env.put("DATABASE_PASSWORD_FILE", file("db-password", test.db.password()));
      env.put("ADMIN_TOKEN_FILE", file("admin-token", adminToken));
      env.put("EMAIL_VERIFICATION_SECRET_FILE", file("verification-secret", secret));
      env.put("SENDGRID_API_KEY_FILE", file("sendgrid-key", sendGridKey));
      env.put("TWILIO_AUTH_TOKEN_FILE", file("twilio-token", twilioToken));
      env.putAll(providerSettings(providers));

      try (Cli.Running all = Cli.start(env, "all")) {
        await()
            .atMost(Duration.ofSeconds(90))
            .until(() -> all.out().contains("outbox all running") || all.exited());
        assertThat(all.out()).as(all.err()).contains("outbox all running");
        assertThat(all.err()).doesNotContain("EMAIL_VERIFICATION_SECRET is not set");
        HttpTestClient api = new HttpTestClient(Http.port(all.out(), "api listening on "));
        var queries = new StatusQueries(test.db.jdbcUrl(), test.db.user(), test.db.password());
        await().atMost(Duration.ofSeconds(120)).until(() -> queries.slot(test.slot).streaming());

        assertThat(api.get("/admin/outbox", "Authorization", "Bearer " + adminToken).status())
            .isEqualTo(200);
        assertThat(api.get("/admin/outbox", "Authorization", "Bearer " + secret).status())
            .isEqualTo(401);

        String email = "file-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpTestClient.Response created =
            api.postJson("/users", "{\"email\":\"" + email + "\",\"phone\":\"+14155550123\"}");
        assertThat(created.status()).isEqualTo(201);
        String userId = field(created.body(), "id");
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> !providers.emails().isEmpty() && !providers.sms().isEmpty());

        FakeProviders.Request mail = providers.emails().get(0);
        assertThat(mail.headers().get("authorization")).isEqualTo("Bearer " + sendGridKey);
        assertThat(providers.sms().get(0).headers().get("authorization"))
            .isEqualTo(
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (SID + ":" + twilioToken).getBytes(StandardCharsets.UTF_8)));
        String token = token(mail.body());
        String expiry = token.substring(0, token.indexOf('.'));
        assertThat(token)
            .isEqualTo(expiry + "." + hmac(secret, userId + "|" + email + "|" + expiry));
        HttpTestClient.Response verified =
            api.postJson("/users/" + userId + "/verify-email", "{\"token\":\"" + token + "\"}");
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);

        assertThat(all.stop(Duration.ofSeconds(60))).isZero();
      }
    }
    try (var broker = test.broker()) {
      assertThat(test.declared().remaining(broker)).as("left on the broker").isEmpty();
    }
  }

  @Test
  void the_broker_url_comes_from_its_file_and_not_from_the_default() throws Exception {
    try (TestEnv test = new TestEnv("app_secret_url")) {
      Map<String, String> env = new HashMap<>(test.env());
      env.remove("EVENT_BUS_URL");
      // Nothing listens there, while the default URL would reach the test broker.
      env.put(
          "EVENT_BUS_URL_FILE",
          file("bus-url", "amqp://guest:guest@127.0.0.1:" + Http.freePort() + "/"));
      env.put("EMAIL_VERIFICATION_SECRET", TestEnv.SECRET);

      Cli.Result notifier = Cli.run(env, "notifier");

      assertThat(notifier.exitCode()).as(notifier.out() + notifier.err()).isNotZero();
      assertThat(notifier.out()).doesNotContain("notifier consuming");
    }
  }

  @Test
  void a_secret_file_that_does_not_exist_stops_start_up_naming_its_variable() throws Exception {
    try (TestEnv test = new TestEnv("app_secret_missing")) {
      Map<String, String> env = new HashMap<>(test.env());
      env.remove("DATABASE_PASSWORD");
      env.put("DATABASE_PASSWORD_FILE", dir.resolve("absent").toString());

      Cli.Result migrate = Cli.run(env, "migrate");

      assertThat(migrate.exitCode()).isEqualTo(78);
      assertThat(migrate.err()).contains("DATABASE_PASSWORD_FILE names " + dir.resolve("absent"));
    }
  }

  private String file(String name, String content) throws Exception {
    Path path = dir.resolve(name);
    Files.writeString(path, content + "\n");
    return path.toString();
  }

  static Map<String, String> providerSettings(FakeProviders providers) {
    return Map.of(
        "EMAIL_ADAPTER", "sendgrid",
        "SENDGRID_FROM", "noreply@example.com",
        "SENDGRID_BASE_URL", providers.baseUrl(),
        "SMS_ADAPTER", "twilio",
        "TWILIO_ACCOUNT_SID", SID,
        "TWILIO_FROM", "+15005550006",
        "TWILIO_BASE_URL", providers.baseUrl());
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    assertThat(m.find()).as(name + " in " + json).isTrue();
    return m.group(1);
  }

  private static String token(String emailRequest) {
    Matcher m =
        Pattern.compile("verify-email\\?token=([0-9]+\\.[A-Za-z0-9_-]+)").matcher(emailRequest);
    assertThat(m.find()).as("a verification link in " + emailRequest).isTrue();
    return m.group(1);
  }

  private static String hmac(String key, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }
}
