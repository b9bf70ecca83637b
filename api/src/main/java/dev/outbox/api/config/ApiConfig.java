package dev.outbox.api.config;

import dev.outbox.config.AmqpConnections;
import dev.outbox.config.ConfigReader;
import dev.outbox.config.DatabaseSettings;
import dev.outbox.config.EmailVerificationSettings;
import dev.outbox.config.EventBusSettings;
import dev.outbox.config.ProviderCallbackSettings;
import dev.outbox.config.ReplicationSettings;
import dev.outbox.config.Role;
import dev.outbox.config.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the api role reads: its own {@link #HTTP_PORT} and {@link #ADMIN_TOKEN}, and the shared
 * declarations of the database, the broker /ready checks, the replication slot /admin/relay reports
 * on (with the publication the migrations create) and the verification token's secret, which is
 * required because the notifier in another process signs the links with it ({@code all} passes a
 * generated one).
 *
 * @param adminToken empty when ADMIN_TOKEN is unset: the /admin routes then do not exist (404)
 */
public record ApiConfig(
    int httpPort,
    Optional<String> adminToken,
    String emailVerificationSecret,
    ReplicationSettings replication,
    AmqpConnections eventBus,
    DatabaseSettings database,
    WebhookSettings webhooks) {

  /** Admin tokens shorter than this are guessable. */
  static final int MIN_ADMIN_TOKEN_LENGTH = 16;

  public static final Setting<Integer> HTTP_PORT =
      Setting.port("HTTP_PORT")
          .withDefault("8080")
          .withDescription("HTTP port of the api (0: any free port)")
          .readBy(Role.API);

  public static final Setting<String> ADMIN_TOKEN =
      Setting.text("ADMIN_TOKEN")
          .asSecret()
          .validatedBy(
              token -> token.length() >= MIN_ADMIN_TOKEN_LENGTH,
              "must be at least " + MIN_ADMIN_TOKEN_LENGTH + " characters long")
          .withDescription(
              "bearer token of the /admin routes, 16+ characters; unset: routes disabled")
          .readBy(Role.API);

  /** Reads every setting of the api, recording each bad value in {@code config}. */
  public static ApiConfig read(ConfigReader config) {
    return new ApiConfig(
        config.get(HTTP_PORT),
        config.optional(ADMIN_TOKEN),
        EmailVerificationSettings.read(config, "to check the links of the welcome email").secret(),
        ReplicationSettings.read(config),
        EventBusSettings.connections(config),
        DatabaseSettings.read(config),
        WebhookSettings.read(config));
  }

  /** Every setting {@link #read} reads: the api's own constants, then the shared ones. */
  public static List<Setting<?>> settings() {
    List<Setting<?>> settings = new ArrayList<>(Setting.declaredIn(ApiConfig.class));
    settings.addAll(Setting.declaredIn(WebhookSettings.class));
    settings.addAll(
        List.of(
            ProviderCallbackSettings.PUBLIC_BASE_URL,
            ProviderCallbackSettings.TWILIO_AUTH_TOKEN,
            EmailVerificationSettings.SECRET,
            ReplicationSettings.SLOT_NAME,
            ReplicationSettings.PUBLICATION,
            EventBusSettings.URL,
            EventBusSettings.CA_FILE,
            DatabaseSettings.URL,
            DatabaseSettings.USER,
            DatabaseSettings.PASSWORD));
    return List.copyOf(settings);
  }

  @Override
  public String toString() {
    return "ApiConfig[httpPort="
        + httpPort
        + ", admin="
        + (adminToken.isPresent() ? "enabled" : "disabled")
        + ", cdcSlotName="
        + replication.slotName()
        + ", eventBus="
        + eventBus.display()
        + ", database="
        + database
        + ", webhooks="
        + webhooks
        + "]";
  }
}
