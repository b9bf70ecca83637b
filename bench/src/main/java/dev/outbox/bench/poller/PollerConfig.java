package dev.outbox.bench.poller;

import dev.outbox.config.ConfigReader;
import dev.outbox.config.DatabaseSettings;
import dev.outbox.config.EventBusSettings;
import dev.outbox.config.Role;
import dev.outbox.config.Setting;
import java.time.Duration;

/**
 * The seed design's worker settings, under the seed's variable names, next to the application's
 * database and broker variables.
 *
 * @param pollInterval OUTBOX_POLL_INTERVAL, as in the seed ("1s", "100ms")
 * @param batchSize OUTBOX_BATCH_SIZE, rows claimed per poll
 */
public record PollerConfig(
    DatabaseSettings database, EventBusSettings eventBus, Duration pollInterval, int batchSize) {

  static final Setting<Duration> POLL_INTERVAL =
      Setting.duration("OUTBOX_POLL_INTERVAL")
          .validatedBy(d -> !d.isZero(), "must be longer than 0")
          .withDefault("1s")
          .withDescription("the poller's ticker")
          .readBy(Role.BENCH);

  static final Setting<Integer> BATCH_SIZE =
      Setting.integer("OUTBOX_BATCH_SIZE", 1)
          .withDefault("100")
          .withDescription("rows the poller claims per poll")
          .readBy(Role.BENCH);

  public static PollerConfig read(ConfigReader config) {
    return new PollerConfig(
        DatabaseSettings.read(config),
        EventBusSettings.read(config),
        config.get(POLL_INTERVAL),
        config.get(BATCH_SIZE));
  }
}
