package dev.outbox.config;

/**
 * The replication slot and publication the relay streams from. Shared because the migrations create
 * the publication, and the api's /admin/relay and the CLI's status report on the slot.
 */
public record ReplicationSettings(String slotName, String publication) {

  public static final Setting<String> SLOT_NAME =
      Setting.identifier("CDC_SLOT_NAME")
          .withDefault("outbox_relay")
          .withDescription(
              "logical replication slot; also names the relay's offsets and standby lock")
          .readBy(Role.RELAY, Role.API, Role.CLI);

  public static final Setting<String> PUBLICATION =
      Setting.identifier("CDC_PUBLICATION")
          .withDefault("outbox_publication")
          .withDescription(
              "publication on outbox_events (publish = 'insert'), created by the migrations")
          .readBy(Role.API, Role.RELAY, Role.NOTIFIER, Role.CLI);

  public static ReplicationSettings read(ConfigReader config) {
    return new ReplicationSettings(config.get(SLOT_NAME), config.get(PUBLICATION));
  }
}
