package dev.outbox.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outbox.json.Json;
import dev.outbox.relay.model.SlotLoss;
import dev.outbox.relay.status.RelayStatus;
import java.util.Locale;

/**
 * The JSON form of {@link StatusReport}: one object, a field per line of the text form (absent
 * values are null, never left out), sizes in bytes and times in milliseconds as the field names
 * say. {@code max_lag_ms} and {@code lag_exceeded} appear with {@code --max-lag} only, {@code
 * dead_letters_error} only when the depth is null; {@code provider_bounces} is null when the
 * notifier's delivery log could not be read.
 */
final class StatusJson {

  private StatusJson() {}

  static String render(StatusReport report) {
    RelayStatus relay = report.relay();
    ObjectNode json = Json.mapper().createObjectNode();
    json.put("slot", relay.slot());
    json.put("slot_exists", relay.slotExists());
    json.put("relay_active", relay.activeRelay());
    json.put("stored_position", relay.storedPosition());
    json.put("confirmed_flush_lsn", relay.confirmedFlushLsn());
    json.put("restart_lsn", relay.restartLsn());
    json.put("wal_status", relay.walStatus());
    json.put("replay_from_wal_lsn", relay.walReplayFrom());
    json.put("lag_bytes", relay.lagBytes());
    json.put("lag_ms", report.lag().toMillis());
    json.put("retained_wal_bytes", relay.retainedWalBytes());
    json.put("outbox_pending", relay.pending());
    json.put("outbox_parked", relay.parked());
    SlotLoss loss = relay.lastSlotLoss();
    if (loss == null) {
      json.putNull("last_slot_loss");
    } else {
      ObjectNode last = json.putObject("last_slot_loss");
      last.put("detected_at", loss.detectedAt().toString());
      last.put("cause", loss.cause().name().toLowerCase(Locale.ROOT));
      last.put("stored_position", loss.storedPosition());
      last.put("action", loss.action().label());
      last.put("unpublished", loss.unpublished());
    }
    json.put("dead_letters", report.deadLetters());
    if (report.deadLetters() == null) {
      json.put("dead_letters_error", report.deadLettersUnknown());
    }
    json.put("provider_bounces", report.providerBounces());
    if (report.maxLag() != null) {
      json.put("max_lag_ms", report.maxLag().toMillis());
      json.put("lag_exceeded", report.lagExceeded());
    }
    try {
      return Json.mapper().writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
  }
}
