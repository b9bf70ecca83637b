package dev.outbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outbox.testing.HttpTestClient;
import dev.outbox.testing.TestServices;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * No secret in any log line or error body: the jar runs the whole pipeline ({@code migrate}, then
 * {@code all} with real provider adapters against local stand-ins, {@code status}, {@code dlq
 * list}) and a few commands that fail on their configuration, their broker or their database, every
 * secret a unique sentinel. It drives good and bad requests, then greps every line every process
 * printed (stdout and stderr) and every HTTP answer for the sentinels and for the run's unique part
 * of them.
 */
class SentinelSecretsIT {

  private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private static final String SID = SecretFilesIT.SID;
  private static final String ADMIN = "sentinel-admin-token-" + RUN;
  private static final String VERIFICATION = "sentinel-verification-secret-" + RUN + "-x";
  private static final String DB_PASSWORD = "sentinel-db-password-" + RUN;
  private static final String SENDGRID = "SG.sentinel-sendgrid-" + RUN;
  private static final String TWILIO = "sentinel-twilio-token-" + RUN;
  private static final String SMTP = "sentinel-smtp-password-" + RUN;
  private static final String BUS = "sentinel-bus-password-" + RUN;

  private final List<String> printed = new ArrayList<>();
  private final List<String> answers = new ArrayList<>();

  @Test
  void no_process_prints_a_secret_and_no_answer_shows_one() throws Exception {
    String role = "sentinel_role_" + UUID.randomUUID().toString().substring(0, 8);
    createRole(role);
    try (TestEnv test = new TestEnv("app_sentinel");
        FakeProviders providers = new FakeProviders(2)) {
      Map<String, String> env = new HashMap<>(test.env());
      env.putAll(SecretFilesIT.providerSettings(providers));
      env.put("DATABASE_USER", role);
      env.put("DATABASE_PASSWORD", DB_PASSWORD);
      env.put("ADMIN_TOKEN", ADMIN);
      env.put("EMAIL_VERIFICATION_SECRET", VERIFICATION);
      env.put("SENDGRID_API_KEY", SENDGRID);
      env.put("TWILIO_AUTH_TOKEN", TWILIO);

      assertThat(run(env, "migrate")).isZero();
      runPipeline(test, env, providers);
      assertThat(run(env, "status")).isZero();
      assertThat(run(env, "dlq", "list")).isZero();
      configurationErrors(env);

      for (String output : printed) {
        assertNoSentinel(output);
      }
      for (String answer : answers) {
        assertNoSentinel(answer);
      }
      assertThat(String.join("\n", printed))
          .as("the runs happened")
          .contains(
              "outbox all stopped cleanly",
              "ADMIN_TOKEN must be at least 16 characters long",
              "EVENT_BUS_URL is not a valid AMQP URI",
              "SMTP_PORT must be between",
              "outbox notifier: failed",
              "outbox status: failed");
    } finally {
      dropRole(role);
    }
  }

  private void runPipeline(TestEnv test, Map<String, String> env, FakeProviders providers)
      throws Exception {
    try (JarProcess all = JarProcess.start(env, "all")) {
      try {
        await()
            .atMost(Duration.ofSeconds(120))
            .until(() -> all.output().contains("outbox all running") || !all.isAlive());
        assertThat(all.output()).contains("outbox all running");
        HttpTestClient api = new HttpTestClient(Http.port(all.output(), "api listening on "));
        var queries = new StatusQueries(test.db.jdbcUrl(), test.db.user(), test.db.password());
        await().atMost(Duration.ofSeconds(120)).until(() -> queries.slot(test.slot).streaming());

        String email = "sentinel-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpTestClient.Response created =
            answer(
                api.postJson("/users", "{\"email\":\"" + email + "\",\"phone\":\"+14155550124\"}"));
        assertThat(created.status()).isEqualTo(201);
        String userId = SecretFilesIT.field(created.body(), "id");
        drive(api, userId);
        // Two 503s first (retries, logged), then the provider's success.
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> providers.emails().size() >= 2 && providers.sms().size() >= 2);
        assertThat(providers.emails().get(0).headers().get("authorization"))
            .as("the key was used")
            .isEqualTo("Bearer " + SENDGRID);
        assertThat(providers.sms().get(0).headers().get("authorization"))
            .isEqualTo("Basic " + twilioCredentials());
      } finally {
        all.terminate();
        all.waitFor(Duration.ofSeconds(90));
        printed.add(all.output());
      }
    }
  }

  /** Good and bad requests; every answer is kept for the grep. */
  private void drive(HttpTestClient api, String userId) throws Exception {
    assertThat(answer(api.postJson("/users", "{\"email\": \"x@example.com\",")).status())
        .isEqualTo(400);
    assertThat(answer(api.postJson("/users", "{\"email\": 12345}")).status()).isEqualTo(400);
    assertThat(
            answer(api.get("/admin/outbox", "Authorization", "Bearer wrong-token-0123456789"))
                .status())
        .isEqualTo(401);
    assertThat(answer(api.get("/admin/outbox", "Authorization", "Bearer " + VERIFICATION)).status())
        .isEqualTo(401);
    assertThat(answer(api.get("/admin/relay", "Authorization", "Basic " + ADMIN)).status())
        .isEqualTo(401);
    assertThat(answer(api.get("/admin/outbox", "Authorization", "Bearer " + ADMIN)).status())
        .isEqualTo(200);
    assertThat(answer(api.get("/admin/relay", "Authorization", "Bearer " + ADMIN)).status())
        .isEqualTo(200);
    assertThat(
            answer(api.postJson("/users/" + userId + "/verify-email", "{\"token\":\"1.forged\"}"))
                .status())
        .isBetween(400, 403);
    assertThat(answer(api.get("/users/" + userId + "/verify-email?token=1.x")).status())
        .isBetween(400, 403);
    assertThat(answer(api.postJson("/orders", "{\"user_id\": \"" + userId + "\"}")).status())
        .isBetween(400, 422);
    assertThat(answer(api.get("/no/such/route")).status()).isEqualTo(404);
    answer(api.get("/health"));
    answer(api.get("/ready"));
    answer(api.get("/metrics"));
  }

  /** Commands that stop on their configuration or their broker: what they print is grepped too. */
  private void configurationErrors(Map<String, String> env) throws Exception {
    Map<String, String> shortSecrets = new HashMap<>(env);
    shortSecrets.put("ADMIN_TOKEN", "snt" + RUN);
    shortSecrets.put("EMAIL_VERIFICATION_SECRET", "sentinel-" + RUN);
    assertThat(run(shortSecrets, "api")).isEqualTo(78);

    Map<String, String> badValues = new HashMap<>(env);
    badValues.put("EVENT_BUS_URL", "amqp://guest:" + BUS + "@127.0.0.1:notaport/");
    badValues.put("EMAIL_ADAPTER", "smtp");
    badValues.put("SMTP_HOST", "127.0.0.1");
    badValues.put("SMTP_PORT", "0");
    badValues.put("SMTP_USERNAME", "outbox");
    badValues.put("SMTP_PASSWORD", SMTP);
    badValues.remove("TWILIO_FROM");
    assertThat(run(badValues, "notifier")).isEqualTo(78);

    Map<String, String> noBroker = new HashMap<>(env);
    noBroker.put("EVENT_BUS_URL", "amqp://guest:" + BUS + "@127.0.0.1:" + Http.freePort() + "/");
    assertThat(run(noBroker, "notifier")).isNotZero();

    Map<String, String> noDatabase = new HashMap<>(env);
    noDatabase.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + Http.freePort() + "/outbox");
    assertThat(run(noDatabase, "status")).isNotZero();
  }

  private int run(Map<String, String> env, String... command) throws Exception {
    StringBuilder output = new StringBuilder();
    int code = JarProcess.run(env, output, command);
    printed.add(output.toString());
    return code;
  }

  private HttpTestClient.Response answer(HttpTestClient.Response response) {
    answers.add(response.raw().headers().map() + "\n" + response.body());
    return response;
  }

  private static void assertNoSentinel(String text) {
    for (String sentinel :
        List.of(
            ADMIN,
            VERIFICATION,
            DB_PASSWORD,
            SENDGRID,
            TWILIO,
            SMTP,
            BUS,
            twilioCredentials(),
            RUN)) {
      assertThat(text).as("a secret shown").doesNotContain(sentinel);
    }
  }

  private static String twilioCredentials() {
    return Base64.getEncoder()
        .encodeToString((SID + ":" + TWILIO).getBytes(StandardCharsets.UTF_8));
  }

  // A role of its own, so that the database password is a sentinel wherever the server checks it.
  private static void createRole(String role) throws Exception {
    try (Connection c = TestServices.postgres().connect();
        Statement s = c.createStatement()) {
      s.execute(
          "create role " + role + " login superuser replication password '" + DB_PASSWORD + "'");
    }
  }

  private static void dropRole(String role) throws Exception {
    try (Connection c = TestServices.postgres().connect();
        Statement s = c.createStatement()) {
      s.execute("drop role if exists " + role);
    }
  }
}
