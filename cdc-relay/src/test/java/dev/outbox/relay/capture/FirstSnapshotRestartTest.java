package dev.outbox.relay.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbox.relay.capture.FirstSnapshotRestart.Slot;
import dev.outbox.relay.capture.FirstSnapshotRestart.Step;
import dev.outbox.relay.store.StoredOffsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FirstSnapshotRestartTest {

  private static Optional<StoredOffsets.Stored> stored(String value) {
    return Optional.of(new StoredOffsets.Stored("k", value, 10, null, null));
  }

  private static final Optional<StoredOffsets.Stored> SNAPSHOT_UNDER_WAY =
      stored(
          "{\"lsn\":10,\"txId\":7,\"snapshot\":\"INITIAL\",\"last_snapshot_record\":false,"
              + "\"snapshot_completed\":false}");
  private static final Optional<StoredOffsets.Stored> SNAPSHOT_LAST_RECORD =
      stored(
          "{\"lsn\":10,\"txId\":7,\"snapshot\":\"INITIAL\",\"last_snapshot_record\":true,"
              + "\"snapshot_completed\":true}");
  private static final Optional<StoredOffsets.Stored> STREAMING =
      stored(
          "{\"lsn\":30,\"lsn_proc\":30,\"lsn_commit\":20,\"txId\":9,\"messageType\":\"INSERT\"}");

  @Test
  void a_first_start_creates_its_slot_as_debezium_does() {
    assertThat(FirstSnapshotRestart.decide(Slot.ABSENT, Optional.empty())).isEqualTo(Step.NONE);
  }

  @Test
  void a_slot_whose_snapshot_was_cut_short_is_recreated() {
    assertThat(FirstSnapshotRestart.decide(Slot.USABLE, SNAPSHOT_UNDER_WAY))
        .isEqualTo(Step.RECREATE_SLOT);
  }

  @Test
  void a_slot_without_any_stored_position_is_recreated() {
    // Killed before the first offset commit: during the snapshot, or after an empty one.
    assertThat(FirstSnapshotRestart.decide(Slot.USABLE, Optional.empty()))
        .isEqualTo(Step.RECREATE_SLOT);
  }

  @Test
  void a_finished_snapshot_and_a_streaming_position_resume_as_stored() {
    assertThat(FirstSnapshotRestart.decide(Slot.USABLE, SNAPSHOT_LAST_RECORD)).isEqualTo(Step.NONE);
    assertThat(FirstSnapshotRestart.decide(Slot.USABLE, STREAMING)).isEqualTo(Step.NONE);
  }

  @Test
  void a_rewound_position_of_a_wal_replay_resumes_as_stored() {
    assertThat(FirstSnapshotRestart.decide(Slot.USABLE, stored("{\"lsn\":10}")))
        .isEqualTo(Step.NONE);
  }

  @Test
  void a_snapshot_position_whose_slot_is_gone_is_forgotten() {
    assertThat(FirstSnapshotRestart.decide(Slot.ABSENT, SNAPSHOT_UNDER_WAY))
        .isEqualTo(Step.FORGET_OFFSET);
  }

  @Test
  void a_streamed_position_whose_slot_is_missing_or_lost_is_a_slot_loss() {
    assertThat(FirstSnapshotRestart.decide(Slot.ABSENT, STREAMING)).isEqualTo(Step.SLOT_LOST);
    assertThat(FirstSnapshotRestart.decide(Slot.LOST, STREAMING)).isEqualTo(Step.SLOT_LOST);
    assertThat(FirstSnapshotRestart.decide(Slot.LOST, SNAPSHOT_LAST_RECORD))
        .isEqualTo(Step.SLOT_LOST);
    assertThat(FirstSnapshotRestart.decide(Slot.ABSENT, stored("{\"lsn\":10}")))
        .isEqualTo(Step.SLOT_LOST);
  }

  @Test
  void a_lost_slot_that_never_finished_its_snapshot_is_recreated_as_one() {
    assertThat(FirstSnapshotRestart.decide(Slot.LOST, Optional.empty()))
        .isEqualTo(Step.RECREATE_SLOT);
    assertThat(FirstSnapshotRestart.decide(Slot.LOST, SNAPSHOT_UNDER_WAY))
        .isEqualTo(Step.RECREATE_SLOT);
  }
}
