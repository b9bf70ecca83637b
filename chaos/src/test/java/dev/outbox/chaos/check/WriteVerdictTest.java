package dev.outbox.chaos.check;

import static dev.outbox.chaos.check.Fixtures.at;
import static dev.outbox.chaos.check.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.chaos.load.Write;
import dev.outbox.chaos.observe.CommittedEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteVerdictTest {

  private static final List<CommittedEvent> COMMITTED =
      List.of(
          new CommittedEvent(id(1), "user", "u1", "user.created", 0),
          new CommittedEvent(id(2), "chaos", "c1", "chaos.tick", 1),
          new CommittedEvent(id(3), "user", "u2", "user.created", 2),
          new CommittedEvent(id(4), "user", "u2", "user.created", 3));

  @Test
  void api_writes_match_by_type_and_aggregate_and_sql_writes_by_event_id() {
    WriteVerdict verdict =
        WriteVerdict.of(
            List.of(
                new Write("user.created", "u1", null, at(1)),
                new Write("chaos.tick", "c1", id(2), at(2))),
            COMMITTED);

    assertThat(verdict.withoutEvent()).isEmpty();
    assertThat(verdict.withSeveralEvents()).isEmpty();
    assertThat(verdict.ackTimes()).containsEntry(id(1), at(1)).containsEntry(id(2), at(2));
  }

  @Test
  void an_acknowledged_write_without_its_event_and_one_with_two_both_fail() {
    WriteVerdict verdict =
        WriteVerdict.of(
            List.of(
                new Write("order.placed", "o9", null, at(1)),
                new Write("user.created", "u2", null, at(2))),
            COMMITTED);

    assertThat(verdict.withoutEvent()).extracting(Write::aggregateId).containsExactly("o9");
    assertThat(verdict.withSeveralEvents()).extracting(Write::aggregateId).containsExactly("u2");
    assertThat(verdict.passed()).isFalse();
  }
}
