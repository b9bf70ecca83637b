package dev.outbox.app;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Logback's own {@link JsonEncoder} (one object per line: level, threadName, loggerName, mdc,
 * throwable), led by a {@code timestamp} with date and zone ({@code 2026-12-01T12:00:00.123Z}) and
 * the formatted {@code message}: log shippers read those without a pattern, where logback writes
 * epoch milliseconds and the unformatted template with its arguments apart.
 */
public final class IsoJsonEncoder extends JsonEncoder {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private final ZoneId zone = ZoneId.systemDefault();

  public IsoJsonEncoder() {
    setWithSequenceNumber(false);
    setWithTimestamp(false);
    setWithNanoseconds(false);
    setWithContext(false);
    setWithMessage(false);
    setWithArguments(false);
    setWithFormattedMessage(false);
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    String base = new String(super.encode(event), StandardCharsets.UTF_8);
    String lead =
        "{\"timestamp\":\""
            + TIME.format(Instant.ofEpochMilli(event.getTimeStamp()).atZone(zone))
            + "\",\"message\":\""
            + new String(quote(event.getFormattedMessage()))
            + "\",";
    // The base always opens with "{" and holds at least the level.
    return (lead + base.substring(1)).getBytes(StandardCharsets.UTF_8);
  }

  private static char[] quote(String text) {
    return JsonStringEncoder.getInstance().quoteAsString(text == null ? "" : text);
  }
}
