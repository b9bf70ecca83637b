package dev.outbox.chaos.fault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaultSequenceTest {

  @Test
  void the_kinds_interleave_round_by_round_until_each_is_used_up() {
    var names =
        FaultSequence.of(new FaultCounts(2, 2, 1, 1, 1, 1)).stream().map(Fault::name).toList();

    assertThat(names)
        .containsExactly(
            "relay-kill-1",
            "notifier-kill-1",
            "broker-restart-1",
            "walsender-kill-1",
            "broker-kill-1",
            "postgres-restart-1",
            "relay-kill-2",
            "notifier-kill-2");
  }
}
