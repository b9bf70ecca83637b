package dev.outbox.chaos.pipeline;

import dev.outbox.chaos.infra.PrivatePostgres;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment of each role, only through the variables of the README's configuration table: the
 * private services, the provider stand-in behind the real SendGrid and Twilio adapters, one fixed
 * verification secret shared by api and notifiers, short notifier leases and retry delays (so a
 * send interrupted by a kill is retried within the run), and per-incarnation provider credentials
 * that tell the stand-in which incarnation sent a request.
 */
public final class RoleEnvironment {

  public static final String DATABASE = "outbox";
  public static final String EXCHANGE = "domain.events";
  public static final String SLOT = "outbox_relay";
  static final String SECRET = "chaos-suite-email-verification-secret-0123456789";

  private final PrivatePostgres postgres;
  private final String amqpUri;
  private final URI provider;
  private final int apiPort;

  public RoleEnvironment(PrivatePostgres postgres, String amqpUri, URI provider, int apiPort) {
    this.postgres = postgres;
    this.amqpUri = amqpUri;
    this.provider = provider;
    this.apiPort = apiPort;
  }

  /** What every process gets; the application name tells the suite's SQL whose session it is. */
  public Map<String, String> common(String member) {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", postgres.jdbcUrl(DATABASE, "chaos-" + member));
    env.put("DATABASE_USER", "postgres");
    env.put("EVENT_BUS_URL", amqpUri);
    env.put("EVENT_BUS_EXCHANGE", EXCHANGE);
    env.put("CDC_SLOT_NAME", SLOT);
    env.put("METRICS_PORT", "0");
    return env;
  }

  public Map<String, String> api() {
    Map<String, String> env = common("api");
    env.put("HTTP_PORT", String.valueOf(apiPort));
    env.put("EMAIL_VERIFICATION_SECRET", SECRET);
    return env;
  }

  /** A relay; 10ms idle polls instead of 1ms, to leave the shared cores to the others. */
  public Map<String, String> relay(String member) {
    Map<String, String> env = common(member);
    env.put("CDC_POLL_INTERVAL", "10ms");
    return env;
  }

  public Map<String, String> notifier(String member, String incarnation) {
    Map<String, String> env = common(member);
    env.put("EMAIL_VERIFICATION_SECRET", SECRET);
    env.put("PUBLIC_BASE_URL", "http://127.0.0.1:" + apiPort);
    env.put("EMAIL_ADAPTER", "sendgrid");
    env.put("SENDGRID_API_KEY", "SG.chaos-" + incarnation);
    env.put("SENDGRID_FROM", "noreply@chaos.example");
    env.put("SENDGRID_BASE_URL", provider.toString());
    env.put("SMS_ADAPTER", "twilio");
    env.put("TWILIO_ACCOUNT_SID", "AC0000000000000000000000000000c4a5");
    env.put("TWILIO_AUTH_TOKEN", "chaos-" + incarnation);
    env.put("TWILIO_FROM", "+15005550006");
    env.put("TWILIO_BASE_URL", provider.toString());
    // Short enough for a killed notifier's deliveries to be taken over within the run; the send
    // timeout well above the stand-in's answer time even at a load average of 30: with 2 s, a
    // first request of a run (cold JVMs) timed out after the stand-in had accepted it and was sent
    // again (run 20261201T131102Z), the ambiguity every at-least-once sender has on a timeout.
    env.put("NOTIFIER_LEASE_MS", "8000");
    env.put("NOTIFIER_SEND_TIMEOUT_MS", "6000");
    env.put("NOTIFIER_RETRY_INITIAL_DELAY_MS", "250");
    env.put("NOTIFIER_RETRY_MAX_DELAY_MS", "2000");
    env.put("NOTIFIER_MAX_ATTEMPTS", "40");
    return env;
  }
}
