package dev.outbox.relay.window;

import io.debezium.pipeline.ChangeEventSourceCoordinator;
import io.debezium.pipeline.meters.CommonEventMeter;
import io.debezium.pipeline.metrics.PipelineMetrics;
import io.debezium.pipeline.source.spi.EventMetadataProvider;
import io.debezium.pipeline.spi.OffsetContext;
import io.debezium.pipeline.txmetadata.TransactionInfo;
import io.debezium.spi.schema.DataCollectionId;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns off the streaming metrics' {@code LastEvent} summary, which Debezium 3.6.1 writes for every
 * change event and which nothing in the relay reads.
 *
 * <p>{@code CommonEventMeter.onEvent} stores {@code EventMetadataProvider.toSummaryString} of each
 * event; its default prints the record key through {@code SchemaUtil.asDetailedString}, which
 * builds a new Jackson {@code ObjectMapper} per call: 12 % of the relay's CPU samples in a burst
 * (issue 17's profile, 54 of the streaming thread's 280), and no setting turns it off. The provider
 * is created inside {@code PostgresConnectorTask.start} and the meter is a private field of the
 * metrics, so after the task's start the meter's provider is wrapped, reflectively, in one that
 * answers everything as Debezium's does but the summary. The JMX attribute then reads {@value
 * #SUMMARY}. If the fields are not where 3.6.1 has them (another Debezium version), the summary
 * stays on and a warning says so: a cost, never a failure.
 *
 * <p>The streaming thread may already be running when the provider is swapped; either provider is
 * right for any event, so it needs no ordering with that thread's reads.
 */
final class LastEventSummary {

  /** What the streaming metrics' {@code LastEvent} attribute reads once this is installed. */
  static final String SUMMARY = "not recorded (outbox relay: per-event cost, issue 17)";

  private static final Logger log = LoggerFactory.getLogger(LastEventSummary.class);

  private LastEventSummary() {}

  /** Wraps the streaming meter's provider of a started coordinator; true if it is now off. */
  static boolean turnOff(ChangeEventSourceCoordinator<?, ?> coordinator) {
    try {
      Object metrics =
          DebeziumFields.read(ChangeEventSourceCoordinator.class, "streamingMetrics", coordinator);
      Object meter = DebeziumFields.read(PipelineMetrics.class, "commonEventMeter", metrics);
      Field field = DebeziumFields.field(CommonEventMeter.class, "metadataProvider");
      if (field.get(meter) instanceof EventMetadataProvider provider
          && !(provider instanceof WithoutSummary)) {
        field.set(meter, new WithoutSummary(provider));
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn("Debezium's per-event LastEvent summary stays on: {}", e.toString());
      return false;
    }
  }

  /** Debezium's provider, with a constant summary. */
  record WithoutSummary(EventMetadataProvider provider) implements EventMetadataProvider {

    @Override
    public Instant getEventTimestamp(
        DataCollectionId source, OffsetContext offset, Object key, Struct value) {
      return provider.getEventTimestamp(source, offset, key, value);
    }

    @Override
    public Map<String, String> getEventSourcePosition(
        DataCollectionId source, OffsetContext offset, Object key, Struct value) {
      return provider.getEventSourcePosition(source, offset, key, value);
    }

    @Override
    public String getTransactionId(
        DataCollectionId source, OffsetContext offset, Object key, Struct value) {
      return provider.getTransactionId(source, offset, key, value);
    }

    @Override
    public TransactionInfo getTransactionInfo(
        DataCollectionId source, OffsetContext offset, Object key, Struct value) {
      return provider.getTransactionInfo(source, offset, key, value);
    }

    @Override
    public String toSummaryString(
        DataCollectionId source, OffsetContext offset, Object key, Struct value) {
      return SUMMARY;
    }
  }
}
