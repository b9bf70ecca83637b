package dev.outbox.relay.window;

import io.debezium.connector.postgresql.connection.DateTimeFormat;
import io.debezium.spi.converter.CustomConverter;
import io.debezium.spi.converter.RelationalColumn;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * A Debezium custom converter (the {@code converters} property) that hands the named timestamptz
 * columns over as microseconds since the epoch (INT64) instead of Debezium's ISO-8601 string.
 *
 * <p>Debezium 3.6.1 always emits timestamptz as {@code io.debezium.time.ZonedTimestamp}, whatever
 * {@code time.precision.mode} says: it formats the decoded {@code OffsetDateTime} into a string
 * ({@code ZonedTimestamp.toIsoString}) and the relay parsed it back (with the text parse below,
 * thirteen per cent of the relay's CPU samples in issue 17's first profile). A registered converter
 * replaces that formatting and the parse back; the pgoutput text's own parse stays Debezium's. It
 * gets the value the connector decoded (streaming: an {@code OffsetDateTime} at UTC; the
 * first-start snapshot: PostgreSQL's text, read as a string; a column default: Debezium's ISO
 * string) and its result goes into the record as it is. PostgreSQL keeps microseconds, so nothing
 * is lost.
 *
 * <p>Property {@value #COLUMNS}: the columns, comma-separated, as {@code schema.table.column}.
 */
public final class EpochMicrosConverter
    implements CustomConverter<SchemaBuilder, RelationalColumn> {

  /** The converter property naming its columns. */
  public static final String COLUMNS = "columns";

  /** The schema name of the converted field. */
  public static final String SCHEMA_NAME = "dev.outbox.relay.EpochMicros";

  private Set<String> columns = Set.of();

  @Override
  public void configure(Properties props) {
    columns =
        Arrays.stream(props.getProperty(COLUMNS, "").split(","))
            .map(String::trim)
            .filter(name -> !name.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    if (columns.isEmpty()) {
      throw new IllegalArgumentException(
          "EpochMicrosConverter: property '" + COLUMNS + "' names no column");
    }
  }

  @Override
  public void converterFor(
      RelationalColumn column, ConverterRegistration<SchemaBuilder> registration) {
    String name = column.dataCollection() + "." + column.name();
    if ("timestamptz".equalsIgnoreCase(column.typeName()) && columns.contains(name)) {
      registration.register(SchemaBuilder.int64().name(SCHEMA_NAME), value -> micros(name, value));
    }
  }

  static Long micros(String column, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime time) {
      return micros(column, time.toEpochSecond(), time.getNano());
    }
    if (value instanceof String text) {
      return micros(column, parse(text));
    }
    if (value instanceof ZonedDateTime time) {
      return micros(column, time.toEpochSecond(), time.getNano());
    }
    throw new IllegalArgumentException(
        column + ": unexpected timestamptz value of " + value.getClass().getName());
  }

  // The snapshot reads PostgreSQL's text (2026-11-27 04:20:00.123456+00); a column default comes
  // already formatted by Debezium's own converter (ISO-8601, 1970-01-01T00:00:00.000000Z).
  private static OffsetDateTime parse(String text) {
    return text.indexOf('T') > 0
        ? OffsetDateTime.parse(text)
        : DateTimeFormat.get().timestampWithTimeZoneToOffsetDateTime(text);
  }

  // Infinity decodes to a date far beyond a long of microseconds: an error naming the column.
  private static long micros(String column, long seconds, int nanos) {
    try {
      return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), nanos / 1_000);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(column + " is out of range (infinity?)", e);
    }
  }
}
