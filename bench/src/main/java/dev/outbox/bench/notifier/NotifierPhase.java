package dev.outbox.bench.notifier;

/**
 * One timed phase of a notifier repetition. Its span starts at the first event processed (backlog;
 * the launch comes before it) or at the first publish (steady); the rates are distinct events over
 * the span up to the consumer's drain, or up to the deadline for a phase cut short.
 *
 * @param notified events whose welcome email and SMS were sent by the end of the phase
 * @param counted events the analytics counted by then
 * @param launchToFirstMs launch → first event processed by both consumers (backlog only, else NaN)
 * @param toDrainedS launch (backlog) or first publish (steady) → both consumers drained; NaN when
 *     cut short
 */
record NotifierPhase(
    int distinct,
    int copies,
    long notified,
    long counted,
    double publishRate,
    double launchToFirstMs,
    double toDrainedS,
    double eventsPerSecond,
    double notificationsPerSecond,
    double analyticsPerSecond,
    double cpuMicrosPerEvent,
    double peakRssMib) {

  /**
   * Where a phase's clock starts and what it cost, in {@code Clocks} microseconds.
   *
   * @param originUs launch (backlog) or first publish (steady)
   * @param firstUs where the rates' span starts
   * @param cpuMicros the notifier's CPU time over the phase
   */
  record Span(
      int distinct, int copies, double publishRate, long originUs, long firstUs, long cpuMicros) {}

  /**
   * The phase that {@code span} saw end at {@code nowUs} with {@code notified} and {@code counted}
   * events of its own (earlier phases' taken off), drained as {@code drained} says.
   */
  static NotifierPhase of(
      Span span,
      NotifierProgress.Drained drained,
      long notified,
      long counted,
      long nowUs,
      double peakRssMib) {
    long notifiedUs = drained.notifiedUs() > 0 ? drained.notifiedUs() : nowUs;
    long countedUs = drained.countedUs() > 0 ? drained.countedUs() : nowUs;
    long bothUs = Math.max(notifiedUs, countedUs);
    boolean done = drained.notifiedUs() > 0 && drained.countedUs() > 0;
    long firstUs = span.firstUs();
    long originUs = span.originUs();
    return new NotifierPhase(
        span.distinct(),
        span.copies(),
        notified,
        counted,
        span.publishRate(),
        originUs == firstUs ? Double.NaN : (firstUs - originUs) / 1e3,
        done ? (bothUs - originUs) / 1e6 : Double.NaN,
        Math.min(notified, counted) / seconds(firstUs, bothUs),
        notified / seconds(firstUs, notifiedUs),
        counted / seconds(firstUs, countedUs),
        span.cpuMicros() / (double) Math.max(1, Math.min(notified, counted)),
        peakRssMib);
  }

  long processed() {
    return Math.min(notified, counted);
  }

  boolean complete() {
    return processed() == distinct;
  }

  private static double seconds(long fromUs, long toUs) {
    return Math.max(1e-6, (toUs - fromUs) / 1e6);
  }
}
