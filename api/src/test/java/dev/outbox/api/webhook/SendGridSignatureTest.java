package dev.outbox.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.api.error.ApiProblem;
import dev.outbox.api.error.ProblemType;
import dev.outbox.testing.MutableClock;
import dev.outbox.testing.providers.SendGridStandIn;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SendGridSignatureTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final byte[] BODY = "[{\"event\":\"delivered\"}]".getBytes(StandardCharsets.UTF_8);

  private final SendGridStandIn standIn = new SendGridStandIn();
  private final MutableClock clock = new MutableClock(NOW);

  private SendGridSignature signature() throws Exception {
    ECPublicKey key =
        (ECPublicKey)
            KeyFactory.getInstance("EC")
                .generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(standIn.publicKey())));
    return new SendGridSignature(Optional.of(key), Duration.ofMinutes(5), clock);
  }

  private static ProblemType refusal(Runnable check) {
    try {
      check.run();
    } catch (ApiProblem e) {
      return e.type();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void a_signature_over_timestamp_and_body_verifies_within_the_tolerance() throws Exception {
    SendGridSignature signature = signature();
    String ts = Long.toString(NOW.minusSeconds(299).getEpochSecond());

    assertThatCode(() -> signature.check(standIn.sign(ts, BODY), ts, BODY))
        .doesNotThrowAnyException();
  }

  @Test
  void stale_future_forged_and_missing_signatures_are_refused() throws Exception {
    SendGridSignature signature = signature();
    String stale = Long.toString(NOW.minusSeconds(301).getEpochSecond());
    String future = Long.toString(NOW.plusSeconds(301).getEpochSecond());
    String now = Long.toString(NOW.getEpochSecond());
    String forged = new SendGridStandIn().sign(now, BODY);

    assertThat(refusal(() -> signature.check(standIn.sign(stale, BODY), stale, BODY)))
        .isEqualTo(ProblemType.SIGNATURE_INVALID);
    assertThat(refusal(() -> signature.check(standIn.sign(future, BODY), future, BODY)))
        .isEqualTo(ProblemType.SIGNATURE_INVALID);
    assertThat(refusal(() -> signature.check(forged, now, BODY)))
        .isEqualTo(ProblemType.SIGNATURE_INVALID);
    assertThat(refusal(() -> signature.check(standIn.sign(now, BODY), "yesterday", BODY)))
        .isEqualTo(ProblemType.SIGNATURE_INVALID);
    assertThat(refusal(() -> signature.check(null, now, BODY)))
        .isEqualTo(ProblemType.SIGNATURE_MISSING);
    assertThat(refusal(() -> signature.check(standIn.sign(now, BODY), null, BODY)))
        .isEqualTo(ProblemType.SIGNATURE_MISSING);
  }

  @Test
  void without_a_key_events_are_taken_unsigned() {
    SendGridSignature unsigned =
        new SendGridSignature(Optional.empty(), Duration.ofMinutes(5), clock);

    assertThat(unsigned.required()).isFalse();
    assertThatCode(() -> unsigned.check(null, null, BODY)).doesNotThrowAnyException();
    assertThatThrownBy(() -> signature().check(null, null, BODY)).isInstanceOf(ApiProblem.class);
  }
}
