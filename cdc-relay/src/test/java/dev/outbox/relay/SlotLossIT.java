package dev.outbox.relay;

import static dev.outbox.relay.support.SlotLossSteps.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.outbox.relay.model.SlotLoss;
import dev.outbox.relay.status.RelayStatus;
import dev.outbox.relay.status.RelayStatusQuery;
import dev.outbox.relay.support.ReceivedMessages;
import dev.outbox.relay.support.RelayEnvironment;
import dev.outbox.relay.support.SlotLossSteps;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The relay's slot dropped while the relay was stopped, events written meanwhile: the relay finds
 * its stored position gone when it starts again and, by default, recovers by itself (a new slot,
 * every unpublished row published in commit order per aggregate, then streaming); with {@code
 * CDC_SLOT_LOSS=stop} it streams nothing and says why. (Invalidation by {@code
 * max_slot_wal_keep_size}: {@link SlotInvalidationIT}.)
 */
class SlotLossIT {

  static final String RECOVERY_LOG = "dev.outbox.relay.capture.SlotLossRecovery";

  @Test
  void a_slot_dropped_while_the_relay_was_stopped_is_replaced_and_every_event_delivered()
      throws Exception {
    try (RelayEnvironment env = new RelayEnvironment("slotloss")) {
      ReceivedMessages received = env.queue("loss.#");
      SlotLossSteps.streamOnceAndStop(env.dataSource, env.config(), received, "loss.before");
      SlotLossSteps.dropSlot(env.dataSource, env.slot);
      List<UUID> meanwhile = SlotLossSteps.insertEvents(env.dataSource, "loss.happened", 4, 5);
      ListAppender<ILoggingEvent> log = SlotLossSteps.captureLog(RECOVERY_LOG);

      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      try (Relay relay = Relay.start(env.config(), env.dataSource, registry)) {
        assertThat(relay.awaitStreaming(WAIT)).isTrue();
        env.insert(UUID.randomUUID().toString(), "loss.after", "{\"seq\":0}");

        await("every event, the ones written while the slot was gone included")
            .atMost(WAIT)
            .until(() -> received.distinct("loss.") == 1 + meanwhile.size() + 1);
        assertThat(registry.get("relay.slot.recoveries").counter().count()).isEqualTo(1.0);
        assertThat(relay.stoppedBySlotLoss()).isEmpty();
      } finally {
        SlotLossSteps.stop(RECOVERY_LOG, log);
      }

      assertThat(meanwhile).allSatisfy(id -> assertThat(received.byId(id)).isNotNull());
      assertThat(received.sequencesByAggregate("loss.happened"))
          .hasSize(4)
          .allSatisfy((aggregate, seqs) -> assertThat(seqs).containsExactly(0, 1, 2, 3, 4));
      assertThat(env.outbox.unpublished()).isZero();
      assertThat(SlotLossSteps.walStatus(env.dataSource, env.slot)).isEqualTo("reserved");
      assertThat(SlotLossSteps.errors(log))
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line)
                      .contains("slot " + env.slot)
                      .contains("the slot does not exist")
                      .contains("CDC_SLOT_LOSS=recover")
                      .contains("publishing all 20 unpublished events"));
      SlotLoss loss = new RelayStatusQuery(env.dataSource).lastSlotLoss(env.slot).orElseThrow();
      assertThat(loss.cause()).isEqualTo(SlotLoss.Cause.MISSING);
      assertThat(loss.action()).isEqualTo(SlotLoss.Action.RECOVERED);
      assertThat(loss.unpublished()).isEqualTo(20);
      assertThat(new RelayStatusQuery(env.dataSource).forSlot(env.slot).toText())
          .contains("last slot loss")
          .contains("missing at stored position")
          .contains("recovered (new slot; 20 unpublished events published from it)");
    }
  }

  @Test
  void a_relay_told_to_stop_on_slot_loss_streams_nothing_says_why_and_recovers_when_told_to()
      throws Exception {
    try (RelayEnvironment env = new RelayEnvironment("slotstop")) {
      ReceivedMessages received = env.queue("stop.#");
      SlotLossSteps.streamOnceAndStop(env.dataSource, env.config(), received, "stop.before");
      SlotLossSteps.dropSlot(env.dataSource, env.slot);
      List<UUID> meanwhile = SlotLossSteps.insertEvents(env.dataSource, "stop.happened", 2, 3);
      Map<String, String> vars = env.env();
      vars.put("CDC_SLOT_LOSS", "stop");
      ListAppender<ILoggingEvent> log = SlotLossSteps.captureLog(RECOVERY_LOG);

      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      try (Relay relay = Relay.start(RelayEnvironment.config(vars), env.dataSource, registry)) {
        await("the relay stops on the lost slot")
            .atMost(WAIT)
            .until(() -> relay.stoppedBySlotLoss().isPresent());

        assertThat(relay.isActive()).isFalse();
        assertThat(registry.get("relay.slot.loss.stopped").gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("relay.slot.recoveries").counter().count()).isZero();
        assertThat(relay.stoppedBySlotLoss().get().action()).isEqualTo(SlotLoss.Action.STOPPED);
        // Nothing touched: no new slot, the position still stored, the events still waiting.
        assertThat(SlotLossSteps.walStatus(env.dataSource, env.slot)).isNull();
        assertThat(env.rows.count("SELECT count(*) FROM relay_offsets")).isPositive();
        assertThat(env.outbox.unpublished()).isEqualTo(meanwhile.size());
        RelayStatus status = new RelayStatusQuery(env.dataSource).forSlot(env.slot);
        assertThat(status.toText()).contains("relay stopped (CDC_SLOT_LOSS=stop; 6 events wait)");
      } finally {
        SlotLossSteps.stop(RECOVERY_LOG, log);
      }
      assertThat(SlotLossSteps.errors(log))
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line)
                      .contains("slot " + env.slot)
                      .contains("can no longer be streamed")
                      .contains("CDC_SLOT_LOSS=stop: the relay streams nothing and is not ready")
                      .contains("restart the relay with CDC_SLOT_LOSS=recover"));

      try (Relay relay = Relay.start(env.config(), env.dataSource, new SimpleMeterRegistry())) {
        assertThat(relay.awaitStreaming(WAIT)).isTrue();
        await("every event after the restart with recover")
            .atMost(WAIT)
            .until(() -> received.distinct("stop.") == 1 + meanwhile.size());
      }
      assertThat(new RelayStatusQuery(env.dataSource).lastSlotLoss(env.slot))
          .hasValueSatisfying(
              loss -> assertThat(loss.action()).isEqualTo(SlotLoss.Action.RECOVERED));
    }
  }
}
