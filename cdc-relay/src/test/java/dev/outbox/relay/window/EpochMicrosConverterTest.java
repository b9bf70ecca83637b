package dev.outbox.relay.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.debezium.spi.converter.CustomConverter;
import io.debezium.spi.converter.RelationalColumn;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.junit.jupiter.api.Test;

class EpochMicrosConverterTest {

  static final long MICROS = 1_795_753_200_123_456L; // 2026-11-27T04:20:00.123456Z

  final EpochMicrosConverter converter = configured("public.outbox_events.created_at");

  @Test
  void the_named_timestamptz_column_becomes_an_int64_of_microseconds() {
    Registered r = registered(column("public.outbox_events", "created_at", "timestamptz"));

    assertThat(r.schema.build().type()).isEqualTo(Schema.Type.INT64);
    assertThat(r.schema.build().name()).isEqualTo(EpochMicrosConverter.SCHEMA_NAME);
    assertThat(r.converter.convert(OffsetDateTime.parse("2026-11-27T04:20:00.123456Z")))
        .isEqualTo(MICROS);
    assertThat(r.converter.convert(null)).isNull();
  }

  @Test
  void the_snapshot_text_and_a_default_value_give_the_same_microseconds() {
    Registered r = registered(column("public.outbox_events", "created_at", "timestamptz"));

    assertThat(r.converter.convert("2026-11-27 05:20:00.123456+01")).isEqualTo(MICROS);
    assertThat(r.converter.convert("2026-11-27 04:20:00.123456+00")).isEqualTo(MICROS);
    assertThat(r.converter.convert("2026-11-27T04:20:00.123456Z")).isEqualTo(MICROS);
    assertThat(r.converter.convert("1970-01-01T00:00:00.000000Z")).isEqualTo(0L);
    assertThat(
            r.converter.convert(
                ZonedDateTime.of(2026, 11, 27, 4, 20, 0, 123_456_000, ZoneOffset.UTC)))
        .isEqualTo(MICROS);
    assertThat(r.converter.convert(OffsetDateTime.parse("1969-12-31T23:59:59.999999Z")))
        .isEqualTo(-1L);
  }

  @Test
  void other_columns_tables_and_types_are_left_to_debezium() {
    assertThat(registered(column("public.outbox_events", "published_at", "timestamptz"))).isNull();
    assertThat(registered(column("public.relay_heartbeat", "created_at", "timestamptz"))).isNull();
    assertThat(registered(column("public.outbox_events", "created_at", "timestamp"))).isNull();
  }

  @Test
  void an_infinite_timestamp_is_an_error_naming_the_column() {
    Registered r = registered(column("public.outbox_events", "created_at", "timestamptz"));

    assertThatThrownBy(() -> r.converter.convert(OffsetDateTime.MAX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("public.outbox_events.created_at");
  }

  @Test
  void a_converter_without_columns_is_refused() {
    assertThatThrownBy(() -> configured(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("columns");
  }

  record Registered(SchemaBuilder schema, CustomConverter.Converter converter) {}

  private Registered registered(RelationalColumn column) {
    AtomicReference<Registered> registered = new AtomicReference<>();
    converter.converterFor(column, (schema, c) -> registered.set(new Registered(schema, c)));
    return registered.get();
  }

  private static EpochMicrosConverter configured(String columns) {
    Properties props = new Properties();
    props.setProperty(EpochMicrosConverter.COLUMNS, columns);
    EpochMicrosConverter converter = new EpochMicrosConverter();
    converter.configure(props);
    return converter;
  }

  private static RelationalColumn column(String table, String name, String type) {
    return new RelationalColumn() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String dataCollection() {
        return table;
      }

      @Override
      public String typeName() {
        return type;
      }

      @Override
      public String typeExpression() {
        return type;
      }

      @Override
      public OptionalInt scale() {
        return OptionalInt.empty();
      }

      @Override
      public int nativeType() {
        return 0;
      }

      @Override
      public OptionalInt length() {
        return OptionalInt.empty();
      }

      @Override
      public int jdbcType() {
        return 0;
      }

      @Override
      public boolean isOptional() {
        return true;
      }

      @Override
      public boolean hasDefaultValue() {
        return false;
      }

      @Override
      public Object defaultValue() {
        return null;
      }

      @Override
      public String charsetName() {
        return null;
      }
    };
  }
}
