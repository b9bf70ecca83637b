package dev.outbox.core.application.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbox.core.application.InMemoryCore;
import dev.outbox.core.domain.InvalidValue;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class IdempotentRequestsTest {

  final InMemoryCore core = new InMemoryCore();
  final IdempotentRequests requests = core.useCases.idempotentRequests();
  final AtomicInteger runs = new AtomicInteger();

  Supplier<StoredResponse> work(int status) {
    return () -> new StoredResponse(status, "{\"run\":" + runs.incrementAndGet() + "}");
  }

  @Test
  void the_same_key_and_request_twice_runs_the_work_once_and_replays_its_response() {
    StoredResponse first = requests.execute("key-1", "fp", work(201));
    StoredResponse second = requests.execute("key-1", "fp", work(201));

    assertThat(runs).hasValue(1);
    assertThat(second).isEqualTo(first).isEqualTo(new StoredResponse(201, "{\"run\":1}"));
  }

  @Test
  void the_same_key_with_another_request_is_refused() {
    requests.execute("key-1", "fp-a", work(201));

    assertThatThrownBy(() -> requests.execute("key-1", "fp-b", work(201)))
        .isInstanceOf(IdempotencyKeyReused.class)
        .hasMessageContaining("key-1");
    assertThat(runs).hasValue(1);
  }

  @Test
  void failed_work_stores_nothing_and_a_retry_runs_again() {
    assertThatThrownBy(
            () ->
                requests.execute(
                    "key-1",
                    "fp",
                    () -> {
                      runs.incrementAndGet();
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");

    assertThat(core.idempotencyKeys.size()).isZero();
    assertThat(requests.execute("key-1", "fp", work(201)).body()).isEqualTo("{\"run\":2}");
  }

  @Test
  void a_key_older_than_24_hours_counts_as_absent() {
    requests.execute("key-1", "fp-a", work(201));
    core.clock.advance(Duration.ofHours(24).plusSeconds(1));

    StoredResponse again = requests.execute("key-1", "fp-b", work(201));

    assertThat(again.body()).isEqualTo("{\"run\":2}");
  }

  @Test
  void a_key_younger_than_24_hours_is_still_remembered() {
    requests.execute("key-1", "fp", work(201));
    core.clock.advance(Duration.ofHours(23));

    requests.execute("key-1", "fp", work(201));

    assertThat(runs).hasValue(1);
  }

  @Test
  void distinct_keys_run_independently() {
    requests.execute("key-1", "fp", work(201));
    requests.execute("key-2", "fp", work(201));

    assertThat(runs).hasValue(2);
  }

  @Test
  void a_blank_or_too_long_key_is_refused() {
    assertThatThrownBy(() -> requests.execute(" ", "fp", work(201)))
        .isInstanceOf(InvalidValue.class);
    assertThatThrownBy(() -> requests.execute("k".repeat(256), "fp", work(201)))
        .isInstanceOf(InvalidValue.class);
    assertThatThrownBy(() -> requests.execute("key-1", null, work(201)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(runs).hasValue(0);
  }
}
