package dev.outbox.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outbox.api.ApiFixtures;
import dev.outbox.api.RunningApi;
import dev.outbox.testing.HttpTestClient;
import dev.outbox.testing.HttpTestClient.Response;
import dev.outbox.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class AdminRoutesIT {

  static final String SLOT = TestDatabase.uniqueName("api_admin_slot");
  static final RunningApi running =
      RunningApi.start(
          "api_admin",
          java.util.Map.of("ADMIN_TOKEN", RunningApi.ADMIN_TOKEN, "CDC_SLOT_NAME", SLOT));
  static final HttpTestClient http = running.http();
  static final String BEARER = "Bearer " + RunningApi.ADMIN_TOKEN;

  @AfterAll
  static void stop() {
    running.close();
  }

  @Test
  void admin_routes_refuse_requests_without_the_token_with_401() {
    for (String path : new String[] {"/admin/outbox", "/admin/relay"}) {
      Response none = http.get(path);
      Response wrong = http.get(path, "Authorization", "Bearer not-the-token-0123456789");
      Response prefix = http.get(path, "Authorization", BEARER.substring(0, BEARER.length() - 1));
      Response basic = http.get(path, "Authorization", "Basic " + RunningApi.ADMIN_TOKEN);

      assertThat(none.status()).isEqualTo(401);
      assertThat(none.contentType()).startsWith("application/problem+json");
      assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(prefix.status()).isEqualTo(401);
      assertThat(basic.status()).isEqualTo(401);
    }
  }

  @Test
  void the_outbox_backlog_counts_pending_and_parked_events() {
    long before = pending();
    ApiFixtures.createUser(http);
    ApiFixtures.createUser(http);
    running.execute(
        "update outbox_events set parked_at = now(), last_error = 'test'"
            + " where id = (select id from outbox_events order by created_at desc limit 1)");

    Response response = http.get("/admin/outbox", "Authorization", BEARER);

    assertThat(response.status()).isEqualTo(200);
    JsonNode backlog = response.json();
    assertThat(backlog.get("pending").asLong()).isEqualTo(before + 1);
    assertThat(backlog.get("parked").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(backlog.get("oldest_pending_age_seconds").asDouble()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void the_relay_route_reports_a_missing_slot_then_its_position_and_lag() {
    Response missing = http.get("/admin/relay", "Authorization", BEARER);
    running.execute("select pg_create_logical_replication_slot('" + SLOT + "', 'pgoutput')");
    ApiFixtures.createUser(http);

    Response present = http.get("/admin/relay", "Authorization", BEARER);

    assertThat(missing.status()).isEqualTo(200);
    assertThat(missing.json().get("exists").asBoolean()).isFalse();
    assertThat(present.status()).isEqualTo(200);
    JsonNode slot = present.json();
    assertThat(slot.get("slot_name").asText()).isEqualTo(SLOT);
    assertThat(slot.get("exists").asBoolean()).isTrue();
    assertThat(slot.get("wal_status").asText()).isNotBlank();
    assertThat(slot.get("confirmed_flush_lsn").asText()).matches("[0-9A-F]+/[0-9A-F]+");
    assertThat(slot.get("lag_bytes").asLong()).isPositive();
  }

  private long pending() {
    return http.get("/admin/outbox", "Authorization", BEARER).json().get("pending").asLong();
  }
}
