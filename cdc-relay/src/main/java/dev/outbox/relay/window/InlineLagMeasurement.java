package dev.outbox.relay.window;

import io.debezium.metrics.event.LagBehindSourceEvent;
import io.debezium.metrics.stats.Measurement;
import io.debezium.metrics.stats.MeasurementCollector;
import io.debezium.pipeline.ChangeEventSourceCoordinator;
import io.debezium.pipeline.meters.StreamingMeter;
import io.debezium.pipeline.metrics.DefaultStreamingChangeEventSourceMetrics;
import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the streaming metrics' lag behind the source on the streaming thread, instead of queueing
 * one measurement per change event to a thread of its own.
 *
 * <p>Debezium 3.6.1's {@code StreamingMeter.onEvent} hands a {@code LagBehindSourceEvent} for every
 * change event to its {@code MeasurementCollector}, which offers it to a bounded {@code
 * LinkedBlockingQueue} drained by a publisher thread (the quantiles of debezium/dbz#1417, added by
 * debezium/debezium PR #6976), even with {@code statistics.metrics.enabled=false}, when the
 * statistics behind it do nothing. In a profile of the relay draining a backlog (issue 17) that
 * thread took 5-6 % of a core, and the streaming thread parked 10-113 ms at a time on the queue's
 * lock while the publisher held it (JFR {@code jdk.ThreadPark} in {@code
 * LinkedBlockingQueue.signalNotEmpty}). The same pattern was removed from Spanner's {@code
 * QuantileMeter} upstream (debezium/dbz#2010). No setting turns it off.
 *
 * <p>So after the task's start the meter's collector, a private final field, is replaced,
 * reflectively, by one that applies each event to Debezium's own measurement at once (an
 * uncontended synchronized update of last, min, max and average): {@code MilliSecondsBehindSource}
 * and its statistics read as before. The old collector's thread is stopped. If the fields are not
 * where 3.6.1 has them (another Debezium version), the queue stays and a warning says so: a cost,
 * never a failure.
 */
final class InlineLagMeasurement {

  private static final Logger log = LoggerFactory.getLogger(InlineLagMeasurement.class);

  private InlineLagMeasurement() {}

  /** Replaces the streaming meter's collector of a started coordinator; true if it is inline. */
  @SuppressWarnings("unchecked")
  static boolean install(ChangeEventSourceCoordinator<?, ?> coordinator) {
    try {
      Object metrics =
          DebeziumFields.read(ChangeEventSourceCoordinator.class, "streamingMetrics", coordinator);
      Object meter =
          DebeziumFields.read(
              DefaultStreamingChangeEventSourceMetrics.class, "streamingMeter", metrics);
      Field collector = DebeziumFields.field(StreamingMeter.class, "measurementCollector");
      if (collector.get(meter) instanceof MeasurementCollector<?> queued
          && !(queued instanceof Inline)) {
        var lag =
            (Measurement<LagBehindSourceEvent>)
                DebeziumFields.read(StreamingMeter.class, "lagBehindSourceMeasurement", meter);
        collector.set(meter, new Inline(lag));
        queued.stop();
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn("Debezium's per-event lag measurement stays queued to its thread: {}", e.toString());
      return false;
    }
  }

  /** A collector of one measurement that applies each event on the caller's thread. */
  static final class Inline extends MeasurementCollector<LagBehindSourceEvent> {

    private final Measurement<LagBehindSourceEvent> lag;

    Inline(Measurement<LagBehindSourceEvent> lag) {
      this.lag = lag;
    }

    @Override
    public void accept(LagBehindSourceEvent event) {
      lag.accept(event);
    }

    /** No publisher thread: called by the superclass's constructor and the meter's start. */
    @Override
    public void start() {}

    @Override
    public void stop() {}
  }
}
