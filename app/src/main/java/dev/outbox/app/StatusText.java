package dev.outbox.app;

/** The text form of {@link StatusReport}: the relay's lines, the dead letters, the lag check. */
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
    if (report.maxLag() != null) {
      text.append("\nmax lag              ")
          .append(report.maxLag().toMillis())
          .append(" ms, ")
          .append(report.lagExceeded() ? "exceeded" : "not exceeded");
    }
    return text.toString();
  }
}
