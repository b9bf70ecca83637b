package dev.outbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.core.application.EmailVerificationTokens;
import dev.outbox.core.domain.user.Email;
import dev.outbox.core.domain.user.UserId;
import dev.outbox.testing.HttpTestClient;
import dev.outbox.testing.HttpTestClient.Response;
import dev.outbox.testing.OutboxRows.Row;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The verification link of the welcome email, by POST and by the GET a click sends. */
class VerifyEmailIT {

  static final RunningApi running = RunningApi.start("api_verify");
  static final HttpTestClient http = running.http();
  static final EmailVerificationTokens tokens =
      new EmailVerificationTokens(RunningApi.SECRET, Clock.systemUTC());

  @AfterAll
  static void stop() {
    running.close();
  }

  @Test
  void a_valid_token_verifies_the_email_once_and_a_repeat_raises_nothing() {
    String email = ApiFixtures.uniqueEmail();
    String id = register(email);
    String body = "{\"token\":\"" + token(id, email) + "\"}";

    Response first = http.postJson("/users/" + id + "/verify-email", body);
    Response repeat = http.postJson("/users/" + id + "/verify-email", body);

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().get("email_verified").asBoolean()).isTrue();
    assertThat(first.json().get("email_verified_at").isNull()).isFalse();
    assertThat(repeat.status()).isEqualTo(200);
    assertThat(running.outbox(id))
        .extracting(Row::eventType)
        .containsExactly("user.created", "user.email_verified");
    Row verified = running.outbox(id).get(1);
    assertThat(verified.payload().get("user_id").asText()).isEqualTo(id);
    assertThat(verified.payload().get("email").asText()).isEqualTo(email);
  }

  @Test
  void the_link_of_the_email_verifies_and_answers_an_html_page() {
    String email = ApiFixtures.uniqueEmail();
    String id = register(email);

    Response response = http.get("/users/" + id + "/verify-email?token=" + token(id, email));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/html");
    assertThat(response.body()).contains("Email verified");
    assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(http.get("/users/" + id).json().get("email_verified").asBoolean()).isTrue();
    assertThat(running.outbox(id)).hasSize(2);
  }

  @Test
  void a_token_of_another_user_is_403_and_verifies_nothing() {
    String victimEmail = ApiFixtures.uniqueEmail();
    String victim = register(victimEmail);
    String attackerEmail = ApiFixtures.uniqueEmail();
    String attacker = register(attackerEmail);

    Response response =
        http.postJson(
            "/users/" + victim + "/verify-email",
            "{\"token\":\"" + token(attacker, attackerEmail) + "\"}");

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("type").asText())
        .isEqualTo("urn:outbox:problem:invalid-verification-token");
    assertThat(http.get("/users/" + victim).json().get("email_verified").asBoolean()).isFalse();
    assertThat(running.outbox(victim)).hasSize(1);
  }

  @Test
  void a_token_signed_with_another_secret_is_403() {
    String email = ApiFixtures.uniqueEmail();
    String id = register(email);
    String forged =
        new EmailVerificationTokens("another-secret-another-secret-xx", Clock.systemUTC())
            .issue(new UserId(UUID.fromString(id)), new Email(email), tomorrow());

    Response response =
        http.postJson("/users/" + id + "/verify-email", "{\"token\":\"" + forged + "\"}");

    assertThat(response.status()).isEqualTo(403);
    assertThat(running.outbox(id)).hasSize(1);
  }

  @Test
  void an_expired_token_is_403_with_its_own_problem_type() {
    String email = ApiFixtures.uniqueEmail();
    String id = register(email);
    Instant anHourAgo = Instant.now().minusSeconds(3600);
    String expired = tokens.issue(new UserId(UUID.fromString(id)), new Email(email), anHourAgo);

    Response response =
        http.postJson("/users/" + id + "/verify-email", "{\"token\":\"" + expired + "\"}");
    Response link = http.get("/users/" + id + "/verify-email?token=" + expired);

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().get("type").asText())
        .isEqualTo("urn:outbox:problem:verification-token-expired");
    assertThat(link.status()).isEqualTo(403);
    assertThat(link.contentType()).startsWith("text/html");
    assertThat(link.body()).contains("expired");
    assertThat(running.outbox(id)).hasSize(1);
  }

  @Test
  void a_malformed_token_is_400_naming_the_field() {
    String id = register(ApiFixtures.uniqueEmail());

    Response post = http.postJson("/users/" + id + "/verify-email", "{\"token\":\"abc\"}");
    Response link = http.get("/users/" + id + "/verify-email?token=%3Cscript%3E");
    Response noToken = http.get("/users/" + id + "/verify-email");

    assertThat(post.status()).isEqualTo(400);
    assertThat(post.json().get("errors").get(0).get("field").asText()).isEqualTo("token");
    assertThat(link.status()).isEqualTo(400);
    assertThat(link.body()).doesNotContain("<script>");
    assertThat(noToken.status()).isEqualTo(400);
    assertThat(running.outbox(id)).hasSize(1);
  }

  @Test
  void verifying_an_unknown_user_is_404() {
    String unknown = "0190a5c8-0000-7000-8000-000000000001";
    String token =
        tokens.issue(
            new UserId(UUID.fromString(unknown)), new Email("ada@example.com"), tomorrow());

    Response response =
        http.postJson("/users/" + unknown + "/verify-email", "{\"token\":\"" + token + "\"}");

    assertThat(response.status()).isEqualTo(404);
  }

  private static String register(String email) {
    Response response = http.postJson("/users", ApiFixtures.userBody(email));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  private static String token(String id, String email) {
    return tokens.issue(new UserId(UUID.fromString(id)), new Email(email), tomorrow());
  }

  /** When the tests' tokens expire; how long real links live is the notifier's decision. */
  private static Instant tomorrow() {
    return Instant.now().plus(Duration.ofDays(1));
  }
}
