package dev.outbox.app;

/**
 * The text form of {@link StatusReport}: the relay's lines, the dead letters, the bounces, the lag
 * check.
 */
final class StatusText {

  private StatusText() {}

  static String render(StatusReport report) {
    StringBuilder text = new StringBuilder(report.relay().toText()).append('\n');
    text.append("dead letters         ");
    if (report.deadLetters() != null) {
      text.append(report.deadLetters());
    } else {
      text.append("unknown: ").append(report.deadLettersUnknown());
    }
    text.append("\nprovider bounces     ")
        .append(
            report.providerBounces() == null
                ? "unknown: the notifier's delivery log cannot be read"
                : report.providerBounces());
    if (report.maxLag() != null) {
      text.append("\nmax lag              ")
          .append(report.maxLag().toMillis())
          .append(" ms, ")
          .append(report.lagExceeded() ? "exceeded" : "not exceeded");
    }
    return text.toString();
  }
}
