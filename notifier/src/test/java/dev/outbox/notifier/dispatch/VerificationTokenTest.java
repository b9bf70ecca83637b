package dev.outbox.notifier.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VerificationTokenTest {

  private static final UUID USER = UUID.fromString("0190a5c8-0000-7000-8000-000000000001");

  @Test
  void reproduces_the_test_vector_of_the_event_contract() {
    String token =
        new VerificationToken("test-secret")
            .issue(USER, "ada@example.com", Instant.ofEpochSecond(1_900_000_000L));

    assertThat(token).isEqualTo("1900000000.YVmBZdLXOiPnw-5JoTbnamkmow6SjG3yXlAs99vwwRQ");
  }

  @Test
  void signs_the_address_in_lower_case_as_stored() {
    VerificationToken tokens = new VerificationToken("test-secret");
    Instant expiry = Instant.ofEpochSecond(1_900_000_000L);

    assertThat(tokens.issue(USER, "Ada@Example.COM", expiry))
        .isEqualTo(tokens.issue(USER, "ada@example.com", expiry));
  }

  @Test
  void another_secret_gives_another_token() {
    Instant expiry = Instant.ofEpochSecond(1_900_000_000L);

    assertThat(new VerificationToken("other").issue(USER, "ada@example.com", expiry))
        .isNotEqualTo("1900000000.YVmBZdLXOiPnw-5JoTbnamkmow6SjG3yXlAs99vwwRQ");
  }

  @Test
  void refuses_an_empty_secret() {
    assertThatThrownBy(() -> new VerificationToken(""))
        .hasMessageContaining("EMAIL_VERIFICATION_SECRET");
  }
}
