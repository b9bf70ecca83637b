package dev.outbox.chaos.observe;

import java.util.UUID;

/**
 * One outbox insert as the commit-order slot decoded it.
 *
 * @param position the insert's place in commit order (transactions in commit order, inserts in
 *     statement order within one), from 0
 */
public record CommittedEvent(
    UUID id, String aggregateType, String aggregateId, String type, long position) {

  /** The aggregate the event belongs to; order of events is promised per aggregate. */
  public String aggregate() {
    return aggregateType + "/" + aggregateId;
  }
}
