package dev.outbox.relay.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.debezium.pipeline.source.spi.EventMetadataProvider;
import io.debezium.pipeline.spi.OffsetContext;
import io.debezium.spi.schema.DataCollectionId;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class LastEventSummaryTest {

  static final Instant AT = Instant.parse("2026-12-01T15:00:00Z");

  /** A provider as Debezium's: its summary is the one the relay must not compute. */
  static final EventMetadataProvider DEBEZIUMS =
      new EventMetadataProvider() {
        @Override
        public Instant getEventTimestamp(
            DataCollectionId source, OffsetContext offset, Object key, Struct value) {
          return AT;
        }

        @Override
        public Map<String, String> getEventSourcePosition(
            DataCollectionId source, OffsetContext offset, Object key, Struct value) {
          return Map.of("lsn", "42");
        }

        @Override
        public String getTransactionId(
            DataCollectionId source, OffsetContext offset, Object key, Struct value) {
          return "tx-7";
        }

        @Override
        public String toSummaryString(
            DataCollectionId source, OffsetContext offset, Object key, Struct value) {
          throw new AssertionError("the per-event summary was computed");
        }
      };

  @Test
  void everything_but_the_summary_is_debeziums() {
    var provider = new LastEventSummary.WithoutSummary(DEBEZIUMS);

    assertThat(provider.getEventTimestamp(null, null, null, null)).isEqualTo(AT);
    assertThat(provider.getEventSourcePosition(null, null, null, null)).containsEntry("lsn", "42");
    assertThat(provider.getTransactionId(null, null, null, null)).isEqualTo("tx-7");
    assertThat(provider.getTransactionInfo(null, null, null, null).getTransactionId())
        .isEqualTo("tx-7");
    assertThat(provider.toSummaryString(null, null, null, null))
        .isEqualTo(LastEventSummary.SUMMARY);
  }

  @Test
  void a_coordinator_whose_metrics_are_not_found_keeps_the_summary_without_failing() {
    assertThat(LastEventSummary.turnOff(null)).isFalse();
  }
}
