package dev.outbox.chaos.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TestDecodingLineTest {

  private static final String INSERT =
      "table public.outbox_events: INSERT: id[uuid]:'0190a5c8-0000-7000-8000-000000000001'"
          + " aggregate_type[character varying]:'user'"
          + " aggregate_id[uuid]:'0190a5c8-0000-7000-8000-0000000000aa'"
          + " event_type[character varying]:'user.created'"
          + " payload[jsonb]:'{\"name\": \"O''Brien\", \"note\": \"a b]: c\"}'"
          + " created_at[timestamp with time zone]:'2026-12-01 10:00:00.1+00'"
          + " published_at[timestamp with time zone]:null retry_count[integer]:0"
          + " tags[text[]]:'{a,b}' last_error[text]:null";

  @Test
  void an_insert_gives_every_column_with_quotes_unescaped_and_nulls_as_null() {
    Map<String, String> row =
        TestDecodingLine.insertInto("public.outbox_events", INSERT).orElseThrow();

    assertThat(row)
        .containsEntry("id", "0190a5c8-0000-7000-8000-000000000001")
        .containsEntry("aggregate_type", "user")
        .containsEntry("event_type", "user.created")
        .containsEntry("payload", "{\"name\": \"O'Brien\", \"note\": \"a b]: c\"}")
        .containsEntry("created_at", "2026-12-01 10:00:00.1+00")
        .containsEntry("published_at", null)
        .containsEntry("retry_count", "0")
        .containsEntry("tags", "{a,b}")
        .containsEntry("last_error", null);
  }

  @Test
  void other_tables_and_other_operations_are_not_inserts_into_the_outbox() {
    assertThat(TestDecodingLine.insertInto("public.outbox_events", "BEGIN 1234")).isEmpty();
    assertThat(
            TestDecodingLine.insertInto(
                "public.outbox_events",
                "table public.outbox_events: UPDATE: id[uuid]:'x' published_at[timestamp with time zone]:'y'"))
        .isEmpty();
    assertThat(
            TestDecodingLine.insertInto(
                "public.outbox_events", "table public.users: INSERT: id[uuid]:'x'"))
        .isEmpty();
  }

  @Test
  void the_commit_log_turns_the_columns_into_an_event_at_its_position() {
    Map<String, String> row =
        TestDecodingLine.insertInto("public.outbox_events", INSERT).orElseThrow();

    CommittedEvent event = CommitLog.event(row, 7);

    assertThat(event.aggregate()).isEqualTo("user/0190a5c8-0000-7000-8000-0000000000aa");
    assertThat(event.type()).isEqualTo("user.created");
    assertThat(event.position()).isEqualTo(7);
  }
}
