package dev.outbox.relay.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ArrivalCheckTest {

  static final UUID A1 = UUID.randomUUID();
  static final UUID A2 = UUID.randomUUID();
  static final UUID B1 = UUID.randomUUID();
  static final List<CommitOrder.Insert> COMMITS =
      List.of(
          new CommitOrder.Insert(A1, "a"),
          new CommitOrder.Insert(B1, "b"),
          new CommitOrder.Insert(A2, "a"));

  @Test
  void arrivals_in_commit_order_per_aggregate_pass_whatever_the_order_across_aggregates() {
    ArrivalCheck check = ArrivalCheck.of(COMMITS, List.of(B1, A1, A2));

    assertThat(check.outOfOrder()).isEmpty();
    assertThat(check.lost()).isEmpty();
    assertThat(check.unknown()).isEmpty();
  }

  @Test
  void an_event_arriving_after_a_later_commit_of_its_aggregate_is_out_of_order() {
    ArrivalCheck check = ArrivalCheck.of(COMMITS, List.of(A2, B1, A1));

    assertThat(check.outOfOrder()).containsExactly(A1);
  }

  @Test
  void missing_and_unknown_arrivals_are_named() {
    UUID stranger = UUID.randomUUID();

    ArrivalCheck check = ArrivalCheck.of(COMMITS, List.of(A1, stranger, A2));

    assertThat(check.lost()).containsExactly(B1);
    assertThat(check.unknown()).containsExactly(stranger);
  }

  @Test
  void test_decoding_lines_of_outbox_inserts_are_parsed_and_others_ignored() {
    String line =
        "table public.outbox_events: INSERT: id[uuid]:'0b9c3f3e-7c5a-4a55-9d7e-2f3f1c1d2e3f'"
            + " aggregate_type[character varying]:'snap'"
            + " aggregate_id[uuid]:'5d1e6a2b-1111-4c4c-8d8d-123456789abc'"
            + " event_type[character varying]:'snap.happened' payload[jsonb]:'{}'";

    assertThat(CommitOrder.parse(line))
        .contains(
            new CommitOrder.Insert(
                UUID.fromString("0b9c3f3e-7c5a-4a55-9d7e-2f3f1c1d2e3f"),
                "5d1e6a2b-1111-4c4c-8d8d-123456789abc"));
    assertThat(CommitOrder.parse("table public.outbox_events: UPDATE: id[uuid]:'x'")).isEmpty();
    assertThat(CommitOrder.parse("BEGIN")).isEmpty();
  }
}
