package dev.outbox.app;

import dev.outbox.api.config.ApiConfig;
import dev.outbox.config.DatabaseSettings;
import dev.outbox.config.EmailVerificationSettings;
import dev.outbox.config.EventBusSettings;
import dev.outbox.config.ExitCodes;
import dev.outbox.config.ReplicationSettings;
import dev.outbox.config.Setting;
import dev.outbox.config.tracing.TracingSettings;
import dev.outbox.notifier.config.NotifierConfig;
import dev.outbox.relay.config.RelayConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every environment variable the distribution reads: the union of the role records' declarations
 * ({@code RelayConfig.settings()}, {@code ApiConfig.settings()}, {@code NotifierConfig.settings()})
 * and app's own, merged by name. The README's configuration table and {@code .env.example} are
 * rendered from it ({@link ReferenceText}); ConfigReferenceTest fails when they drift, and {@link
 * #main} prints them:
 *
 * <pre>
 * java -cp app/target/outbox.jar dev.outbox.app.ConfigReference readme       # the table
 * java -cp app/target/outbox.jar dev.outbox.app.ConfigReference env-example  # .env.example
 * </pre>
 */
public final class ConfigReference {

  static final String ENV_HEADER =
      """
      # Every variable outbox.jar reads, with its default. Copy to .env and pass it with
      #   java -jar app/target/outbox.jar --env-file .env all
      # Variables set in the real environment win over this file; an empty value is the default.
      # Secrets: fill them in (or set <NAME>_FILE to a file holding one), never commit them.
      # The README's table has the details. Generated from the declarations:
      #   java -cp app/target/outbox.jar dev.outbox.app.ConfigReference env-example > .env.example
      """;

  private ConfigReference() {}

  /** The variables, grouped as {@code .env.example} shows them, shared declarations first. */
  static List<ReferenceText.Section> sections() {
    List<ReferenceText.Group> roles =
        List.of(
            new ReferenceText.Group("Relay", RelayConfig.settings()),
            new ReferenceText.Group("Api", ApiConfig.settings()),
            new ReferenceText.Group(
                "Probes and metrics of the relay and notifier processes",
                List.of(ProbeServer.PORT)),
            new ReferenceText.Group("Notifier", NotifierConfig.settings()),
            new ReferenceText.Group("Logs of every process", List.of(LogOutput.FORMAT)),
            new ReferenceText.Group(
                "Tracing of the api and the notifier (OpenTelemetry's own names)",
                List.of(TracingSettings.OTLP_ENDPOINT, TracingSettings.SERVICE_NAME)));
    List<ReferenceText.Group> groups = new ArrayList<>();
    groups.add(new ReferenceText.Group("Shared by several roles", sharedReadBy(roles)));
    groups.addAll(roles);
    return ReferenceText.sections(groups);
  }

  /** Every variable, in table order. */
  public static List<ReferenceText.Variable> variables() {
    return sections().stream().flatMap(s -> s.variables().stream()).toList();
  }

  /** The variables' names, in table order. */
  public static List<String> names() {
    return variables().stream().map(ReferenceText.Variable::name).toList();
  }

  static String readmeTable() {
    return ReferenceText.markdownTable(sections());
  }

  static String envExample() {
    return ReferenceText.envFile(ENV_HEADER, sections());
  }

  /** Prints the README's table ({@code readme}) or {@code .env.example} ({@code env-example}). */
  public static void main(String[] args) {
    String what = args.length == 1 ? args[0] : "";
    switch (what) {
      case "readme" -> System.out.print(readmeTable());
      case "env-example" -> System.out.print(envExample());
      default -> {
        System.err.println("usage: ConfigReference readme|env-example");
        System.exit(ExitCodes.USAGE);
      }
    }
  }

  /** The config module's shared declarations that some role reads (the others are not ours). */
  private static List<Setting<?>> sharedReadBy(List<ReferenceText.Group> roles) {
    Set<String> read =
        roles.stream()
            .flatMap(g -> g.settings().stream())
            .map(Setting::name)
            .collect(Collectors.toSet());
    return Setting.declaredIn(
            DatabaseSettings.class,
            EventBusSettings.class,
            ReplicationSettings.class,
            EmailVerificationSettings.class)
        .stream()
        .filter(s -> read.contains(s.name()))
        .toList();
  }
}
