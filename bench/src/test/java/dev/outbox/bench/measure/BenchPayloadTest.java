package dev.outbox.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BenchPayloadTest {

  private static BenchPayload parse(String body) {
    return BenchPayload.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void reads_the_payload_nested_in_the_relays_envelope() {
    var payload =
        parse(
            "{\"id\":\"a\",\"type\":\"user.created\",\"payload\":{\"email\": \"u@x\","
                + " \"bench_seq\": 42, \"bench_step\": 7, \"bench_commit_us\": 1764218000123456}}");

    assertThat(payload).isEqualTo(new BenchPayload(7, 42, 1764218000123456L));
  }

  @Test
  void reads_the_payload_debezium_sends_as_an_escaped_json_string() {
    var payload =
        parse("\"{\\\"bench_seq\\\": 3, \\\"bench_step\\\": 2, \\\"bench_commit_us\\\": 99}\"");

    assertThat(payload).isEqualTo(new BenchPayload(2, 3, 99));
  }

  @Test
  void a_body_without_the_benchmark_fields_is_not_a_benchmark_payload() {
    assertThat(parse("{\"bench_seq\": 3, \"other\": 1}")).isNull();
    assertThat(parse("{\"bench_seq\": \"x\", \"bench_step\": 1, \"bench_commit_us\": 2}")).isNull();
  }
}
