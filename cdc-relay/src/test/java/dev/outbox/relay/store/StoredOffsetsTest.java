package dev.outbox.relay.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoredOffsetsTest {

  private static StoredOffsets.Stored stored(String value) {
    return new StoredOffsets.Stored("k", value, 10, null, null);
  }

  @Test
  void a_snapshot_under_way_is_not_rewound_a_finished_one_or_streaming_is() {
    assertThat(
            stored("{\"lsn\":10,\"snapshot\":\"INITIAL\",\"snapshot_completed\":false}")
                .inSnapshot())
        .isTrue();
    assertThat(stored("{\"lsn\":10,\"snapshot\":\"INITIAL\"}").inSnapshot()).isTrue();
    assertThat(
            stored("{\"lsn\":10,\"snapshot\":\"INITIAL\",\"snapshot_completed\":true}")
                .inSnapshot())
        .isFalse();
    assertThat(stored("{\"lsn\":10,\"lsn_commit\":9,\"txId\":5}").inSnapshot()).isFalse();
  }

  @Test
  void the_snapshot_flags_are_read_as_debezium_reads_them() {
    // The last snapshot record ends the snapshot even where snapshot_completed is missing.
    assertThat(
            stored("{\"lsn\":10,\"snapshot\":\"INITIAL\",\"last_snapshot_record\":true}")
                .inSnapshot())
        .isFalse();
    // The boolean form older Debezium versions stored, and flags stored as text.
    assertThat(stored("{\"lsn\":10,\"snapshot\":true}").inSnapshot()).isTrue();
    assertThat(
            stored("{\"lsn\":10,\"snapshot\":\"true\",\"snapshot_completed\":\"true\"}")
                .inSnapshot())
        .isFalse();
    // Blocking and incremental snapshots are not the first-start snapshot.
    assertThat(stored("{\"lsn\":10,\"snapshot\":\"INCREMENTAL\"}").inSnapshot()).isFalse();
  }

  @Test
  void the_position_is_the_last_commit_else_the_last_change() {
    assertThat(new StoredOffsets.Stored("k", "{}", 10, 10L, 7L).position()).isEqualTo(7);
    assertThat(new StoredOffsets.Stored("k", "{}", 10, null, null).position()).isEqualTo(10);
  }
}
