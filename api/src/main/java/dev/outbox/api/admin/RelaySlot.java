package dev.outbox.api.admin;

/**
 * The relay's replication slot as PostgreSQL sees it. {@code lagBytes} is WAL written but not yet
 * confirmed by the relay; {@code retainedWalBytes} is WAL the server keeps for the slot. All but
 * the name are null (and {@code exists} false) before the relay first created its slot.
 */
record RelaySlot(
    String slotName,
    boolean exists,
    Boolean active,
    String walStatus,
    String restartLsn,
    String confirmedFlushLsn,
    String currentLsn,
    Long lagBytes,
    Long retainedWalBytes) {

  static RelaySlot missing(String slotName) {
    return new RelaySlot(slotName, false, null, null, null, null, null, null, null);
  }
}
