package dev.outbox.relay.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Offsets as Debezium 3.6.1 writes them for PostgreSQL. Transactions in the tests, in commit order:
 * A (commit 200), B (changes 150 and 260, commit 300: it began before A committed), C (change 310,
 * commit 400). A change record carries the commit processed before its own transaction.
 */
class WalReplayEndTest {

  private static Map<String, Object> change(long lsn, long txId, Long commitBefore) {
    Map<String, Object> offset = new HashMap<>();
    offset.put("lsn", lsn);
    offset.put("txId", txId);
    offset.put("messageType", "INSERT");
    if (commitBefore != null) {
      offset.put("lsn_commit", commitBefore);
      offset.put("lsn_proc", lsn);
    }
    return offset;
  }

  private static String json(Map<String, Object> offset) {
    return dev.outbox.json.Json.mapper().valueToTree(offset).toString();
  }

  @Test
  void stored_at_a_change_ends_at_that_very_record_not_at_an_earlier_position_of_it() {
    // The relay had published B's first change (150), stored with lsn_commit 200 (A's commit).
    WalReplayEnd end = WalReplayEnd.of(json(change(150, 2, 200L)));

    assertThat(end.reachedBy(change(100, 1, null))).isFalse(); // A, first after the rewind
    assertThat(end.reachedBy(change(150, 2, 200L))).isTrue(); // the stored record itself
    assertThat(end.reachedBy(change(260, 2, 200L))).isTrue(); // B goes on: live
    assertThat(end.reachedBy(change(310, 3, 300L))).isTrue(); // C
  }

  @Test
  void stored_at_a_change_a_transaction_interleaved_before_it_is_not_the_end() {
    // Stored at C's change 310 (lsn_commit 300, B's commit). B's change 260 lies below it in the
    // WAL, yet B was published before C: positions interleave, only the commit order counts.
    WalReplayEnd end = WalReplayEnd.of(json(change(310, 3, 300L)));

    assertThat(end.reachedBy(change(150, 2, 200L))).isFalse();
    assertThat(end.reachedBy(change(260, 2, 200L))).isFalse();
    assertThat(end.reachedBy(change(310, 3, 300L))).isTrue();
    assertThat(end.reachedBy(change(420, 4, 400L))).isTrue();
  }

  @Test
  void stored_after_a_commit_ends_with_the_next_transaction() {
    // A heartbeat record after B's commit: lsn and lsn_commit are B's commit, type COMMIT.
    Map<String, Object> afterB = change(300, 2, 300L);
    afterB.put("messageType", "COMMIT");
    WalReplayEnd end = WalReplayEnd.of(json(afterB));

    assertThat(end.reachedBy(change(150, 2, 200L))).isFalse(); // B itself was published
    assertThat(end.reachedBy(change(260, 2, 200L))).isFalse();
    assertThat(end.reachedBy(change(310, 3, 300L))).isTrue(); // C: after B's commit
  }

  @Test
  void the_first_transaction_after_the_rewind_carries_no_commit_and_ends_only_by_its_identity() {
    WalReplayEnd end = WalReplayEnd.of(json(change(150, 2, 200L)));

    assertThat(end.reachedBy(change(140, 9, null))).isFalse();
    assertThat(end.reachedBy(change(150, 2, null))).isTrue();
  }

  @Test
  void a_stored_offset_without_a_commit_ends_at_the_first_commit_beyond_its_position() {
    Map<String, Object> bare = new HashMap<>(Map.of("lsn", 250L));
    WalReplayEnd end = WalReplayEnd.of(json(bare));

    assertThat(end.reachedBy(change(260, 2, 200L))).isFalse();
    assertThat(end.reachedBy(change(310, 3, 300L))).isTrue();
  }
}
