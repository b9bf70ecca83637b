package dev.outbox.bench.notifier;

/** What one repetition measured; {@code steady} is null when the backlog did not drain. */
record NotifierResult(
    int rep,
    NotifierConsumerSettings settings,
    NotifierPhase backlog,
    NotifierPhase steady,
    NotifierTables.Audit audit,
    MessagesLog.Counts messages,
    long deadLettered) {

  /** Distinct events published over both phases. */
  int distinct() {
    return backlog.distinct() + (steady == null ? 0 : steady.distinct());
  }

  int copies() {
    return backlog.copies() + (steady == null ? 0 : steady.copies());
  }
}
