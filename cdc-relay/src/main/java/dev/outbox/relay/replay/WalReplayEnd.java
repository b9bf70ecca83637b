package dev.outbox.relay.replay;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.outbox.json.Json;
import java.io.IOException;
import java.util.Map;

/**
 * Whether a WAL replay has caught up with where the relay was when it rewound, judged from
 * Debezium's offset of each record (3.6.1, PostgreSQL) against the offset stored then ("through").
 *
 * <p>Every record's offset holds its change position ({@code lsn}), its transaction ({@code txId})
 * and {@code lsn_commit}, the commit processed before the record's own transaction; the stream
 * comes in commit order, so {@code lsn_commit} never goes down. Change positions alone cannot place
 * a record, as transactions interleave in the WAL.
 *
 * <ul>
 *   <li>Through was stored after a commit ({@code messageType} COMMIT, the offset of a heartbeat
 *       record): its {@code lsn_commit} is that commit, and a record whose {@code lsn_commit} is at
 *       or beyond it belongs to a later transaction.
 *   <li>Through was stored at a change (the offset of the last event published): that record
 *       itself, found again by its transaction and position, is the end; a record whose {@code
 *       lsn_commit} is beyond through's also belongs to a later transaction.
 * </ul>
 *
 * The first transaction after the rewind carries no {@code lsn_commit} (the rewound offset has
 * none), so only the second rule can end the replay there.
 */
public final class WalReplayEnd {

  private static final TypeReference<Map<String, Object>> OFFSET = new TypeReference<>() {};

  private final long lsn;
  private final Long commitLsn;
  private final Long txId;
  private final boolean afterCommit;

  private WalReplayEnd(Map<String, ?> through) {
    Long position = number(through, "lsn");
    if (position == null) {
      throw new IllegalArgumentException("a stored offset without lsn: " + through);
    }
    this.lsn = position;
    this.commitLsn = number(through, "lsn_commit");
    this.txId = number(through, "txId");
    this.afterCommit = "COMMIT".equals(through.get("messageType"));
  }

  /** The end of a replay that started when {@code throughOffset} (Debezium's JSON) was stored. */
  public static WalReplayEnd of(String throughOffset) {
    try {
      return new WalReplayEnd(Json.mapper().readValue(throughOffset, OFFSET));
    } catch (IOException e) {
      throw new IllegalArgumentException("a stored offset that is not JSON: " + throughOffset, e);
    }
  }

  /** Whether the record with {@code offset} is the end of the replay or comes after it. */
  public boolean reachedBy(Map<String, ?> offset) {
    Long recordCommit = number(offset, "lsn_commit");
    if (recordCommit != null) {
      if (commitLsn == null) {
        return recordCommit > lsn; // no commit stored: the next commit beyond the position
      }
      if (afterCommit ? recordCommit >= commitLsn : recordCommit > commitLsn) {
        return true;
      }
    }
    Long recordLsn = number(offset, "lsn");
    return !afterCommit
        && txId != null
        && txId.equals(number(offset, "txId"))
        && recordLsn != null
        && recordLsn >= lsn;
  }

  private static Long number(Map<String, ?> offset, String key) {
    return offset.get(key) instanceof Number n ? n.longValue() : null;
  }
}
