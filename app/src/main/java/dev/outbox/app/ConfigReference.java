package dev.outbox.app;

import java.util.List;

/**
 * Every environment variable the distribution reads, with its default and meaning: the source of
 * the README's configuration table and of {@code .env.example}, both tested against this list, and
 * this list tested against the names the config records read. Secrets have no default.
 */
public final class ConfigReference {

  /**
   * One variable. {@code defaultValue} is empty when there is none (secrets, optional settings);
   * {@code roles} says which roles read it.
   */
  public record Variable(String name, String defaultValue, String roles, String meaning) {}

  private static final String ALL = "all roles";
  private static final String NOTIFIER = "notifier";
  private static final String RELAY = "relay";

  public static final List<Variable> VARIABLES =
      List.of(
          new Variable(
              "DATABASE_URL",
              "jdbc:postgresql://localhost:5432/outbox",
              ALL,
              "PostgreSQL JDBC URL; the server needs wal_level=logical"),
          new Variable("DATABASE_USER", "postgres", ALL, "database user"),
          new Variable("DATABASE_PASSWORD", "", ALL, "database password (secret)"),
          new Variable(
              "EVENT_BUS_URL",
              "amqp://guest:guest@localhost:5672/",
              ALL,
              "RabbitMQ AMQP URI (a trailing / means the default vhost)"),
          new Variable(
              "EVENT_BUS_CA_FILE",
              "",
              ALL,
              "PEM file of the CA certificates an amqps:// broker's certificate must chain to,"
                  + " instead of the JVM truststore"),
          new Variable(
              "EVENT_BUS_EXCHANGE",
              "domain.events",
              "relay, notifier",
              "durable topic exchange the events are published to"),
          new Variable(
              "EVENT_BUS_MAX_MESSAGE_BYTES",
              "16777216",
              RELAY,
              "larger events are parked without sending (RabbitMQ 4's max_message_size)"),
          new Variable(
              "OUTBOX_MAX_RETRIES",
              "5",
              RELAY,
              "publish attempts for one event before it is parked as failed"),
          new Variable(
              "OUTBOX_RETENTION",
              "7d",
              RELAY,
              "how long published outbox rows are kept for replays"),
          new Variable(
              "CDC_SLOT_NAME",
              "outbox_relay",
              "relay, api, status",
              "logical replication slot; also names the relay's offsets and standby lock"),
          new Variable(
              "CDC_PUBLICATION",
              "outbox_publication",
              ALL,
              "publication on outbox_events (publish = 'insert'), created by the migrations"),
          new Variable("CDC_POLL_INTERVAL", "1ms", RELAY, "Debezium's wait when the WAL is idle"),
          new Variable(
              "CDC_HEARTBEAT_INTERVAL",
              "10s",
              RELAY,
              "how often an idle relay moves its slot forward"),
          new Variable(
              "CDC_MAX_BATCH_SIZE",
              "2048",
              RELAY,
              "most change events handed to one publish batch"),
          new Variable(
              "CDC_OFFSET_FLUSH_INTERVAL",
              "250ms",
              RELAY,
              "how often the stored WAL position moves (the slot's follows CDC_REPLAY_WINDOW"
                  + " later); bounds duplicates after a crash"),
          new Variable(
              "CDC_WAL_WARN_BYTES",
              "1073741824",
              RELAY,
              "retained WAL above which the relay warns"),
          new Variable(
              "CDC_REPLAY_WINDOW",
              "0",
              RELAY,
              "how far the slot's confirmed position trails the stored one, so `replay` can re-read"
                  + " that WAL (0, the default: replays come from the outbox rows); the server keeps"
                  + " that much more WAL, and every restart or takeover decodes it again before new"
                  + " events flow"),
          new Variable("HTTP_PORT", "8080", "api", "HTTP port of the api (0: any free port)"),
          new Variable(
              "ADMIN_TOKEN",
              "",
              "api",
              "bearer token of the /admin routes, 16+ characters; unset: routes disabled (secret)"),
          new Variable(
              "EMAIL_VERIFICATION_SECRET",
              "",
              "api, notifier",
              "HMAC key of the welcome email's verification token, 32+ characters; required"
                  + " for separate api and notifier processes, generated per run by `all`"
                  + " (secret)"),
          new Variable(
              "PUBLIC_BASE_URL",
              "http://localhost:8080",
              NOTIFIER,
              "where links in emails and SMS point"),
          new Variable(
              "METRICS_PORT",
              "9464",
              "relay, notifier",
              "port of /metrics for the relay and notifier processes (0: off; the api and"
                  + " `all` serve /metrics on HTTP_PORT)"),
          new Variable("EMAIL_ADAPTER", "log", NOTIFIER, "log, sendgrid or smtp"),
          new Variable("SMS_ADAPTER", "log", NOTIFIER, "log or twilio"),
          new Variable(
              "LOG_ADAPTER_PRINT_BODIES",
              "false",
              NOTIFIER,
              "true: the log adapters also print each message's text, with full recipients and"
                  + " working verification links (for local runs only)"),
          new Variable(
              "SENDGRID_API_KEY", "", NOTIFIER, "required with EMAIL_ADAPTER=sendgrid (secret)"),
          new Variable(
              "SENDGRID_FROM",
              "",
              NOTIFIER,
              "sender address, required with EMAIL_ADAPTER=sendgrid"),
          new Variable(
              "SENDGRID_BASE_URL",
              "https://api.sendgrid.com",
              NOTIFIER,
              "SendGrid API base URL (proxies, tests)"),
          new Variable("SMTP_HOST", "", NOTIFIER, "required with EMAIL_ADAPTER=smtp"),
          new Variable("SMTP_PORT", "587", NOTIFIER, "SMTP port"),
          new Variable("SMTP_USERNAME", "", NOTIFIER, "SMTP user; unset: no authentication"),
          new Variable("SMTP_PASSWORD", "", NOTIFIER, "SMTP password (secret)"),
          new Variable(
              "SMTP_FROM", "", NOTIFIER, "sender address, required with EMAIL_ADAPTER=smtp"),
          new Variable("SMTP_STARTTLS", "true", NOTIFIER, "use STARTTLS"),
          new Variable("TWILIO_ACCOUNT_SID", "", NOTIFIER, "required with SMS_ADAPTER=twilio"),
          new Variable(
              "TWILIO_AUTH_TOKEN", "", NOTIFIER, "required with SMS_ADAPTER=twilio (secret)"),
          new Variable(
              "TWILIO_FROM", "", NOTIFIER, "sender number, required with SMS_ADAPTER=twilio"),
          new Variable(
              "TWILIO_BASE_URL",
              "https://api.twilio.com",
              NOTIFIER,
              "Twilio API base URL (proxies, tests)"),
          new Variable(
              "TWILIO_STATUS_CALLBACK_URL",
              "{PUBLIC_BASE_URL}/webhooks/twilio/status",
              NOTIFIER,
              "where Twilio reports SMS delivery"),
          new Variable(
              "NOTIFIER_QUEUE",
              "notifier.notifications",
              NOTIFIER,
              "work queue of the email/SMS consumer (plus .retry.<delay>ms and .dlq queues)"),
          new Variable(
              "NOTIFIER_ANALYTICS_QUEUE",
              "notifier.analytics",
              NOTIFIER,
              "work queue of the analytics consumer"),
          new Variable(
              "NOTIFIER_CONCURRENCY",
              "4",
              NOTIFIER,
              "channels (messages in work at once) per queue"),
          new Variable("NOTIFIER_PREFETCH", "10", NOTIFIER, "unacknowledged messages per channel"),
          new Variable(
              "NOTIFIER_MAX_ATTEMPTS",
              "10",
              NOTIFIER,
              "attempts of one message before it is dead-lettered"),
          new Variable(
              "NOTIFIER_RETRY_INITIAL_DELAY_MS",
              "1000",
              NOTIFIER,
              "first retry delay, doubled per attempt"),
          new Variable("NOTIFIER_RETRY_MAX_DELAY_MS", "300000", NOTIFIER, "longest retry delay"),
          new Variable(
              "NOTIFIER_LEASE_MS",
              "60000",
              NOTIFIER,
              "how long a claimed delivery stays with the instance sending it"),
          new Variable(
              "NOTIFIER_SEND_TIMEOUT_MS",
              "10000",
              NOTIFIER,
              "connect and read timeout of provider calls (below the lease)"));

  private ConfigReference() {}

  /** The variable's names, in table order. */
  public static List<String> names() {
    return VARIABLES.stream().map(Variable::name).toList();
  }
}
