package dev.outbox.api.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IdempotentPostTest {

  @Test
  void the_fingerprint_ignores_field_order_and_whitespace() {
    assertThat(
            IdempotentPost.fingerprint("POST", "/users", json("{\"a\":1,\"b\":{\"c\":2,\"d\":3}}")))
        .isEqualTo(
            IdempotentPost.fingerprint(
                "POST", "/users", json(" { \"b\" : {\"d\":3,\"c\":2}, \"a\" : 1 } ")));
  }

  @Test
  void the_fingerprint_differs_by_method_path_and_body() {
    String base = IdempotentPost.fingerprint("POST", "/orders", json("{\"a\":1}"));

    assertThat(IdempotentPost.fingerprint("PUT", "/orders", json("{\"a\":1}"))).isNotEqualTo(base);
    assertThat(IdempotentPost.fingerprint("POST", "/users", json("{\"a\":1}"))).isNotEqualTo(base);
    assertThat(IdempotentPost.fingerprint("POST", "/orders", json("{\"a\":2}"))).isNotEqualTo(base);
    assertThat(IdempotentPost.fingerprint("POST", "/orders", json("{\"a\":\"1\"}")))
        .isNotEqualTo(base);
    assertThat(base).hasSize(64);
  }

  private static JsonNode json(String text) {
    return JsonBody.parse(text.getBytes(StandardCharsets.UTF_8));
  }
}
